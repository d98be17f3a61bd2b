"""A Chinese reader sees only Chinese, and the code on the Chinese page is the
tested program: the same code as the English page, with Chinese comments."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from built_pages import is_chinese, shown_listings, soup, split_comments
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from run_example import START_METHODS, run_example  # noqa: E402

LANGUAGES = ("en", "zh_CN")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("start_method", START_METHODS)
def test_code_as_shown_prints_the_output_as_shown(html_site: Path, tmp_path: Path, language: str, start_method: str):
    listings = shown_listings(html_site / language / "index.html")
    assert len(listings) == 4
    for number, (code, output) in enumerate(listings, 1):
        script = tmp_path / f"listing{number}" / "main.py"
        script.parent.mkdir()
        script.write_text(code, encoding="utf-8")
        result = run_example(script, start_method, timeout=30)
        assert result.returncode == 0, result.stderr.decode()
        assert result.stdout.decode("utf-8") == output, f"listing {number} on the {language} page"


def test_chinese_code_differs_from_english_only_in_comments(html_site: Path):
    english = shown_listings(html_site / "en" / "index.html")
    chinese = shown_listings(html_site / "zh_CN" / "index.html")
    assert len(english) == len(chinese)
    for (en_code, en_output), (zh_code, zh_output) in zip(english, chinese):
        en_tokens, en_comments = split_comments(en_code)
        zh_tokens, zh_comments = split_comments(zh_code)
        assert zh_tokens == en_tokens  # same code, same lines
        assert len(zh_comments) == len(en_comments) > 0
        assert zh_output == en_output


def test_every_comment_on_the_chinese_page_is_chinese(html_site: Path):
    for code, _ in shown_listings(html_site / "zh_CN" / "index.html"):
        for comment in split_comments(code)[1]:
            assert is_chinese(comment), f"English comment on the Chinese page: {comment!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_code_block_is_reduced_to_a_bare_double_colon(html_site: Path, language: str):
    # The MyST + gettext_additional_targets trap (MyST-Parser #444).
    for pre in soup(html_site / language / "index.html").select("pre"):
        assert pre.get_text().strip() != "::"


def test_every_diagram_on_the_chinese_page_has_chinese_labels_only(html_site: Path):
    page = soup(html_site / "zh_CN" / "index.html")
    diagrams = page.select("object[type='image/svg+xml']")
    assert len(diagrams) == 2
    for diagram in diagrams:
        svg = (html_site / "zh_CN" / diagram["data"]).read_text(encoding="utf-8")
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
        assert any(is_chinese(label) for label in labels), labels
        for label in labels:
            # Only Chinese words, code such as put() and single symbols remain.
            assert is_chinese(label) or re.fullmatch(r"\w+\(\)|\w", label), label
        assert "<title>" not in svg  # no English DOT identifiers as tooltips
        assert is_chinese(diagram.get_text())  # the fallback (alt) text


def test_chinese_chrome_and_language_tag(html_site: Path):
    for name in ("index.html", "search.html"):
        page = soup(html_site / "zh_CN" / name)
        assert page.html["lang"] == "zh-CN"
        for element in page(["script", "style", "pre", "code"]):
            element.decompose()
        # Outside code, the only Latin words are names (of software, systems,
        # and the English edition in the language switcher) and file paths.
        allowed = {"English", "IPC", "Linux", "PDF", "POSIX", "Python", "Sphinx", "Windows",
                   "macOS", "JavaScript", "lambda", "fork", "spawn", "forkserver", "py",
                   "put", "get", "send", "recv", "main", "examples", "globals", "not", "shared",
                   "start", "methods", "queue", "pipe", "producer", "consumer"}
        words = set(re.findall(r"[A-Za-z]{2,}", page.get_text(" ")))
        assert words <= allowed, f"{name}: English in the Chinese chrome: {sorted(words - allowed)}"
        for element in page.find_all(True):
            for attribute in ("title", "aria-label", "placeholder", "alt"):
                value = element.get(attribute, "")
                assert not re.search(r"[A-Za-z]{3,}", re.sub(r"Python v[\d.]+", "", value)), (name, attribute, value)


def test_chinese_search_index_has_the_chapters_terms(html_site: Path):
    text = (html_site / "zh_CN" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    terms = set(index["terms"]) | set(index["titleterms"])
    for term in ("进程", "队列", "管道", "生产者", "消费者"):
        assert term in terms, term


@pytest.mark.parametrize("language,other", [("en", "zh_CN"), ("zh_CN", "en")])
def test_language_switcher_leads_to_the_same_page_in_the_other_language(html_site: Path, language: str, other: str):
    for name in ("index.html", "search.html"):
        page = soup(html_site / language / name)
        links = page.select(".edition-switcher a.edition")
        assert [link["href"] for link in links] == [f"../{other}/{name}"]
        assert (html_site / language / links[0]["href"]).resolve() == (html_site / other / name).resolve()
        assert page.select_one(".edition-switcher [aria-current=page]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_fetched_from_outside_the_site(html_site: Path, language: str):
    for html in (html_site / language).glob("*.html"):
        page = soup(html)
        for element in page.find_all(["script", "link", "img", "object", "iframe", "source"]):
            for attribute in ("src", "href", "data"):
                url = element.get(attribute, "")
                if element.name == "link" and element.get("rel") == ["canonical"]:
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{html.name}: {element}"
    for css in (html_site / language / "_static").glob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")), css
