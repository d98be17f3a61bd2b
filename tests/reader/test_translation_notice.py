"""A page whose translation is incomplete says so at the top, in the page's
language, with a link to the original page; a complete page does not."""

from __future__ import annotations

import re
from pathlib import Path

import polib

from html_pages import parsed_page
from book import catalog
from conftest import PAGES, run_make


def test_complete_translation_shows_no_notice(html_site: Path):
    for page in PAGES:
        assert parsed_page(html_site / "zh_CN" / f"{page}.html").select_one(".translation-incomplete") is None, page


def test_untranslated_or_fuzzy_message_shows_a_chinese_notice_linking_to_english(built_copy: Path):
    page_catalog = catalog("zh_CN", "processes", built_copy)
    po = polib.pofile(str(page_catalog), wrapwidth=0)
    untranslated = next(e for e in po if e.msgid == "Global variables are not shared")
    untranslated.msgstr = ""
    fuzzy = next(e for e in po if e.msgid == "Start methods")
    fuzzy.flags.append("fuzzy")
    po.save(str(page_catalog))

    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)

    page = parsed_page(built_copy / "build/html/zh_CN/processes.html")
    notice = page.select_one("div.body > .translation-incomplete")
    assert notice is not None
    assert "翻译尚未完成" in notice.get_text()
    assert notice.select_one("a")["href"] == "../en/processes.html"
    # The untranslated and the fuzzy message show the English text.
    headings = [re.sub(r"^[\d.]+\s+", "", h.get_text().rstrip("#")) for h in page.select("h2")]
    assert "Global variables are not shared" in headings
    assert "Start methods" in headings
