"""The chrome of a translated edition (header, sidebar, footer, reading time,
prev/next, tooltips, search page and its messages) follows Chinese
copywriting: full-width punctuation after Chinese text, a space between
Chinese and Latin text, the Chinese words a Chinese site uses."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from book import translations
from html_pages import page_to_edit, parsed_page

TRANSLATIONS = translations()
HAN = "\u3400-\u4dbf\u4e00-\u9fff"
# Half-width punctuation after a Chinese character (or an opening bracket
# before one), Chinese glued to Latin letters or digits, and a space after
# full-width punctuation.
MISTAKES = re.compile(
    rf"[{HAN}][ \t]*[,.:;!?()\[\]]|[(\[][ \t]*[{HAN}]|[{HAN}][A-Za-z0-9]|[A-Za-z0-9][{HAN}]"
    r"|[，。；：！？][ \t]+\S"
)
ATTRIBUTES = ("title", "aria-label", "placeholder", "value", "alt")


def chrome_texts(page: Path) -> list[str]:
    """What a page shows or says around its own text: every text outside the
    page's sections (the translators' prose, checked by `make check-po`), and
    the tooltips, labels and button texts anywhere on the page."""
    document = page_to_edit(page)
    texts = [
        value
        for element in document.find_all(True)
        for attribute in ATTRIBUTES
        if (value := element.get(attribute)) and not (attribute == "alt" and element.find_parent("section"))
    ]
    for element in document.select("div.body section, script, style"):
        element.decompose()
    return texts + [text for text in document.find_all(string=True) if text.strip()]


def script_messages(edition: Path) -> list[str]:
    """The translations of the messages the site's scripts show (search page)."""
    catalog = (edition / "_static/translations.js").read_text(encoding="utf-8")
    messages = json.loads(catalog[catalog.index("{"):catalog.rindex("}") + 1])["messages"]
    scripts = "".join(p.read_text(encoding="utf-8") for p in (edition / "_static").glob("*.js")
                      if p.name != "translations.js")
    shown = []
    for msgid, translation in messages.items():
        if msgid[:24] in scripts:
            shown += translation if isinstance(translation, list) else [translation]
    return shown


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_no_half_width_punctuation_after_chinese_in_the_chrome_of_any_page(html_site: Path, language: str):
    edition = html_site / language
    pages = sorted(edition.glob("*.html"))
    assert len(pages) >= 11  # the nine pages, the opening page, the search page
    mistakes = [
        f"{page.name}: {match.group()!r} in {text.strip()[:80]!r}"
        for page in pages
        for text in chrome_texts(page)
        for match in MISTAKES.finditer(text)
    ]
    mistakes += [f"translations.js: {m.group()!r} in {text!r}" for text in script_messages(edition)
                 for m in MISTAKES.finditer(text)]
    assert mistakes == []


def test_the_checker_sees_half_width_punctuation():
    assert MISTAKES.search("版权所有 2026, Python 教程作者.")
    assert MISTAKES.search("8.2.3创建。") and MISTAKES.search("(在 Python v3.11)")
    assert MISTAKES.search("Python 教程作者。 由 Sphinx")
    assert not MISTAKES.search("版权所有 © 2026，Python 教程作者。由 Sphinx 8.2.3 创建。")


def test_chinese_footer_reads_as_chinese(html_site: Path):
    for page in sorted((html_site / "zh_CN").glob("*.html")):
        footer = " ".join(parsed_page(page).select_one("div.footer").get_text().split())
        assert re.fullmatch(r"版权所有 © \d{4}，Python 教程作者。由 Sphinx \d+\.\d+\.\d+ 创建。", footer), (page.name, footer)
    english = parsed_page(html_site / "en/index.html")
    footer = " ".join(english.select_one("div.footer").get_text().split())
    assert re.fullmatch(r"© Copyright \d{4}, The Python Tutorial authors\. Created using Sphinx \S+\.", footer), footer


def test_chinese_search_button_and_python_docs_tooltips(html_site: Path):
    queues = parsed_page(html_site / "zh_CN/queues.html")
    assert queues.select_one("#searchbox input[type=submit]")["value"] == "搜索"
    tooltips = {a["title"] for a in queues.select('a.reference.external[href^="https://docs.python.org/"]')}
    assert tooltips == {"（Python 3 文档）"}, tooltips  # the version of the links (/3/), not the inventory's
