"""A translation can neither inject markup nor silently disappear.

Each test edits a copy of a real catalog as a translator's editor would (the
text of the .po), then builds as a translator does. Whatever the mistake, the
build or `make check-po` names the catalog's file and the msgstr's line, the
page never carries the translator's markup as HTML, and the .po is left byte
for byte as the translator wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from catalogs import set_translation
from book import catalog
from conftest import earlier_pdfs, run_make
from html_pages import page_to_edit, parsed_page

PAGE = "processes"
CATALOG = catalog("zh_CN", PAGE, Path())
NO_W = "SPHINXOPTS=-n --keep-going"  # a build that does not stop at warnings


def prose_messages(po_path: Path, count: int) -> list[str]:
    """Translated paragraphs of the page (not code comments, captions or titles)."""
    found = [e.msgid for e in polib.pofile(str(po_path))
             if e.translated() and not e.obsolete and "\n" not in e.msgid and len(e.msgid) > 60
             and e.msgid.endswith(".") and any(p.startswith("source/") for p, _ in e.occurrences)]
    assert len(found) >= count, f"{po_path} has only {len(found)} translated paragraphs"
    return found[:count]


def title_message(po_path: Path) -> str:
    return next(e.msgid for e in polib.pofile(str(po_path)) if e.msgid and e.translated())


def append(po_path: Path, msgid: str, text: str) -> int:
    """The translator adds ``text`` at the end of a message's translation."""
    return set_translation(po_path, msgid, polib.pofile(str(po_path)).find(msgid).msgstr + text)


def reported(output: str, line: int, words: str) -> bool:
    return any(f"{CATALOG}:{line}: " in row and words in row for row in output.splitlines())


def assert_refused(project: Path, target: str, lines: dict[int, str]) -> None:
    """`make target` fails and names each catalog line with its problem; no traceback."""
    result = run_make(target, *(["LANGUAGES=zh_CN"] if target != "check-po" else []), cwd=project, check=False)
    assert result.returncode != 0, target
    for line, words in lines.items():
        assert reported(result.stderr, line, words), (target, line, result.stderr[-4000:])
    assert "Traceback" not in result.stdout + result.stderr


def zh_page(project: Path) -> BeautifulSoup:
    return page_to_edit(project / f"build/html/zh_CN/{PAGE}.html")


# Attributes whose values are text for readers (or ids), not markup: compared by name only.
TEXT_ATTRIBUTES = {"id", "alt", "title", "aria-label", "aria-labelledby", "aria-describedby", "name", "for"}


def markup_signature(tag) -> tuple:
    """An element as markup: its name, its attributes with their values (link
    targets included), and the code of a script or style."""
    attributes = tuple(sorted(
        (name, "" if name in TEXT_ATTRIBUTES else " ".join(value) if isinstance(value, list) else str(value))
        for name, value in tag.attrs.items()))
    return tag.name, attributes, tag.get_text() if tag.name in ("script", "style") else None


def markup_of(pages: list[Path]) -> set[tuple]:
    return {markup_signature(tag) for page in pages
            for tag in parsed_page(page).find_all(True)}


@pytest.fixture(scope="module")
def book_markup(_built_project: tuple[Path, dict]) -> set[tuple]:
    """Every element, attribute and link target the Chinese edition has as
    written (the English, its translation, the theme): what no translation
    can add to is this. Built from the project's files (the shared copy as
    built, before any test's edit)."""
    project, _ = _built_project
    return markup_of(sorted((project / "build/html/zh_CN").glob("*.html")))


def injected_markup(soup: BeautifulSoup, book_markup: set[tuple]) -> list[str]:
    """The elements of a page whose markup the book does not have: any element,
    attribute, attribute value or link target a translation brought."""
    return [str(tag)[:100] for tag in soup.find_all(True) if markup_signature(tag) not in book_markup]


def test_the_markup_check_finds_any_element_attribute_or_target_the_book_does_not_have(book_markup: set[tuple]):
    page = lambda html: BeautifulSoup(f"<p>{html}</p>", "html.parser")  # noqa: E731
    assert ("p", (), None) in book_markup and ("em", (), None) in book_markup
    assert injected_markup(page("<em>强调</em>"), book_markup) == []
    for injected in ["<b>粗</b>", "<u>x</u>", "<iframe></iframe>", "<script>x()</script>", '<em onclick="x()">x</em>',
                     '<em style="color:red">x</em>', '<a href="https://evil.example/">x</a>',
                     '<a class="reference external" href="https://docs.python.org/3/evil">x</a>']:
        assert injected_markup(page(injected), book_markup) != [], injected


def test_raw_html_in_a_translation_fails_the_build_names_the_line_and_is_only_ever_text(built_copy: Path,
                                                                                           book_markup: set[tuple]):
    po = built_copy / CATALOG
    first, second = prose_messages(po, 2)
    lines = {
        append(po, first, '<script>alert("x")</script>'): "raw HTML",
        append(po, second, '<img src=x onerror="alert(1)">'): "raw HTML",
        append(po, title_message(po), "<b>粗体</b>"): "raw HTML",
    }
    written = po.read_bytes()

    assert_refused(built_copy, "html", lines)

    # Even a build that goes on past warnings shows the tags as text.
    run_make("html", "LANGUAGES=zh_CN", NO_W, cwd=built_copy)
    page = zh_page(built_copy)
    assert injected_markup(page, book_markup) == []
    assert '<script>alert("x")</script>' in page.get_text()
    search_index = (built_copy / "build/html/zh_CN/searchindex.js").read_text(encoding="utf-8")
    assert "<script" not in search_index and "onerror=" not in search_index
    assert po.read_bytes() == written  # nothing the translator wrote is touched
    assert_refused(built_copy, "check-po", lines)


def test_link_targets_in_a_translation_must_be_the_english_ones(built_copy: Path, book_markup: set[tuple]):
    po = built_copy / CATALOG
    first, second, third = prose_messages(po, 3)
    lines = {
        append(po, first, "[详情](https://evil.example/)"): "link target 'https://evil.example/'",
        append(po, second, "[点我](javascript:alert(1))"): "link target 'javascript:",
        append(po, third, "![图](data:image/png;base64,iVBORw0KGgo=)"): "link target 'data:image/png",
        append(po, title_message(po), "<https://evil.example/t>"): "link target 'https://evil.example/t'",
    }
    written = po.read_bytes()

    assert_refused(built_copy, "html", lines)
    run_make("html", "LANGUAGES=zh_CN", NO_W, cwd=built_copy)
    assert injected_markup(zh_page(built_copy), book_markup) == []
    assert po.read_bytes() == written
    assert_refused(built_copy, "check-po", lines)


# Translations Sphinx cannot use as the translation of a paragraph: it would
# silently show the English paragraph instead.
UNUSABLE = {
    "---": "thematic break",
    "# 一个标题": "a heading",
    "- 一个列表项": "a list",
    "> 一段引用": "a block quote",
    "   ": "nothing (empty)",
    "#noqa": "#noqa",
    ":::{note}\n一条注释\n:::": "a directive",
}


def test_a_translation_the_build_cannot_apply_fails_html_and_pdf_never_silent_english(built_copy: Path):
    po = built_copy / CATALOG
    lines = {set_translation(po, msgid, msgstr): words
             for msgid, (msgstr, words) in zip(prose_messages(po, len(UNUSABLE)), UNUSABLE.items())}
    written = po.read_bytes()

    earlier = earlier_pdfs(built_copy, "zh_CN")
    for target in ("html", "pdf", "check-po"):
        assert_refused(built_copy, target, lines)
    assert [pdf for pdf in earlier if pdf.exists()] == []
    assert po.read_bytes() == written


def test_a_nul_in_a_translation_fails_html_naming_the_line(built_copy: Path):
    # msgfmt ends a string at a NUL without a word: the page would show the
    # translation cut short. The NUL as a byte, and as the escapes msgfmt reads.
    po = built_copy / CATALOG
    lines = {}
    for msgid, nul in zip(prose_messages(po, 3), [b"\x00", b"\\0", b"\\x00"]):
        line = append(po, msgid, "@NUL@")
        po.write_bytes(po.read_bytes().replace(b"@NUL@", nul + "后面的字".encode()))
        lines[line] = "NUL character (U+0000)"
    written = po.read_bytes()

    assert_refused(built_copy, "html", lines)
    assert not po.with_suffix(".mo").exists()  # no catalog with the text cut short for a later build
    assert_refused(built_copy, "check-po", lines)
    assert po.read_bytes() == written


def test_the_live_preview_reports_a_refused_translation_with_file_and_line(project_copy: Path):
    from preview_process import fetch, running_preview
    from test_serve import wait_for

    po = project_copy / CATALOG
    log = project_copy / "serve.log"
    with running_preview(project_copy, "zh_CN", log) as url:
        page_url = url.replace("index.html", f"{PAGE}.html")
        assert wait_for(lambda: "进程" in fetch(page_url), 90), "the preview never came up"
        line = append(po, prose_messages(po, 1)[0], "<script>alert('预览')</script>")
        assert wait_for(lambda: reported(log.read_text("utf-8", "replace"), line, "raw HTML"), 60), \
            log.read_text("utf-8", "replace")[-3000:]
        assert wait_for(lambda: "&lt;script&gt;alert(&#x27;预览&#x27;)" in fetch(page_url)
                        or "&lt;script&gt;alert('预览')" in fetch(page_url), 30)
        assert "<script>alert('预览')" not in fetch(page_url)


def test_markup_the_english_itself_contains_stays_allowed(built_copy: Path):
    # An author writes a tag and a link; the translation keeps both, tag for tag.
    english = "Press <kbd>Ctrl</kbd>+<kbd>C</kbd> to stop it; see [the docs](https://docs.python.org/3/)."
    source = built_copy / f"source/{PAGE}.md"
    source.write_text(source.read_text(encoding="utf-8") + f"\n{english}\n", encoding="utf-8")
    run_make("update-po", cwd=built_copy)
    set_translation(built_copy / CATALOG, english,
                    "按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 可以停止它；参见[文档](https://docs.python.org/3/)。")

    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)  # -W: no warning

    page = zh_page(built_copy)
    for original in page.select('div.body [lang="en"]'):  # the bilingual view's English copies
        original.decompose()
    assert [k.get_text() for k in page.select("div.body kbd")] == ["Ctrl", "C"]
    assert page.select_one('div.body a[href="https://docs.python.org/3/"]').get_text() == "文档"


# -- Property: whatever a translator types, no markup gets through and nothing is lost --------

import os  # noqa: E402

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# What a translator may type, generated: HTML elements with attributes and
# values, Markdown links, images, autolinks and reference definitions to
# generated targets, MyST roles, directives and block starts, entities,
# control and invisible characters, and any text over the characters that
# mean something to Markdown, HTML or the .po syntax, mixed with Chinese.
ELEMENTS = ["script", "img", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form",
            "input", "a", "b", "u", "i", "span", "div", "p", "details", "video", "audio", "marquee", "kbd", "x-tag"]
ATTRIBUTES = ["onerror", "onload", "onclick", "onmouseover", "href", "src", "srcdoc", "style", "data", "formaction",
              "xlink:href", "class", "id", "lang", "target"]
SCHEMES = ["https", "http", "javascript", "JaVaScRiPt", "data", "vbscript", "file", "mailto", "ftp"]
TARGET = st.builds(lambda scheme, rest: f"{scheme}:{rest}", st.sampled_from(SCHEMES),
                   st.sampled_from(["//evil.example/", "alert(1)", "text/html;base64,PHNjcmlwdD4=",
                                    "//docs.python.org/3/x", "x", "%0aalert(1)"])) | st.sampled_from(
                       ["//evil.example/", "#processes", "processes.html", "../en/index.html", "x"])
WORD = st.text(alphabet="进程队列管道共享内存abcxyz 019", min_size=0, max_size=6)
QUOTE = st.sampled_from(['"', "'", ""])
ELEMENT = st.builds(
    lambda name, attributes, body, close: f"<{name}{attributes}>{body}" + (f"</{name}>" if close else ""),
    st.sampled_from(ELEMENTS),
    st.lists(st.builds(lambda name, quote, value: f" {name}={quote}{value}{quote}", st.sampled_from(ATTRIBUTES),
                       QUOTE, TARGET | WORD), max_size=2).map("".join),
    WORD, st.booleans())
MARKDOWN = st.one_of(
    st.builds("[{}]({})".format, WORD, TARGET), st.builds("![{}]({})".format, WORD, TARGET),
    st.builds("<{}>".format, TARGET), st.builds("\n[{}]: {}\n".format, WORD, TARGET),
    st.builds("[{}][{}]".format, WORD, WORD),
    st.builds(lambda role, text: f"{{{role}}}`{text}`", st.sampled_from(["raw", "py:class", "ref", "doc", "sub", "x"]),
              WORD | ELEMENT),
    st.builds(lambda fence, name, body: f"{fence}{{{name}}}\n{body}\n{fence}", st.sampled_from(["```", ":::"]),
              st.sampled_from(["raw html", "note", "code-block", "include", "x"]), WORD | ELEMENT),
    st.sampled_from(["---", "\n---\n", "# ", "- ", "> ", "1. ", ":::", "\n\n", "|a|b|\n|-|-|", "(label)=",
                     "% comment", "+++", "$x$", "{{ sub }}", "#noqa", "<!-- c -->", "&lt;b&gt;", "&#x3C;script&#x3E;",
                     "&amp;", "`", "``", "*", "**", "_", "__", "\\", '"', "%s", "{0}"]),
)
CONTROL = st.characters(categories=["Cc", "Cf"], exclude_characters="\n")
TEXT = st.text(alphabet=st.sampled_from("<>[]()!*_`\\{}:#-+|~$%&;\"'=/ \n进程") | CONTROL, max_size=12)
# What a translation may well hold: punctuation Markdown gives a meaning to
# only in pairs or at a line's start, entities, placeholders, Chinese.
PLAIN = st.text(alphabet=st.sampled_from("进程队列管道共享内存，。；abc *_&%#!?()[]{}<>:-=\"'0123"), max_size=16)
FRAGMENT = st.one_of(
    PLAIN,
    st.lists(st.one_of(ELEMENT, MARKDOWN, TEXT, PLAIN, st.just("长" * 5000), st.just("x" * 20000)),
             min_size=1, max_size=3).map("".join),
    st.just(b"\xc3\x28\xff"),
)
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")
# Mutations per build (each in its own paragraph), builds per run: make test
# keeps to about 10 s; FUZZ_BUILDS=200 for a longer, random search.
PARAGRAPHS = 4
WHERE = st.sampled_from(["start", "middle", "end", "instead"])
# Each build: an HTML element in one paragraph, Markdown in another, text in
# a third (each with text around it), anything in the fourth.
MUTATIONS = st.tuples(*(st.tuples(WHERE, st.builds("{}{}{}".format, PLAIN, kind, PLAIN))
                        for kind in (ELEMENT, MARKDOWN, TEXT)), st.tuples(WHERE, FRAGMENT))


def mutate(po: Path, edits: dict[str, tuple[str, str, str | bytes]]) -> dict[str, tuple[int, str]]:
    """The translator's edits (msgid: its translation, where, fragment): each
    msgstr's line and the text written ("" for bytes: an editor that saved in
    another encoding; written last, as the text edits read the catalog as UTF-8)."""
    lines, patches = {}, []
    for msgid, (original, where, fragment) in edits.items():
        if isinstance(fragment, bytes):
            lines[msgid] = (set_translation(po, msgid, original), "")
            patches.append((lines[msgid][0], fragment))
            continue
        middle = len(original) // 2
        text = {"start": fragment + original, "middle": original[:middle] + fragment + original[middle:],
                "end": original + fragment, "instead": fragment}[where]
        lines[msgid] = (set_translation(po, msgid, text), text)
    raw = po.read_bytes().split(b"\n")
    for line, fragment in patches:
        raw[line - 1] = raw[line - 1][:-1] + fragment + b'"'
    po.write_bytes(b"\n".join(raw))
    return lines


def test_any_mutated_translation_is_shown_as_text_or_refused_with_file_and_line(built_copy: Path,
                                                                               book_markup: set[tuple], capsys):
    """Each generated case edits several paragraphs at once and builds; a
    mutation the build refused (its catalog line named) is taken back and
    the others are built again, which must then succeed: shown as text,
    with no markup the book does not have and the translation's own
    Chinese on the page."""
    po = built_copy / CATALOG
    pristine = po.read_bytes()
    paragraphs = prose_messages(po, PARAGRAPHS)
    translations = {msgid: polib.pofile(str(po)).find(msgid).msgstr for msgid in paragraphs}
    tried = []

    def edit(edits: dict) -> dict[str, tuple[int, str]]:
        return mutate(po, {msgid: (translations[msgid], *edit) for msgid, edit in edits.items()})

    def build() -> tuple[int, str]:
        result = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, check=False)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, output[-3000:]
        return result.returncode, output

    # The same cases at every run unless FUZZ_BUILDS asks for a search of its own.
    @settings(max_examples=int(os.environ.get("FUZZ_BUILDS", 3)), derandomize="FUZZ_BUILDS" not in os.environ,
              deadline=None, database=None, phases=[Phase.explicit, Phase.generate],  # no shrinking: a build each
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(MUTATIONS)
    def case(mutations) -> None:
        try:
            edits = {msgid: (where, fragment) for msgid, (where, fragment) in zip(paragraphs, mutations)}
            lines = edit(edits)
            written = po.read_bytes()
            refused: set[str] = set()
            while True:  # msgfmt's errors stop the build before Sphinx's: one round each
                status, output = build()
                assert po.read_bytes() == written  # the translator's bytes, untouched
                # msgfmt may name the line of a string's continuation
                named = {msgid for msgid, (line, _) in lines.items()
                         if any(f"{CATALOG}:{n}:" in output for n in (line - 1, line, line + 1))}
                if status == 0:
                    assert not named, output[-3000:]
                    break
                assert named, f"refused without naming its line: {sorted(lines.values())}\n{output[-3000:]}"
                refused |= named
                po.write_bytes(pristine)
                lines = edit({msgid: edits[msgid] for msgid in edits.keys() - refused})
                written = po.read_bytes()
            tried.extend(["refused"] * len(refused) + ["shown as text"] * len(lines))
            page = zh_page(built_copy)
            for notice in page.select("div.translation-incomplete"):  # an empty msgstr: the book's own notice
                notice.decompose()
            assert injected_markup(page, book_markup) == [], [text[:200] for _, text in lines.values()]
            for msgid in lines:  # no silent English: the translation's own Chinese is shown
                text, fragment = lines[msgid][1], edits[msgid][1]
                kept = [run for run in CJK_RUN.findall(text) if isinstance(fragment, bytes) or run not in fragment]
                assert all(run in page.get_text() for run in kept[:3]), (kept[:3], text[:200])
        finally:
            po.write_bytes(pristine)

    case()
    with capsys.disabled():
        print(f"\nmutated translations tried: {len(tried)} (hypothesis): {tried.count('refused')} refused "
              f"with file:line, {tried.count('shown as text')} shown as text")
    assert tried.count("refused") and tried.count("shown as text")
