"""Every mistake a translator can make is caught by `make check-po`, with a
message naming the file, the line and the message."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from catalogs import set_translation
from book import catalog_dir, glossary_path
from conftest import run_make

CATALOGS = catalog_dir("zh_CN", Path())


def catalog_with(project: Path, msgid: str) -> Path:
    """The page catalog (relative to the project) that holds ``msgid``."""
    for po in sorted((project / CATALOGS).glob("*.po")):
        if f'msgid "{msgid}"' in po.read_text(encoding="utf-8"):
            return po.relative_to(project)
    pytest.fail(f"no catalog has the message {msgid[:60]!r}")


def test_check_po_passes_on_the_landed_catalogs():
    result = run_make("check-po")
    assert "0 problem(s)" in result.stdout


CASES = {
    "dropped role": (
        "Besides {py:meth}`~multiprocessing.managers.SyncManager.dict` and "
        "{py:meth}`~multiprocessing.managers.SyncManager.list`, a "
        "{py:class}`~multiprocessing.managers.SyncManager` creates:",
        "除了 {py:meth}`~multiprocessing.managers.SyncManager.dict` 和 "
        "{py:meth}`~multiprocessing.managers.SyncManager.list`，SyncManager 还能创建：",
        "MyST role '{py:class}`~multiprocessing.managers.SyncManager`' is missing",
    ),
    "changed role target": (
        "Several producers and consumers",
        "多个生产者和消费者，见 {py:class}`~multiprocessing.Pipe`",
        "MyST role '{py:class}`~multiprocessing.Pipe`' is not in the English",
    ),
    "dropped inline code": (
        "In the example, the producer puts the numbers 0 to 4 into the queue, followed by `None` to signal the "
        "end. The consumer takes items from the queue until it gets `None`.",
        "在示例中，生产者把数字 0 到 4 放入队列，最后放入 None 表示结束。消费者不断从队列中取出数据，直到取到 `None` 为止。",
        "inline code 'None' is missing",
    ),
    "dropped emphasis": (
        "The {py:mod}`multiprocessing` module can create a child process in three ways, called *start methods*:",
        "{py:mod}`multiprocessing` 模块可以用三种方式创建子进程，这三种方式称为启动方法：",
        "emphasis (*): 1 in the English, 0 in the translation",
    ),
    "emphasis that will not render": (
        "The {py:mod}`multiprocessing` module can create a child process in three ways, called *start methods*:",
        "{py:mod}`multiprocessing` 模块可以用三种方式创建子进程，这三种方式称为*启动方法：*子进程",
        "emphasis markers that do not pair stay literal",
    ),
    "glossary": (
        "Several producers and consumers",
        "多个生产方和消费者",
        "'producer' must be translated as '生产者'",
    ),
    "half-width punctuation": (
        "In the example, the producer puts the numbers 0 to 4 into the queue, followed by `None` to signal the "
        "end. The consumer takes items from the queue until it gets `None`.",
        "在示例中,生产者把数字 0 到 4 放入队列,最后放入 `None` 表示结束.消费者不断从队列中取出数据,直到取到 `None` 为止.",
        "copywriting: suggested",
    ),
    "no space between Chinese and digits": (
        "In the example, the producer puts the numbers 0 to 4 into the queue, followed by `None` to signal the "
        "end. The consumer takes items from the queue until it gets `None`.",
        "在示例中，生产者把数字0到4放入队列，最后放入 `None` 表示结束。消费者不断从队列中取出数据，直到取到 `None` 为止。",
        "copywriting: suggested",
    ),
    "code glued to Chinese": (
        "In the example, the producer puts the numbers 0 to 4 into the queue, followed by `None` to signal the "
        "end. The consumer takes items from the queue until it gets `None`.",
        "在示例中，生产者把数字 0 到 4 放入队列，最后放入`None`表示结束。消费者不断从队列中取出数据，直到取到 `None` 为止。",
        "put a space between CJK text and inline code",
    ),
    "half-width parentheses": (
        "Interprocess Communication (IPC)",
        "进程间通信 (IPC)",
        "use （ ） and “ ”: suggested: '进程间通信（IPC）'",
    ),
    "a rendering the glossary forbids": (
        "`send()` pickles the object it is given. To send bytes as they are, use "
        "{py:meth}`~multiprocessing.connection.Connection.send_bytes`, which accepts any bytes-like object and, "
        "optionally, an offset and a size to send only a part of it. "
        "{py:meth}`~multiprocessing.connection.Connection.recv_bytes` receives one whole message as "
        "{py:class}`bytes`: unlike the operating system's pipes, a connection keeps the boundaries between messages.",
        "`send()` 会先序列化传给它的对象。要原样发送字节串，请使用 "
        "{py:meth}`~multiprocessing.connection.Connection.send_bytes`：它接受任何类字节对象，还可以用偏移量和长度只"
        "发送其中一部分。{py:meth}`~multiprocessing.connection.Connection.recv_bytes` 每次接收一条完整的消息，以 "
        "{py:class}`bytes` 返回：与操作系统的管道不同，连接会保留消息之间的边界。",
        "glossary: '类字节对象' is not the glossary's word: write '字节型对象' ('bytes-like object')",
    ),
    "Chinese numerals for the English's digits": (
        "A C double takes 8 bytes",
        "一个 C double 占八字节",
        "copywriting: the English has 8 in digits: write '8 字节', not '八字节'",
    ),
    "unquoted title": (
        "The example below has the same producer and consumer as the first example of {doc}`queues`, connected "
        "by a pipe instead of a queue. The producer sends `None` after its data, so that the consumer knows when "
        "to stop.",
        "下面的示例使用与 {doc}`queues` 一页第一个示例相同的生产者和消费者，只是用管道代替队列把它们连接起来。"
        "生产者在数据之后发送 `None`，让消费者知道何时停止。",
        "a title inside Chinese text is quoted, as 见“{doc}`page`” or 见“{ref}`label`”一节: suggested: "
        "'下面的示例使用与“{doc}`queues`”一页第一个示例",
    ),
    "line break in a code comment": (
        "Send data",
        "发送\\n数据",
        "a line break the English does not have",
    ),
    "untranslated in a complete language": (
        "Send data",
        "",
        "untranslated: no translation",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_check_po_names_file_line_and_message(built_copy: Path, case: str):
    msgid, msgstr, expected = CASES[case]
    catalog = catalog_with(built_copy, msgid)
    line = set_translation(built_copy / catalog, msgid, msgstr.replace("\\n", "\n"))
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert f"{catalog}:{line}: " in result.stderr, result.stderr
    assert expected in result.stderr, result.stderr
    assert msgid[:40] in result.stderr


def test_a_syntax_error_is_reported_by_msgfmt_with_file_and_line(built_copy: Path):
    catalog = catalog_with(built_copy, "Send data")
    po = built_copy / catalog
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index('msgid "Send data"') + 1
    lines[at] = 'msgstr "发送数据'  # the closing quote forgotten
    po.write_text("\n".join(lines), encoding="utf-8")
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    # msgfmt reports the unterminated string on its line or the next.
    assert f"{catalog}:{at + 1}: " in result.stderr or f"{catalog}:{at + 2}: " in result.stderr, result.stderr
    assert "end-of-line within string" in result.stderr


def test_a_blank_line_after_the_last_message_is_named_with_its_line(built_copy: Path):
    catalog = catalog_with(built_copy, "Send data")
    text = (built_copy / catalog).read_text(encoding="utf-8")
    (built_copy / catalog).write_text(text + "\n", encoding="utf-8")  # an editor's trailing blank line
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"{catalog}:{text.count(chr(10)) + 1}: " in result.stderr, result.stderr[-2000:]


def test_a_wrong_language_header_is_reported(built_copy: Path):
    catalog = CATALOGS / "queues.po"
    po = built_copy / catalog
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index('"Language: zh_CN\\n"')
    lines[at] = '"Language: zh_TW\\n"'
    po.write_text("\n".join(lines), encoding="utf-8")
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert f"{catalog}:{at + 1}: header: Language is 'zh_TW'" in result.stderr, result.stderr


# Markup the chapter's messages do not use yet, checked on the function itself.
MARKUP_CASES = [
    ("See [the docs](https://docs.python.org/3/) first.", "先看[文档](https://docs.python.org/zh-cn/3/)。",
     "link 'https://docs.python.org/3/' is missing"),
    ("See <https://example.org/> first.", "先看 example.org。", "link 'https://example.org/' is missing"),
    ("Version {{release}} is out.", "版本已发布。", "substitution '{{release}}' is missing"),
    ("Sent %d items to %(name)s.", "已发送 %d 个数据。", "placeholder '%(name)s' is missing"),
    ("Hello {name}!", "你好，{名字}！", "placeholder '{name}' is missing"),
    ("This is **important**.", "这很重要。", "strong (**): 1 in the English, 0 in the translation"),
    ("Use ``a`b`` here.", "在这里使用 `a`。", "inline code 'a`b' is missing"),
    ("Call {py:func}`text <os.fork>`.", "调用 {py:func}`文字 <os.fork>`。", None),  # the role's text is translated
    ("This is **the point**.", "这是，**重点**。", None),  # CJK punctuation before an opening marker is fine
    ("A *note* here.", "（*注*）好", None),
    ("**Note:** text", "**注意：**文本", "emphasis markers that do not pair stay literal"),
    ("Text **“quoted”** text", "文本**“引用”**文本", "emphasis markers that do not pair stay literal"),
    ("Compute 2 * 3 now.", "现在计算 2 * 3。", None),  # a literal asterisk of the English
    # What the build refuses too (extensions/translation_guard.py)
    ("A queue.", "一个队列。<script>alert(1)</script>", "raw HTML '<script>' is not in the English"),
    ("A queue.", "一个<img src=x onerror=alert(1)>队列。", "raw HTML '<img src=x onerror=alert(1)>'"),
    ("See [the docs](https://docs.python.org/3/).", "见[文档](javascript:alert(1))。", "link target 'javascript:"),
    ("See the docs.", "见[文档](https://evil.example/)。", "link target 'https://evil.example/'"),
    ("A queue.", "一个队列。![图](data:image/png;base64,AAAA)", "link target 'data:image/png"),
    ("A queue.", "# 一个队列", "reads as a heading, the English as a paragraph"),
    ("A queue.", "---", "reads as a thematic break"),
    ("A queue.", "> 一个队列", "reads as a block quote"),
    ("A queue.", "   ", "reads as nothing (empty)"),
    ("A queue.", "一个队列 #noqa", "'#noqa'"),
    ("A queue.", "一个\u202e队列。", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("A queue.", "一个\x00队列。", "U+0000"),
    ("Press <kbd>C</kbd> to stop.", "按 <kbd>C</kbd> 停止。", None),  # the English's own tags, kept
    ("See [the docs](https://docs.python.org/3/).", "见[文档](https://docs.python.org/3/)。", None),
]


@pytest.mark.parametrize("msgid, msgstr, expected", MARKUP_CASES)
def test_markup_checks(msgid: str, msgstr: str, expected: str | None):
    from check_po import check_markup

    problems = check_markup(msgid, msgstr)
    if expected is None:
        assert problems == []
    else:
        assert any(expected in problem for problem in problems), problems


COPYWRITING_CLEAN = [
    "字符串 `Ciallo～(∠・ω< )⌒★` 存入",  # code is never checked
    "调用 {py:meth}`~multiprocessing.Process.start` 时",
    "队列：put() 在队尾添加",  # a call, written as plain text
    "可在 POSIX 系统（Linux、macOS）上使用",
    "见[文档](https://example.org/a_(b))。",
]


@pytest.mark.parametrize("msgstr", COPYWRITING_CLEAN)
def test_copywriting_leaves_code_and_markup_alone(msgstr: str):
    from check_po import check_copywriting

    assert check_copywriting(msgstr) == []


# A {doc} or {ref} shows a title (or its own text): in Chinese text, a title
# is quoted, and a link whose text is Chinese takes no space (it would show).
TITLES_CLEAN = [
    "见“{doc}`queues`”。",
    "原因见“{ref}`pools-with-block`”一节。",
    "（见“{ref}`global-variables`”一节）",
    "有多个消费者时，请使用{ref}`队列 <queue>`。",  # its own text, Chinese: written against Chinese
    "使用 {ref}`Queue <queue>` 类",  # its own text, Latin: spaced like any Latin word
    "{doc}`processes`：子进程如何启动；",  # a list item's lead: titles and a colon
    "{doc}`queues`和{doc}`pipes`：在进程之间传递消息；",
    "{doc}`queues`",  # no Chinese text around
]


@pytest.mark.parametrize("msgstr", TITLES_CLEAN)
def test_titles_quoted_and_chinese_links_unspaced_pass(msgstr: str):
    from check_po import check_copywriting

    assert check_copywriting(msgstr) == []


TITLES_REFUSED = [
    ("原因见 {ref}`pools-with-block` 一节。", "suggested: '原因见“{ref}`pools-with-block`”一节。'"),
    ("原因见{ref}`pools-with-block`一节。", "suggested: '原因见“{ref}`pools-with-block`”一节。'"),
    ("副本（{ref}`global-variables`）", "suggested: '副本（“{ref}`global-variables`”）'"),
    ("进程池（{doc}`pools`）中", "a title inside Chinese text is quoted"),
    ("“{doc}`queues`” 和 {doc}`pipes` 传递消息", "suggested: '“{doc}`queues`” 和“{doc}`pipes`”传递消息'"),
    ("请使用 {ref}`队列 <queue>`。", "no space between Chinese text and a link whose text is Chinese"),
    ("{doc}`queues` 和 {doc}`pipes`：在进程之间传递消息；", "a link whose text is Chinese (the space shows): '{doc}`queues`'"),
    ("使用{ref}`Queue <queue>`类", "put a space between CJK text and inline code"),
]


@pytest.mark.parametrize("msgstr, expected", TITLES_REFUSED)
def test_titles_unquoted_or_spaced_are_reported(msgstr: str, expected: str):
    from check_po import check_copywriting

    problems = check_copywriting(msgstr)
    assert any(expected in problem for problem in problems), problems


# One term each: glossary.csv's forbidden column names the other renderings
# of a term, refused in every translation whatever its English.
GLOSSARY_CASES = [
    ("A program that hangs shows no error.", "卡死的程序不会报错。", "'卡死' is not the glossary's word: write '挂起' ('hang')"),
    ("Find out which process is stuck.", "查明是哪个进程卡住了。", "'卡住' is not the glossary's word: write '挂起'"),
    ("A proxy holds no data.", "代理本身不保存任何数据。", "'代理' is not the glossary's word: write '代理对象' ('proxy')"),
    ("A proxy holds no data.", "它本身不保存任何数据。", "'proxy' must be translated as '代理对象'"),
    ("It starts a server process.", "它启动一个服务器进程。", "'服务器进程' is not the glossary's word: write '服务进程'"),
    ("It accepts any bytes-like object.", "它接受任何类字节对象。", "'类字节对象' is not the glossary's word: write '字节型对象'"),
    ("It returns a bytes object.", "它返回一个字节对象。", "'字节对象' is not the glossary's word: write '字节串'"),
    ("Use the pool in a `with` block.", "请在 `with` 块中使用进程池。", "'`with` 块' is not the glossary's word: write '`with` 语句块'"),
    ("Leaving the with block", "离开 with 代码块时", "'with 代码块' is not the glossary's word: write '`with` 语句块'"),
    ("Use the pool in a `with` block.", "请在上下文中使用进程池。", "'`with` block' must be translated as '`with` 语句块'"),
    ("which producer's first item comes out first", "哪个生产者的第一个数据先出队", "'第一个数据' is not the glossary's word: write '元素'"),
    ("`Queue(maxsize=10)` holds at most ten items", "`Queue(maxsize=10)` 最多容纳 10 项数据", "'10 项数据' is not the glossary's word"),
    # A term a role begins: the English reads "bytes object", as the page shows it.
    ("with typecode `'c'` a slice is a {py:class}`bytes` object", "类型码为 `'c'` 时，切片是 {py:class}`bytes` 对象",
     "'bytes object' must be translated as '字节串'"),
    ("The kernel's log names the PID.", "内核日志会写出进程号。", "'进程号' is not the glossary's word: write 'PID'"),
    ("In our runs it printed nothing.", "在我们的运行中，它什么也没打印。", "'在我们的运行中' is not the glossary's word: write '在我们的测试中'"),
]


def glossary_problems(msgid: str, msgstr: str) -> list[str]:
    from check_po import load_glossary

    return [problem for term in load_glossary("zh_CN") for problem in term.problems(msgid, msgstr)]


@pytest.mark.parametrize("msgid, msgstr, expected", GLOSSARY_CASES)
def test_glossary_refuses_other_renderings(msgid: str, msgstr: str, expected: str):
    problems = glossary_problems(msgid, msgstr)
    assert any(expected in problem for problem in problems), problems


GLOSSARY_CLEAN = [
    ("A program that hangs shows no error.", "挂起的程序不会报错。"),
    ("A proxy holds no data.", "代理对象本身不保存任何数据。"),
    ("Use the pool in a `with` block.", "请在 `with` 语句块中使用进程池。"),
    ("Leaving the with block", "离开 with 语句块时"),  # a code comment: no backticks
    ("Use a lock in a `with` statement.", "请在 `with` 语句中使用锁。"),
    ("It accepts any bytes-like object.", "它接受任何字节型对象。"),
    ("a file name, a database key", "一个文件名、一个数据库键"),  # 数据库 is not a counted 数据
    ("several processes write the same data", "多个进程要写同一份数据"),
    ("which producer's first item comes out first", "哪个生产者的第一个元素先出队"),
    # Python names written as plain words (code comments): the class, not the term.
    ("Process.interrupt() is new in 3.14", "Process.interrupt() 是 3.14 新增的"),
    ("A closed Process object can no longer be used.", "关闭后的 Process 对象不能再使用。"),
    ("with typecode `'c'` a slice is a {py:class}`bytes` object", "类型码为 `'c'` 时，切片是字节串（{py:class}`bytes`）"),
    # A role's own text is the role's: the translation keeps the role, not the term (queue, 队列).
    ("Several producers share one {py:class}`~multiprocessing.Queue`.", "多个生产者共用一个 {py:class}`~multiprocessing.Queue`。"),
]


@pytest.mark.parametrize("msgid, msgstr", GLOSSARY_CLEAN)
def test_glossary_accepts_its_terms(msgid: str, msgstr: str):
    assert glossary_problems(msgid, msgstr) == []


# Numbers bound to code, or written in digits by the English, stay digits.
NUMBERS_REFUSED = [
    ("Give it a timeout in seconds: `get(timeout=5)` waits at most five seconds.", "`get(timeout=5)` 最多等待五秒。",
     "the English has 5 in digits: write '5 秒', not '五秒'"),
    ("`Queue(maxsize=10)` holds at most ten items.", "`Queue(maxsize=10)` 最多容纳十个元素。", "write '10 个'"),
    ("`Pool(processes=4)` starts four worker processes.", "`Pool(processes=4)` 启动四个工作进程。", "write '4 个'"),
    ("`p.join(30)` waits.", "`p.join(30)` 等待三十秒。", "write '30 秒'"),
    ("After 2 seconds, it stops.", "两秒后，它停止。", "write '2 秒'"),
    ("four processes each add 1 twenty thousand times: 80 000 in all", "一共八万次", "write '80000 次'"),
    ("four processes each add 1 twenty thousand times: 80\u202f000 in all", "一共八万次", "write '80000 次'"),
]


@pytest.mark.parametrize("msgid, msgstr, expected", NUMBERS_REFUSED)
def test_numbers_of_the_english_stay_digits(msgid: str, msgstr: str, expected: str):
    from check_po import check_numbers

    problems = check_numbers(msgid, msgstr)
    assert any(expected in problem for problem in problems), problems


# A Python value in a code comment keeps its half-width parentheses; prose gets full-width ones.
@pytest.mark.parametrize("msgstr, fixed", [
    ("监听所有网络接口 ('', 6000) 上的端口", None),
    ("用关键字参数 (timeout=5) 调用", None),
    ("自由线程构建版 (PEP 703) 没有 GIL", "自由线程构建版（PEP 703）没有 GIL"),
])
def test_half_width_parentheses_stay_around_a_python_value(msgstr: str, fixed: str | None):
    from check_po import full_width_punctuation

    assert full_width_punctuation(msgstr) == (fixed or msgstr)


# Digit groups: a narrow no-break space (U+202F), never a plain space (the
# line may break inside the number) or a comma.
@pytest.mark.parametrize("msgstr, refused", [
    ("一共 80 000 次", True), ("从 10,000 到 19,999", True), ("2 147 483 647 是上限", True),
    ("一共 80\u202f000 次", False), ("一共 80000 次", False), ("在 `Queue(maxsize=32 767)` 中", False),
    ("Python 3.14 和 3.15", False),
])
def test_digit_groups_take_a_narrow_no_break_space(msgstr: str, refused: bool):
    from check_po import check_copywriting

    problems = [p for p in check_copywriting(msgstr) if "U+202F" in p]
    assert bool(problems) == refused, problems


def test_the_english_sets_digit_groups_with_a_narrow_no_break_space():
    from check_po import LOOSE_DIGIT_GROUPS, prose

    root = Path(__file__).resolve().parents[2]
    loose = [(path.name, number) for path in sorted((root / "source").glob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("    ")
             for number in LOOSE_DIGIT_GROUPS.findall(prose(line))]
    assert loose == []


NUMBERS_CLEAN = [
    ("`get(timeout=5)` waits at most five seconds.", "`get(timeout=5)` 最多等待 5 秒。"),
    ("from 100 bytes to 10 KB, a hundred times more data", "从 100 字节到 10 KB，数据量增加到一百倍"),  # spelled too
    ("100 items on 4 workers make about four chunks each", "4 个工作进程处理 100 项时，每个大约四块"),
    ("`counter.value += 1` is three steps", "`counter.value += 1` 分三步执行，一次读"),  # 一 is also "a"
    ("exit code 1", "一个进程以退出码 1 结束"),
    ("On Python 3.14, two processes", "在 Python 3.14 上，三个进程"),  # a version is not a count
]


@pytest.mark.parametrize("msgid, msgstr", NUMBERS_CLEAN)
def test_numbers_spelled_or_unbound_pass(msgid: str, msgstr: str):
    from check_po import check_numbers

    assert check_numbers(msgid, msgstr) == []


@pytest.mark.parametrize("numeral, value", [("五", 5), ("十", 10), ("十五", 15), ("二十五", 25), ("三百", 300),
                                            ("一百零五", 105), ("一千二百", 1200), ("两万", 20000), ("八万", 80000)])
def test_chinese_numerals_are_read(numeral: str, value: int):
    from check_po import chinese_number

    assert chinese_number(numeral) == value


def test_a_key_terms_first_use_on_a_page_has_the_english(built_copy: Path):
    """glossary.csv's first_use column: on each page, the term's first use in
    running text is followed by the English in parentheses; a later use, a
    heading or a code comment needs none."""
    catalog = CATALOGS / "processes.po"
    msgid = ("A {py:class}`~multiprocessing.Process` object runs a function, its *target*, in a new process. "
             "{py:meth}`~multiprocessing.Process.start` creates the process and "
             "{py:meth}`~multiprocessing.Process.join` waits until it has finished. This page shows what a child "
             "process starts with, how the three ways of starting it differ, and what a program must do to run "
             "correctly under all of them.")
    po = built_copy / catalog
    translated = polib.pofile(str(po)).find(msgid).msgstr
    assert "启动方法（start method）" in translated
    line = set_translation(po, msgid, translated.replace("启动方法（start method）", "启动方法"))
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert (f"{catalog}:{line}: glossary: first use of '启动方法' on this page: follow it with the English "
            f"in parentheses, 启动方法（start method）") in result.stderr, result.stderr
    # Only the first use: the next message that uses the term is not reported.
    assert result.stderr.count(f"{catalog}:") == 1, result.stderr


def test_kept_results_never_hide_a_problem(built_copy: Path):
    """check-po keeps each catalog's problems (build/check-po.json) until what
    they come from changes: a problem is reported at every run, and an edit
    of the glossary alone (no catalog changed) has every catalog checked again."""
    assert "0 problem(s)" in run_make("check-po", cwd=built_copy).stdout
    assert (built_copy / "build/check-po.json").exists()  # kept: the runs below read it
    catalog = catalog_with(built_copy, "Send data")
    landed = (built_copy / catalog).read_bytes()
    line = set_translation(built_copy / catalog, "Send data", "发送\n数据")
    first, second = (run_make("check-po", cwd=built_copy, check=False) for _ in range(2))
    assert first.returncode != 0 and second.returncode != 0
    assert f"{catalog}:{line}: " in second.stderr and first.stderr == second.stderr
    (built_copy / catalog).write_bytes(landed)
    glossary = glossary_path("zh_CN", built_copy)
    kept = glossary.read_text(encoding="utf-8")
    glossary.write_text(kept + "pipe|pipes,管线,,管道\n", encoding="utf-8")  # the word the book uses, now refused
    result = run_make("check-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert f"{CATALOGS / 'pipes.po'}:" in result.stderr and "'管道' is not the glossary's word" in result.stderr
    glossary.write_text(kept, encoding="utf-8")
    assert "0 problem(s)" in run_make("check-po", cwd=built_copy).stdout
