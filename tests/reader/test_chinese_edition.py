"""A Chinese reader sees only Chinese, and the code on the Chinese page is the
tested program: the same code as the English page, with Chinese comments."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from built_pages import is_chinese, shown_listings, split_comments
from conftest import PAGES, ROOT
from html_pages import page_to_edit, parsed_page

sys.path.insert(0, str(ROOT / "tools"))
from run_example import expected_output, run_examples  # noqa: E402

LANGUAGES = ("en", "zh_CN")


EXAMPLE_SOURCES = {path.read_text(encoding="utf-8") for path in (ROOT / "examples").glob("*/*/main.py")}
INCLUDE = re.compile(r"```\{literalinclude\} \.\./(examples/[^/]+/[^/]+)/(\S+)")
THIS_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def output_for_this_python(name: str, number: int, outputs: tuple[str, ...]) -> str:
    """Of the outputs the page shows after its listing ``number`` (from 1),
    the one this CPython prints: the page shows them in the order the source
    includes the listing's output files."""
    listings: list[tuple[str, list[str]]] = []
    for listing, file in INCLUDE.findall((ROOT / "source" / f"{name}.md").read_text(encoding="utf-8")):
        if file == "main.py":
            listings.append((listing, []))
        else:
            listings[-1][1].append(file)
    listing, files = listings[number - 1]
    assert len(files) == len(outputs), (name, listing)
    return outputs[files.index(expected_output(ROOT / listing, THIS_PYTHON).name)]


# The Chinese listings are the examples' code token for token (the test
# below this one), so they print what the examples print, which
# test_examples checks: running them as shown checks that a second time, in
# make test-all (CI), not in make test.
@pytest.mark.parametrize("language", ["en", pytest.param("zh_CN", marks=pytest.mark.second_check)])
def test_code_as_shown_prints_the_output_as_shown(html_site: Path, tmp_path: Path, language: str):
    # Copied from the page as a reader copies it. A listing that is an
    # example's file, character for character, is run under every start method
    # by test_examples. Any other (Chinese comments; the same code tokens, see
    # below) is run here under spawn, whose children import the copied file
    # again, all at once (each run in its own process group, time-boxed).
    cases, as_tested = [], 0
    for name in PAGES:
        for number, (code, outputs) in enumerate(shown_listings(html_site / language / f"{name}.html"), 1):
            if code in EXAMPLE_SOURCES:
                as_tested += 1
                continue
            script = tmp_path / name / f"listing{number}" / "main.py"
            script.parent.mkdir(parents=True)
            script.write_text(code, encoding="utf-8")
            cases.append((f"{name}.html listing {number}", script, "spawn",
                          output_for_this_python(name, number, outputs)))
    if language == "en":
        assert as_tested >= 2 * len(PAGES) and not cases, "an English listing differs from its example file"
    else:
        assert len(cases) >= 2 * len(PAGES), "Chinese listings should differ from the examples in their comments"
    results = run_examples([(script, method, sys.executable) for _, script, method, _ in cases])
    for (where, _, _, output), result in zip(cases, results):
        assert result.returncode == 0 and result.stderr == b"", (where, result.stderr.decode())
        assert result.stdout.decode("utf-8") == output, where


@pytest.mark.parametrize("name", PAGES)
def test_chinese_code_differs_from_english_only_in_comments(html_site: Path, name: str):
    english = shown_listings(html_site / "en" / f"{name}.html")
    chinese = shown_listings(html_site / "zh_CN" / f"{name}.html")
    assert len(english) == len(chinese)
    for (en_code, en_outputs), (zh_code, zh_outputs) in zip(english, chinese):
        en_tokens, en_comments = split_comments(en_code)
        zh_tokens, zh_comments = split_comments(zh_code)
        assert zh_tokens == en_tokens  # same code, same lines
        assert len(zh_comments) == len(en_comments)
        assert zh_outputs == en_outputs


@pytest.mark.parametrize("name", PAGES)
def test_every_comment_on_the_chinese_page_is_chinese(html_site: Path, name: str):
    for code, _ in shown_listings(html_site / "zh_CN" / f"{name}.html"):
        for comment in split_comments(code)[1]:
            assert is_chinese(comment), f"English comment on the Chinese page: {comment!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_code_block_is_reduced_to_a_bare_double_colon(html_site: Path, language: str):
    # The MyST + gettext_additional_targets trap (MyST-Parser #444).
    for name in PAGES:
        for pre in parsed_page(html_site / language / f"{name}.html").select("pre"):
            assert pre.get_text().strip() != "::"


def test_every_diagram_on_the_chinese_pages_has_chinese_labels_only(html_site: Path):
    diagrams = [(diagram, html_site / "zh_CN" / diagram["data"]) for name in PAGES
                for diagram in parsed_page(html_site / "zh_CN" / f"{name}.html").select("object[type='image/svg+xml']")]
    assert len(diagrams) >= 2
    for diagram, svg_path in diagrams:
        svg = svg_path.read_text(encoding="utf-8")
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert any(is_chinese(label) for label in labels), labels
        for label in labels:
            # Only Chinese words, code such as put() or shm.name, and single symbols remain.
            assert is_chinese(label) or re.fullmatch(r"[\w.\[\]]+(\(\))?|\W*\w\W*", label), label
        assert "<title>" not in svg  # no English DOT identifiers as tooltips
        assert is_chinese(diagram.get_text())  # the fallback (alt) text


def test_chinese_chrome_and_language_tag(html_site: Path):
    for name in [f"{page}.html" for page in PAGES] + ["search.html"]:
        page = page_to_edit(html_site / "zh_CN" / name)
        assert page.html["lang"] == "zh-CN"
        for element in page(["script", "style", "pre", "code"]):
            element.decompose()
        # The pages' own text (body, and the titles the sidebar and page turns repeat): checked below.
        for element in page.select("div.body, div.chapter-toc, .page-turn-title"):
            element.decompose()
        # The chrome's only Latin words are names: the English edition in the
        # language switcher, and the software the site names.
        allowed = {"English", "IPC", "PDF", "EPUB", "Python", "Sphinx", "JavaScript"}
        words = set(re.findall(r"[A-Za-z]{2,}", page.get_text(" ")))
        assert words <= allowed, f"{name}: English in the Chinese chrome: {sorted(words - allowed)}"
        for element in page.find_all(True):
            for attribute in ("title", "aria-label", "placeholder", "alt"):
                value = element.get(attribute, "")
                value = re.sub(r"Python v[\d.]+|IPC|PDF|EPUB", "", value)  # names
                assert not re.search(r"[A-Za-z]{3,}", value), (name, attribute, value)


@pytest.mark.parametrize("name", PAGES)
def test_every_paragraph_heading_and_item_of_the_chinese_page_is_chinese(html_site: Path, name: str):
    body = page_to_edit(html_site / "zh_CN" / f"{name}.html").select_one("div.body")
    # Code, and the English originals of the bilingual view (lang="en", hidden unless asked for).
    for element in [*body(["pre", "code", "script", "style"]), *body.select('[lang="en"]')]:
        element.decompose()
    for element in body.select("p, h1, h2, h3, dt, span.caption-text, figcaption"):
        text = element.get_text(" ").strip()
        # A sentence, not a name (Linux, ShareableList) or a file path, must be Chinese.
        if len(re.findall(r"\b[A-Za-z]{2,}\b", text)) >= 3 and not re.fullmatch(r"examples/\S+", text):
            assert is_chinese(text), f"{name}.html: English on the Chinese page: {text[:80]!r}"


def test_chinese_search_index_has_the_chapters_terms(html_site: Path):
    text = (html_site / "zh_CN" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms = set(index["terms"]) | set(index["titleterms"])
    for term in ("进程", "队列", "管道", "生产者", "消费者", "启动方法", "序列化", "共享内存", "管理器", "代理",
                 "进程池", "屏障", "事件", "吞吐量"):
        assert term in terms, term


@pytest.mark.parametrize("language,other", [("en", "zh_CN"), ("zh_CN", "en")])
def test_language_switcher_leads_to_the_same_page_in_the_other_language(html_site: Path, language: str, other: str):
    for name in [f"{page}.html" for page in PAGES] + ["search.html"]:
        page = parsed_page(html_site / language / name)
        links = page.select(".edition-switcher a.edition")
        assert [link["href"] for link in links] == [f"../{other}/{name}"]
        assert (html_site / language / links[0]["href"]).is_file(), name  # the page is there to go to
        assert page.select_one(".edition-switcher [aria-current=page]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_fetched_from_outside_the_site(html_site: Path, language: str):
    for html in (html_site / language).glob("*.html"):
        page = parsed_page(html)
        for element in page.find_all(["script", "link", "img", "object", "iframe", "source"]):
            for attribute in ("src", "href", "data"):
                url = element.get(attribute, "")
                if element.name == "link" and element.get("rel") == ["canonical"]:
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{html.name}: {element}"
    for css in (html_site / language / "_static").glob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
