"""Every page tells its length and reading time in the edition's language and
units, counted after translation and without code (extensions/reading_time.py):
"About 1,826 words · about 10 minutes", "约 2982 字 · 约 15 分钟"."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PAGES
from html_pages import page_to_edit, parsed_page

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
UNIT = re.compile(rf"[{HAN}]|[^\W{HAN}]+(?:['’.\-][^\W{HAN}]+)*")
SHOWN = {
    "en": re.compile(r"About ([\d,]+) words? · about (\d+) minutes?"),
    "zh_CN": re.compile(r"约 (\d+) 字 · 约 (\d+) 分钟"),
}
SPEED = 200  # units a minute, in both editions (stated in the extension)


def shown(page: BeautifulSoup, language: str) -> tuple[int, int]:
    meta = " ".join(page.select_one("div.body p.page-meta").get_text().split())
    match = SHOWN[language].match(meta)
    assert match, meta
    return int(match.group(1).replace(",", "")), int(match.group(2))


def counted_from_html(page: BeautifulSoup, with_code: bool = False) -> int:
    """Count again, independently, from what the page shows: the text of its
    sections, without the chrome (permalinks, section numbers, the hidden
    English originals of the bilingual view, the table of contents) and,
    unless asked, the code."""
    body = page.select_one("div.body > section")
    drop = "a.headerlink, span.section-number, .bilingual-original, div.toctree-wrapper"
    if not with_code:
        drop += ", div.highlight, div.code-block-caption"
    for element in body.select(drop):
        element.decompose()
    return len(UNIT.findall(body.get_text(" ")))


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_shows_its_count_and_minutes(html_site: Path, language: str):
    for name in PAGES:
        page = parsed_page(html_site / language / f"{name}.html")
        units, minutes = shown(page, language)
        assert units > 100, name
        assert minutes == math.ceil(units / SPEED), name


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_count_is_the_translated_prose_without_code(html_site: Path, language: str):
    for name in PAGES:
        path = html_site / language / f"{name}.html"
        units, _ = shown(parsed_page(path), language)
        prose = counted_from_html(page_to_edit(path))
        with_code = counted_from_html(page_to_edit(path), with_code=True)
        assert abs(units - prose) <= 0.03 * prose, (name, units, prose)  # the same text, counted apart
        if name != "index":
            assert with_code - prose > 0.05 * prose, name  # code would have counted


def test_chinese_is_counted_in_characters_after_translation(html_site: Path):
    for name in PAGES:
        english, _ = shown(parsed_page(html_site / "en" / f"{name}.html"), "en")
        chinese, _ = shown(parsed_page(html_site / "zh_CN" / f"{name}.html"), "zh_CN")
        # Not MyST's 0, nor the English count: Chinese characters (about 1.3 to 2.2 per English word).
        assert 1.2 * english < chinese < 2.5 * english, (name, english, chinese)
