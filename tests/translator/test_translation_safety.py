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
from conftest import run_make

PAGE = "processes"
CATALOG = Path(f"locale/zh_CN/LC_MESSAGES/{PAGE}.po")
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
    return BeautifulSoup((project / f"build/html/zh_CN/{PAGE}.html").read_text(encoding="utf-8"), "html.parser")


def injected_markup(soup: BeautifulSoup) -> list[str]:
    """Elements and attributes no translation may bring: scripts, event handlers, foreign URLs."""
    found = [str(s)[:80] for s in soup.find_all("script") if "alert" in s.get_text()]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or re.match(r"\s*(javascript|data|vbscript):", value, re.I) \
                    or "evil.example" in value:
                found.append(f"<{tag.name} {name}={value[:40]!r}>")
        if tag.name in ("img", "iframe", "object", "embed", "b", "u") and tag.get("src", "").startswith("x"):
            found.append(str(tag)[:80])
    return found


def test_raw_html_in_a_translation_fails_the_build_names_the_line_and_is_only_ever_text(built_copy: Path):
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
    assert injected_markup(page) == []
    assert '<script>alert("x")</script>' in page.get_text()
    search_index = (built_copy / "build/html/zh_CN/searchindex.js").read_text(encoding="utf-8")
    assert "<script" not in search_index and "onerror=" not in search_index
    assert po.read_bytes() == written  # nothing the translator wrote is touched
    assert_refused(built_copy, "check-po", lines)


def test_link_targets_in_a_translation_must_be_the_english_ones(built_copy: Path):
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
    assert injected_markup(zh_page(built_copy)) == []
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

    # An earlier build's PDF, in build/pdf/ and beside the HTML edition: a
    # failed build must not leave it to pass for the book as it is now.
    earlier = [built_copy / "build/pdf/python-ipc-zh_CN.pdf", built_copy / "build/html/zh_CN/python-ipc-zh_CN.pdf"]
    for pdf in earlier:
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(b"%PDF-1.5 an earlier build's\n")
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

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FRAGMENTS = [
    # HTML tags and entities
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>", "</div>", "<!-- c -->",
    "&lt;b&gt;", "&amp;", "&#x3C;script&#x3E;", "<a href='javascript:alert(1)'>x</a>",
    "<svg onload=alert(1)>", "<iframe src=//evil.example>",
    # MyST roles and directives
    "{raw}`<b>x</b>`", "{py:class}`x`", "{ref}`x`", "```{raw} html\n<b>x</b>\n```",
    ":::{note}\nx\n:::", "(label)=", "% comment", "+++", "$x$", "{{ sub }}",
    # unbalanced backticks and asterisks
    "`", "``", "*", "**", "_", "__",
    # link syntax
    "[x](https://evil.example/)", "[x](javascript:alert(1))", "<https://evil.example/>",
    "![x](data:image/png;base64,AAAA)", "\n[x]: https://evil.example/", "[x][y]",
    # block starts
    "---", "\n---\n", "# ", "- ", "> ", "1. ", ":::", "\n\n", "|a|b|\n|-|-|",
    # control characters, NUL, bidi marks
    "\x00", "\x07", "\x1b[31m", "\u202e", "\u2066", "\u200f", "\r",
    # very long text, and what .po syntax escapes
    "长" * 5000, "x" * 20000, '"', "\\", "%s", "{0}",
]
INVALID_UTF8 = b"\xc3\x28\xff"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


MUTATIONS = st.tuples(
    st.integers(min_value=0, max_value=5),  # which paragraph
    st.sampled_from(["start", "middle", "end", "instead"]),  # where the fragment goes
    st.one_of(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=3).map("".join), st.just(INVALID_UTF8)),
)


def test_any_mutated_translation_is_shown_as_text_or_refused_with_file_and_line(built_copy: Path, capsys):
    po = built_copy / CATALOG
    pristine = po.read_bytes()
    paragraphs = prose_messages(po, 6)
    tried = []

    @settings(max_examples=12, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @seed(20261124)
    @given(MUTATIONS)
    def case(mutation) -> None:
        which, where, fragment = mutation
        msgid = paragraphs[which]
        original = polib.pofile(str(po)).find(msgid).msgstr
        try:
            if isinstance(fragment, bytes):  # an editor that saved in another encoding
                line, text = set_translation(po, msgid, original), ""
                raw = po.read_bytes().split(b"\n")
                raw[line - 1] = raw[line - 1][:-1] + fragment + b'"'
                po.write_bytes(b"\n".join(raw))
            else:
                middle = len(original) // 2
                text = {"start": fragment + original, "middle": original[:middle] + fragment + original[middle:],
                        "end": original + fragment, "instead": fragment}[where]
                line = set_translation(po, msgid, text)
            written = po.read_bytes()

            result = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, check=False)
            output = result.stdout + result.stderr
            assert "Traceback" not in output, output[-3000:]
            assert po.read_bytes() == written  # the translator's bytes, untouched
            tried.append("refused" if result.returncode else "shown as text")
            if result.returncode != 0:
                # the msgstr's line (msgfmt may name the line of a string's continuation)
                assert any(f"{CATALOG}:{n}:" in output for n in (line - 1, line, line + 1)), output[-3000:]
            else:
                page = zh_page(built_copy)
                assert injected_markup(page) == []
                # No silent English: the translation's own Chinese is on the page.
                kept = [run for run in CJK_RUN.findall(text) if run not in fragment]
                assert all(run in page.get_text() for run in kept[:3]), (kept[:3], text[:200])
        finally:
            po.write_bytes(pristine)

    case()
    with capsys.disabled():
        print(f"\nmutated translations tried: {len(tried)} (hypothesis, seed 20261124): "
              f"{tried.count('refused')} refused with file:line, {tried.count('shown as text')} shown as text")
    assert len(tried) >= 12
