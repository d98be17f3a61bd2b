"""Translators get one message per code comment and per diagram label, never
the code or the DOT source, and their translations land in the right place."""

from __future__ import annotations

import sys
from pathlib import Path

import polib
from bs4 import BeautifulSoup

from book import catalog
from conftest import BUILD, ROOT, run_make

sys.path.insert(0, str(ROOT / "extensions"))
from code_comments import find_comments, translate_comments  # noqa: E402
from diagram_labels import find_labels, translate_labels  # noqa: E402

CODE = '''\
#!/usr/bin/env python3
text = "# not a comment"  # A comment after code
# A comment on its own line
x = 1  # type: int
'''


def test_each_comment_is_one_message_and_strings_are_not_comments():
    assert [c.text for c in find_comments(CODE)] == ["A comment after code", "A comment on its own line"]


def test_a_translated_comment_replaces_only_the_comment():
    translated = translate_comments(CODE, {"A comment after code": "代码后的注释", "A comment on its own line": "单独一行的\n注释"})
    assert translated.splitlines() == [
        "#!/usr/bin/env python3",
        'text = "# not a comment"  # 代码后的注释',
        "# 单独一行的 注释",  # a translation never adds a line
        "x = 1  # type: int",
    ]


def test_code_that_is_not_python_yields_no_messages():
    assert find_comments("def broken(:\n    '''unterminated") == ()


DOT = 'digraph { q [shape=record, label="<h> Head|A|{<t> Tail|put()}"]; e [label="Say \\"hi\\""]; }'


def test_labels_are_messages_but_code_and_symbols_are_not():
    assert find_labels(DOT) == ["Head", "Tail", 'Say "hi"']  # as readers see it, unescaped


def test_translated_labels_keep_ports_and_record_structure():
    translated = translate_labels(DOT, {"Head": "队头", "Tail": "队|尾", 'Say "hi"': '说"你好"'})
    assert 'label="<h> 队头|A|{<t> 队\\|尾|put()}"' in translated
    assert 'label="说\\"你好\\""' in translated


def test_catalog_template_holds_comments_and_labels_but_no_code():
    run_make("gettext")
    messages = {entry.msgid for page in ("queues", "pipes")
                for entry in polib.pofile(str(BUILD / "gettext" / f"{page}.pot"))}
    for expected in ("Send data", "Create pipe; returns two connection endpoints", "Head", "Tail", "Endpoint 1", "Buffer"):
        assert expected in messages
    for message in messages:
        assert "import multiprocessing" not in message and "def " not in message, message
        assert "digraph" not in message and "label=" not in message, message


def test_a_comment_kept_identical_does_not_block_the_others(built_copy: Path):
    # Sphinx skips a whole node when its last message is translated by the
    # identical text; each comment and label must still be applied on its own.
    from catalogs import set_translation

    queues = catalog("zh_CN", "queues", built_copy)
    set_translation(queues, "Wait for processes to finish", "Wait for processes to finish")
    alt = "A queue of four items, A to D, between its head and its tail."
    set_translation(queues, alt, alt)
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    page = (built_copy / "build/html/zh_CN/queues.html").read_text(encoding="utf-8")
    assert "创建队列" in page and "发送 None 表示结束" in page  # the block's other comments
    # The diagram the page shows now (its alt text kept in English), not any
    # SVG under _images/ (an earlier build's would still say 队尾).
    diagram = BeautifulSoup(page, "html.parser").find("object", attrs={"aria-label": alt})
    assert diagram is not None, "the diagram's alt text, kept identical, is not on the page"
    svg = (built_copy / "build/html/zh_CN" / diagram["data"]).read_text(encoding="utf-8")
    assert "队尾" in svg and "Tail" not in svg  # the diagram's other label
