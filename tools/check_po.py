"""Check the translation catalogs; report every problem as file:line.

    python tools/check_po.py build/gettext zh_CN [ja ...]      (make check-po)

Exits 1 if any check fails. Checks, for every catalog of every language:

completeness   untranslated or fuzzy entries, in a language marked
               ``complete = true`` in languages.toml
up to date     the catalog has the messages the sources have now (else: run
               ``make update-po``)
markup         the translation keeps the message's MyST roles and their
               targets, inline code, links, substitutions, emphasis and
               placeholders; no line break a one-line message lacked; no
               leading ``---`` (MyST reads it as front matter)
emphasis       markers that do not pair stay literal asterisks (CommonMark,
               as MyST's parser reads it): ``**注意：**文本`` is not bold;
               write ``**注意**：文本``
glossary       a message using a term of ``locale/<lang>/glossary.csv``
               uses the required translation, and no translation uses a
               rendering the glossary forbids (see Term)
copywriting    CJK: autocorrect's rules (spaces between CJK and Latin words
               or digits, full-width punctuation), half-width parentheses
               and double quotes next to CJK text, and a space between CJK
               text and inline code or a role; text inside code, roles,
               links and placeholders is never checked
titles         CJK: a {doc} or {ref} shows a title or its own text; one
               whose text is Chinese is written against Chinese text, with
               no space (the space would show); a title inside Chinese text
               is quoted, 见“{ref}`label`”一节 (a list item may start with
               titles and a colon: {doc}`queues`和{doc}`pipes`：...)
numbers        CJK: a number the English writes in digits, in code
               (``timeout=5``) or in prose (``2 seconds``), is not written
               in Chinese numerals before a unit (五秒, 十个): 5 秒, 10 个
first use      a glossary term marked ``first_use = english``: on each page,
               its first use in running text (not a heading, table, code
               comment or diagram label) has the English in parentheses:
               馈送线程（feeder thread）
msgfmt         ``msgfmt --check`` (syntax, header, format strings)
header         the catalog's ``Language`` is the language of its directory
wrapping       the project's one wrapping style (``msgcat --no-wrap``)
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import importlib.metadata
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import autocorrect_py
import polib
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))
# The build's own check (raw HTML, link targets, block shape, control characters).
from book import LANGUAGES_FILE, catalogs, glossary, glossary_path, load_editions, write_atomically  # noqa: E402
from translation_guard import LINK_TARGETS, link_targets, msgstr_line, translation_problems  # noqa: E402
from compile_catalogs import nul_characters  # noqa: E402  (a NUL msgfmt would cut the text at)

ROLE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
# An inline code span: a run of backticks, the code, the same run (CommonMark).
CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
SUBSTITUTION = re.compile(r"\{\{\s*[\w.]+\s*\}\}")
# Emphasis is counted by the parser MyST uses: whether ** pairs depends on
# the characters around it (CommonMark's flanking rules), not on the text.
MARKDOWN = MarkdownIt("commonmark")
PATH = re.compile(r"[\w.-]*/[\w./-]*")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\$\{\w+\}|(?<![{\w])\{\w*\}(?!`)")
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
CJK_PUNCTUATION = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—～·"
# Cross-references whose text Sphinx fills in with a page's or a section's title.
REFERENCE = re.compile(r"\{(?:doc|ref)\}`([^`]*)`")
TITLE_REFERENCE = re.compile(r"\{(?:doc|ref)\}`[^`<]*`")
# A list item's lead: titles, then a colon ({doc}`queues`和{doc}`pipes`：...).
LEAD = re.compile(rf"^(?:{TITLE_REFERENCE.pattern})(?:\s*[和与及、]\s*(?:{TITLE_REFERENCE.pattern}))*\s*：")


@dataclass
class Problem:
    path: Path
    line: int
    kind: str
    text: str
    msgid: str = ""

    def __str__(self) -> str:
        if self.kind == "msgfmt":  # msgfmt's own lines already say file:line
            return self.text
        where = f"{self.path.relative_to(ROOT) if self.path.is_absolute() else self.path}:{self.line}"
        shown = self.msgid if len(self.msgid) <= 70 else self.msgid[:67] + "..."
        return f"{where}: {self.kind}: {self.text}" + (f"\n    msgid \"{shown}\"" if shown else "")


def emphasis(text: str) -> tuple[int, int, int]:
    """Strong spans, emphasis spans, and asterisks left as literal text."""
    tokens = MARKDOWN.parseInline(text)[0].children or []
    return (sum(t.type == "strong_open" for t in tokens), sum(t.type == "em_open" for t in tokens),
            sum(t.content.count("*") for t in tokens if t.type == "text"))


def markup(text: str) -> dict[str, Counter]:
    roles = []
    for role, content in ROLE.findall(text):
        target = re.search(r"<([^>]+)>\s*$", content)
        roles.append(f"{{{role}}}`{target.group(1) if target else content}`")
    rest = ROLE.sub(" ", text)
    strong, emphasised, _ = emphasis(text)
    return {
        "MyST role": Counter(roles),
        "inline code": Counter(code for _, code in CODE.findall(rest)),
        "link": link_targets(rest),
        "substitution": Counter(SUBSTITUTION.findall(rest)),
        "strong (**)": Counter({"spans": strong}),
        "emphasis (*)": Counter({"spans": emphasised}),
        "placeholder": Counter(PLACEHOLDER.findall(CODE.sub(" ", rest))),
    }


def check_markup(msgid: str, msgstr: str) -> list[str]:
    problems = []
    source, target = markup(msgid), markup(msgstr)
    for kind in source:
        missing, extra = source[kind] - target[kind], target[kind] - source[kind]
        if kind.startswith(("strong", "emphasis")):
            if source[kind] != target[kind]:
                problems.append(f"{kind}: {source[kind]['spans']} in the English, {target[kind]['spans']} in the translation")
            continue
        problems += [f"{kind} {item!r} is missing from the translation" for item in missing]
        if kind != "link":  # an extra link target: translation_problems says it
            problems += [f"{kind} {item!r} is not in the English" for item in extra]
    if "\n" in msgstr and "\n" not in msgid:
        problems.append("the translation has a line break the English does not have")
    if msgstr.lstrip().startswith("---"):
        problems.append("a message starting with '---' is read as MyST front matter")
    problems += translation_problems(msgid, msgstr)
    if emphasis(msgstr)[2] > emphasis(msgid)[2]:
        problems.append("emphasis markers that do not pair stay literal '*'; next to CJK punctuation, "
                        "put the punctuation outside the markers: **注意**：文本, not **注意：**文本")
    return problems


@dataclass
class Term:
    """One row of the glossary (``locale/<lang>/glossary.csv``).

    english    the term's English forms, ``|``-separated: a message whose
               English (outside code, roles and paths) has one must have the
               translation; so must one whose form a role begins or ends,
               read as the role shows ("{py:class}`bytes` object"), but not
               one whose form is a role's own text alone. A form written
               with backticks (```with` block``) is looked for with the code
               kept. Empty: nothing required.
    <lang>     the translation (backticks in it are not compared)
    forbidden  other renderings of the same thing, a regular expression: no
               translation may have them, whatever its English (卡死|卡住
               for 挂起). Looked for outside roles, with the code kept.
    first_use  ``english``: on each page, the term's first use in running
               text is followed by its English in parentheses (馈送线程（feeder
               thread）), so that readers can look it up in the English
               documentation
    """

    english: re.Pattern | None
    name: str
    required: str
    forbidden: re.Pattern | None
    english_at_first_use: bool = False
    forms: tuple[str, ...] = ()

    def used_in(self, msgstr: str) -> bool:
        return bool(self.required) and self.required.replace("`", "") in msgstr.replace("`", "")

    def with_english(self, msgstr: str) -> bool:
        """Whether the first use in ``msgstr`` has the English in parentheses."""
        return bool(re.match(r"\**\s*（\s*(?:" + "|".join(map(re.escape, self.forms)) + r")(?!\w)",
                             msgstr.replace("`", "").split(self.required.replace("`", ""), 1)[1], re.I))

    def problems(self, msgid: str, msgstr: str) -> list[str]:
        variants = dict.fromkeys(m.group() for m in self.forbidden.finditer(ROLE.sub(" ", msgstr))) \
            if self.forbidden else {}
        found = [f"'{variant}' is not the glossary's word: write '{self.required}'"
                 + (f" ('{self.name}')" if self.name else "") for variant in variants]
        if not found and self.english and self.in_english(msgid) \
                and self.required.replace("`", "") not in msgstr.replace("`", ""):
            found.append(f"'{self.name}' must be translated as '{self.required}'")
        return found

    def in_english(self, msgid: str) -> bool:
        """Whether the English uses the term: in its words, or across a
        role and the words next to it, read as the role shows
        ("{py:class}`bytes` object" reads "bytes object"). A term that only
        a role's own text has ("{py:class}`~multiprocessing.Queue`", Queue)
        is the role's: the translation keeps the role, not the term."""
        with_code = "`" in self.english.pattern  # a term written as code (`Queue`)
        if self.english.search(english_words(msgid, with_code)):
            return True
        text, roles = english_as_shown(msgid, with_code)
        return any(not any(start <= match.start() and match.end() <= end for start, end in roles)
                   for match in self.english.finditer(text))


# The English as the glossary's terms are looked for in it: the same for
# every term, so worked out once per message (check-po's time is mostly here).
@functools.cache
def english_words(msgid: str, with_code: bool) -> str:
    if with_code:
        return PATH.sub(" ", ROLE.sub(" ", msgid))
    return PYTHON_NAME.sub(" ", prose(msgid))


@functools.cache
def english_as_shown(msgid: str, with_code: bool) -> tuple[str, list[tuple[int, int]]]:
    """The English with each role read as it shows, and the roles' places."""
    text, roles = shown_roles(msgid)
    blank = lambda match: " " * len(match.group())  # noqa: E731  (the roles' places stay put)
    if not with_code:
        text = CODE.sub(blank, text)
    return PYTHON_NAME.sub(blank, PATH.sub(blank, text)), roles


# Python names written as plain words, as code comments do (no backticks
# there): a dotted name or a call (Process.interrupt(), p.join()), and a
# capitalised word inside a sentence ("A closed Process object"): the class,
# which the translation keeps as it is, not the term (进程).
PYTHON_NAME = re.compile(r"\b[A-Za-z_]\w*(?:\.\w+)+(?:\(\))?|\b\w+\(\)|(?<=[\w,;:] )[A-Z][a-z]+\b")


def load_glossary(language: str) -> list[Term]:
    terms = []
    for row in glossary(language):
        forms = [form for form in (row.get("english") or "").split("|") if form]
        forbidden = row.get("forbidden") or ""
        terms.append(Term(
            english=re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)", re.I) if forms else None,
            name=forms[0] if forms else "", required=row[language],
            forbidden=re.compile(forbidden) if forbidden else None,
            english_at_first_use=(row.get("first_use") or "").strip() == "english" and bool(forms),
            forms=tuple(form.replace("`", "") for form in forms)))
    return terms


def running_text(entry: polib.POEntry, sources: dict[str, list[str]]) -> bool:
    """Whether the message is running text of its page (a paragraph, a list
    item, a note), not a heading, a table cell, a code comment, a diagram
    label or a caption: where a term's first use is glossed."""
    if not entry.occurrences:
        return False
    name, number = entry.occurrences[0]
    if name not in sources:
        path = ROOT / name
        sources[name] = path.read_text(encoding="utf-8").split("\n") if path.is_file() else []
    lines = sources[name]
    line = lines[int(number) - 1] if number and 0 < int(number) <= len(lines) else ""
    body = re.sub(r"^\s*(?:[-*+]|\d+\.)\s+", "", line)  # a list item's marker
    return not line.startswith(("#", "|")) and entry.msgid[:20] in body


# -- Numbers bound to the English's digits ------------------------------------------

NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
POWERS = {"十": 10, "百": 100, "千": 1000}
# A count or measure in Chinese numerals (not an ordinal 第…, not 一些 or 一下).
CHINESE_NUMBER = re.compile(r"(?<![第零〇一二两三四五六七八九十百千万])([零〇一二两三四五六七八九十百千万]+)\s*"
                            r"(秒|毫秒|微秒|分钟|小时|个|次|项|条|字节|位|倍|行|块|份|把|种|步|名|遍|轮|组|段|层|页|字符|列|组)")
# Digits of the English prose: 10, 1,000 or 10 000 (not a version, 3.14, or part of a name).
ENGLISH_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:[ ,\u202f]\d{3})+|\d+)(?![\w]|\.\d)")
# Digit groups are set apart by a narrow no-break space (U+202F), as GB/T
# 15835 and the English edition do: a plain space lets the line break inside
# the number (20 / 000), a comma is not the house style.
LOOSE_DIGIT_GROUPS = re.compile(r"(?<![\w.])\d{1,3}(?:[ ,]\d{3})+(?![\w]|\.\d)")
# Digits bound to code: a keyword argument or an assignment (timeout=5), a call's argument (join(5)).
CODE_NUMBER = re.compile(r"(?:\b\w+=|\w\(|,\s*)(\d+)(?=[,)\s]|$)")
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                     "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000})


def chinese_number(numeral: str) -> int:
    """The value of a number written in Chinese numerals: 五 5, 十 10, 二十五 25, 三百 300, 一万 10000."""
    total = section = digit = 0
    for char in numeral:
        if char in NUMERALS:
            digit = NUMERALS[char]
        elif char in POWERS:
            section += (digit or 1) * POWERS[char]
            digit = 0
        elif char == "万":
            total += (section + digit or 1) * 10_000
            section = digit = 0
    return total + section + digit


def check_numbers(msgid: str, msgstr: str) -> list[str]:
    """Numbers the English writes in digits stay digits: 5 秒 for `timeout=5`."""
    bound = set()
    for _, code in CODE.findall(ROLE.sub(" ", msgid)):
        bound |= {int(number) for number in CODE_NUMBER.findall(code)}
    words = {NUMBER_WORDS[word] for word in re.findall(r"[a-z]+", prose(msgid).lower()) if word in NUMBER_WORDS}
    for number in ENGLISH_NUMBER.findall(prose(msgid)):
        value = int(re.sub(r"[ ,\u202f]", "", number))
        # 1 is also "a" (一个, 一次); a number the English spells too may be the spelled one.
        if value > 1 and value not in words:
            bound.add(value)
    problems = []
    for match in CHINESE_NUMBER.finditer(CODE.sub(" ", ROLE.sub(" ", msgstr))):
        value = chinese_number(match.group(1))
        if value in bound:
            problems.append(f"the English has {value} in digits: write '{value} {match.group(2)}', "
                            f"not '{match.group()}'")
    return problems


def shown_role(match: re.Match) -> str:
    """The text a role shows: its own text ({py:func}`text <os.fork>`), or
    its target as Sphinx writes it (``~`` keeps the last name; a function or
    a method takes ``()``). A {doc} or {ref} without text shows a title,
    which is not known here: nothing."""
    role, content = match.groups()
    explicit = re.fullmatch(r"(.*?)\s*<[^<>]+>\s*", content, re.S)
    if explicit and explicit.group(1).strip():
        return explicit.group(1)
    if role in {"doc", "ref"}:
        return " "
    target = content.lstrip("!")
    if target.startswith("~"):
        target = target[1:].rsplit(".", 1)[-1]
    return target + ("()" if role in {"py:func", "py:meth"} else "")


def shown_roles(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with each role replaced by the text it shows, and where those are."""
    parts, spans, at = [], [], 0
    for match in ROLE.finditer(text):
        parts.append(text[at : match.start()])
        start = sum(map(len, parts))
        parts.append(shown_role(match))
        spans.append((start, start + len(parts[-1])))
        at = match.end()
    parts.append(text[at:])
    return "".join(parts), spans


def prose(text: str) -> str:
    """The words of a message, without roles, inline code and file paths."""
    return PATH.sub(" ", CODE.sub(" ", ROLE.sub(" ", text)))


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Where the text is markup or code, which copywriting rules leave alone."""
    spans = []
    for pattern in (ROLE, CODE, LINK_TARGETS, SUBSTITUTION, PLACEHOLDER):
        spans += [match.span() for match in pattern.finditer(text)]
    return spans


def is_cjk(char: str) -> bool:
    return bool(char) and (bool(re.match(rf"[{CJK}]", char)) or char in CJK_PUNCTUATION)


def full_width_punctuation(msgstr: str) -> str:
    """``msgstr`` with half-width ( ) and " pairs in Chinese text made full-width.

    A pair is Chinese text when it encloses CJK characters or when the
    nearest character outside it, on either side, is CJK. Code, roles,
    links' targets, placeholders and calls (``put()``, glued to a name) are
    left alone.
    """
    spans = protected_spans(msgstr)
    free = [i for i, char in enumerate(msgstr) if char in '()"' and not any(a <= i < b for a, b in spans)]
    pairs, opened, quote = [], [], None
    for i in free:
        if msgstr[i] == "(":
            opened.append(i)
        elif msgstr[i] == ")" and opened:
            pairs.append((opened.pop(), i, "（", "）"))
        elif msgstr[i] == '"':
            if quote is None:
                quote = i
            else:
                pairs.append((quote, i, "“", "”"))
                quote = None
    chars = list(msgstr)
    for left, right, open_char, close_char in pairs:
        if open_char == "（" and re.match(r"[\w.]", msgstr[left - 1 : left], re.ASCII):
            continue  # a call written as plain text, put() or f(x): code
        if open_char == "（" and re.fullmatch(r"[^\u3000-\u9fff]*['\"=][^\u3000-\u9fff]*", msgstr[left + 1 : right]):
            continue  # a Python value written as plain text (code comments): ('', 6000), (x=1)
        before, after = msgstr[:left].rstrip()[-1:], msgstr[right + 1 :].lstrip()[:1]
        if any(is_cjk(c) for c in msgstr[left + 1 : right]) or is_cjk(before) or is_cjk(after):
            chars[left], chars[right] = open_char, close_char
    fixed = "".join(chars)
    if fixed == msgstr:
        return msgstr
    # Full-width punctuation carries its own space.
    return re.sub(r"[ \t]*([（“])[ \t]*", r"\1", re.sub(r"[ \t]*([）”])[ \t]*", r"\1", fixed))


def reference_text(reference: str) -> str | None:
    """What a {doc} or {ref} shows: its own text (``{ref}`队列 <queue>```),
    or None for the title of what it links to."""
    content = REFERENCE.fullmatch(reference).group(1)
    explicit = re.fullmatch(r"(.*?)\s*<[^<>]+>\s*", content, re.S)
    return explicit.group(1) if explicit and explicit.group(1).strip() else None


def shown_edges(reference: str) -> tuple[str, str]:
    """The first and last characters a {doc} or {ref} shows. A title is the
    translated title, in the edition's language: taken as CJK."""
    text = reference_text(reference)
    return (text[0], text[-1]) if text else ("中", "中")


def code_glued_to_cjk(msgstr: str) -> list[str]:
    """Inline code and roles written against CJK text, without a space (a
    {doc} or {ref} whose text is CJK on that side is written so)."""
    glued = []
    without_roles = ROLE.sub(lambda role: " " * len(role.group()), msgstr)  # the code in a role is the role's
    for pattern, text in ((ROLE, msgstr), (CODE, without_roles)):
        for match in pattern.finditer(text):
            start, end = match.span()
            first, last = shown_edges(match.group()) if REFERENCE.fullmatch(match.group()) else ("`", "`")
            if (start and re.match(rf"[{CJK}]", msgstr[start - 1]) and not is_cjk(first)
                    or re.match(rf"[{CJK}]", msgstr[end:end + 1]) and not is_cjk(last)):
                glued.append(msgstr[max(start - 1, 0) : end + 1])
    return [text for text in glued if not any(text in other and text != other for other in glued)]


def check_titles(msgstr: str) -> list[str]:
    """A {doc} or {ref} showing Chinese text takes no space next to Chinese
    text; a title inside Chinese text is quoted: 见“{ref}`label`”一节."""
    problems = []
    lead = LEAD.match(msgstr)
    unquoted = [match for match in TITLE_REFERENCE.finditer(msgstr)
                if not (lead and match.end() <= lead.end())
                and not (msgstr[match.start() - 1 : match.start()] == "“" and msgstr[match.end() : match.end() + 1] == "”")]
    if not re.search(rf"[{CJK}]", PATH.sub(" ", CODE.sub(" ", ROLE.sub(" ", msgstr)))):
        unquoted = []  # no Chinese text around: a list of links
    for match in REFERENCE.finditer(msgstr):
        if any(match.span() == other.span() for other in unquoted):
            continue  # quoting it (below) takes the spaces away
        first, last = shown_edges(match.group())
        before = re.search(r"(\S)([ \t]+)$", msgstr[: match.start()])
        after = re.match(r"([ \t]+)(\S)", msgstr[match.end():])
        if before and is_cjk(first) and is_cjk(before.group(1)) or after and is_cjk(last) and is_cjk(after.group(2)):
            problems.append(f"no space between Chinese text and a link whose text is Chinese (the space shows): "
                            f"{match.group()!r}")
    if unquoted:
        fixed = msgstr
        for match in reversed(unquoted):
            start = len(msgstr[: match.start()].rstrip(" \t"))
            end = len(msgstr) - len(msgstr[match.end():].lstrip(" \t"))
            fixed = fixed[:start] + "“" + match.group() + "”" + fixed[end:]
        problems.append(f"a title inside Chinese text is quoted, as 见“{{doc}}`page`” or 见“{{ref}}`label`”一节: "
                        f"suggested: {fixed!r}")
    return problems


def check_copywriting(msgstr: str) -> list[str]:
    problems = []
    fixed = full_width_punctuation(msgstr)
    if fixed != msgstr:
        problems.append(f"half-width ( ) or \" in Chinese text; use （ ） and “ ”: suggested: {fixed!r}")
    # autocorrect reads the message as Markdown: it leaves code spans alone.
    problems += [f"suggested: {line.new!r}" for line in autocorrect_py.lint_for(fixed, "message.md").lines]
    for text in code_glued_to_cjk(msgstr):
        problems.append(f"put a space between CJK text and inline code: {text!r}")
    for number in LOOSE_DIGIT_GROUPS.findall(prose(msgstr)):
        grouped = re.sub(r"[ ,]", "\u202f", number)
        problems.append(f"digit groups are set apart by a narrow no-break space (U+202F): write {grouped!r}, "
                        f"not {number!r}")
    return problems + check_titles(msgstr)


def check_catalog(po_path: Path, template: Path | None, complete: bool, language: str,
                  glossary: list) -> list[Problem]:
    problems: list[Problem] = []
    cjk = language.split("_")[0] in {"zh", "ja", "ko"}
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_path.relative_to(ROOT))],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0 or result.stderr.strip():
        # msgfmt names file:line itself; nothing else can be read reliably.
        return [Problem(po_path, 0, "msgfmt", result.stderr.strip())]
    if nuls := nul_characters(po_path):  # the build's own check, lines already naming file:line
        return [Problem(po_path, 0, "msgfmt", "\n".join(nuls))]
    text = po_path.read_text(encoding="utf-8")
    lines = text.splitlines()
    po = polib.pofile(text, wrapwidth=0)
    declared = po.metadata.get("Language", "")
    if declared.replace("-", "_") != language:
        line = next((i for i, text_line in enumerate(lines, 1) if text_line.startswith('"Language:')), 1)
        problems.append(Problem(po_path, line, "header",
                                f"Language is {declared!r}, but the catalog is in locale/{language}/"))
    sources: dict[str, list[str]] = {}  # the page's source lines, for where each message stands
    glossed: set[str] = set()  # the terms whose first use on this page was seen
    for entry in po:
        if entry.obsolete:
            continue
        line = msgstr_line(lines, entry.linenum)
        add = lambda kind, message: problems.append(Problem(po_path, line, kind, message, entry.msgid))  # noqa: E731
        if entry.fuzzy:  # (polib counts a fuzzy entry as untranslated)
            if complete:
                add("fuzzy", "the English changed: review the translation, then remove the fuzzy flag")
            continue
        if not entry.translated():
            if complete:
                add("untranslated", "no translation, in a language marked complete")
            continue
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        # A plural form stands for any count: compare it with the plural English.
        english = entry.msgid_plural or entry.msgid
        for msgstr in translations:
            for message in check_markup(english, msgstr):
                add("markup", message)
            for term in glossary:
                for message in term.problems(entry.msgid, msgstr):
                    add("glossary", message)
            if cjk:
                for message in check_copywriting(msgstr) + check_numbers(english, msgstr):
                    add("copywriting", message)
            if running_text(entry, sources):
                for term in glossary:
                    if term.english_at_first_use and term.required not in glossed and term.used_in(msgstr):
                        glossed.add(term.required)
                        if not term.with_english(msgstr):
                            add("glossary", f"first use of '{term.required}' on this page: follow it with the "
                                            f"English in parentheses, {term.required}（{term.name}）")
    if template is not None:
        expected = {e.msgid for e in polib.pofile(str(template)) if e.msgid}
        present = {e.msgid for e in po if not e.obsolete and e.msgid}
        new, gone = expected - present, present - expected
        if new or gone:
            problems.append(Problem(po_path, 1, "out of date",
                                    f"{len(new)} message(s) new in the sources, {len(gone)} gone; run `make update-po`"))
    normalised = subprocess.run(["msgcat", "--no-wrap", str(po_path)], capture_output=True, text=True).stdout
    if normalised and normalised != text:
        # Lines with their ends: a blank line after the last message differs too.
        first = next(i for i, (a, b) in enumerate(itertools.zip_longest(text.splitlines(keepends=True),
                                                                         normalised.splitlines(keepends=True)), 1)
                     if a != b)
        problems.append(Problem(po_path, first, "wrapping",
                                "not in the project's one style (no wrapping); run `make update-po` to rewrap"))
    return problems


# -- Speed only: a catalog's problems, kept until what they come from changes --
#
# A translator saves one catalog and runs check-po: only that catalog is
# checked again. The problems found are kept in build/check-po.json, keyed by
# everything they are worked out from: the catalog, its template, the
# checker's code and the project code it imports, the glossary,
# languages.toml, and the versions of Python, gettext and the libraries used.
# Deleting the file changes nothing but the time taken.

CHECKER_CODE = [Path(__file__), ROOT / "tools/compile_catalogs.py", *sorted((ROOT / "extensions").glob("*.py"))]


def checker_key(language: str) -> str:
    digest = hashlib.sha256(sys.version.encode())
    digest.update(subprocess.run(["msgfmt", "--version"], capture_output=True, text=True).stdout.encode())
    for package in ("polib", "autocorrect-py", "markdown-it-py"):
        digest.update(importlib.metadata.version(package).encode())
    for path in (*CHECKER_CODE, LANGUAGES_FILE, glossary_path(language)):
        digest.update(path.read_bytes() if path.exists() else b"(none)")
    return digest.hexdigest()


def catalog_key(checker: str, po_path: Path, template: Path | None) -> str:
    digest = hashlib.sha256(checker.encode())
    for path in (po_path, template):
        digest.update(path.read_bytes() if path is not None else b"(no template)")
    return digest.hexdigest()


def load_kept(path: Path) -> dict[str, list[dict]]:
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: everything is checked
        return {}
    return kept if isinstance(kept, dict) else {}


def kept_problems(records: list[dict]) -> list[Problem]:
    return [Problem(ROOT / record["path"], record["line"], record["kind"], record["text"], record["msgid"])
            for record in records]


def problem_records(problems: list[Problem]) -> list[dict]:
    return [{"path": str(problem.path.relative_to(ROOT)), "line": problem.line, "kind": problem.kind,
             "text": problem.text, "msgid": problem.msgid} for problem in problems]


def main(pot_dir: str, languages: list[str]) -> int:
    editions = load_editions()
    problems: list[Problem] = []
    checked = 0
    kept_file = Path(pot_dir).parent / "check-po.json"
    kept, keep = load_kept(kept_file), {}
    for language in languages:
        terms = load_glossary(language)
        complete = bool(editions.get(language, {}).get("complete"))
        checker = checker_key(language) + str(complete)
        for po_path in catalogs(language):
            template = Path(pot_dir) / po_path.with_suffix(".pot").name
            template = template if template.exists() else None
            key = catalog_key(checker, po_path, template)
            if key in kept:
                found = kept_problems(kept[key])
            else:
                found = check_catalog(po_path, template, complete, language, terms)
            keep[key] = problem_records(found)
            problems += found
            checked += 1
    if keep != kept:
        kept_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept_file, json.dumps(keep, ensure_ascii=False, indent=0, sort_keys=True))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"check-po: {checked} catalog(s), {len(problems)} problem(s)",
          file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
