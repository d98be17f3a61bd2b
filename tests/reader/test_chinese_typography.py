"""Chinese typography in a real browser (Playwright + Debian's Chromium), by
computed style: no Chinese text is drawn slanted (a CJK font has no italic,
so the browser would slant its glyphs, which Chinese typography does not
do): emphasis is marked with emphasis dots, code comments stand upright. The
header shows "previous" before "next" in both editions, and the copy button
says 复制成功！ with a full-width mark."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import PAGES
from test_browser import browser, page, site_url  # noqa: F401 (fixtures)

# Every text node with CJK characters that is shown, and how its element is drawn.
CJK_TEXT_STYLES = """() => {
  const cjk = /[\\u3400-\\u4dbf\\u4e00-\\u9fff]/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!cjk.test(node.textContent) || !element || !element.checkVisibility()) continue;
    const style = getComputedStyle(element);
    found.push({tag: element.tagName.toLowerCase(), cls: element.className, text: node.textContent.trim().slice(0, 30),
                fontStyle: style.fontStyle, emphasis: style.textEmphasisStyle,
                comment: !!element.closest("div.highlight") && /^c/.test(element.className)});
  }
  return found;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_chinese_text_is_slanted(page: Page, site_url: str, scheme: str):
    page.emulate_media(color_scheme=scheme)  # the dark code style has its own italics
    emphasised = comments = 0
    for name in PAGES:
        page.goto(f"{site_url}/zh_CN/{name}.html")
        texts = page.evaluate(CJK_TEXT_STYLES)
        slanted = [t for t in texts if t["fontStyle"] != "normal"]
        assert slanted == [], (name, slanted)
        for text in texts:
            if text["tag"] == "em":
                # Emphasis is still marked: with emphasis dots (着重号), not a slant.
                assert text["emphasis"] not in ("", "none"), (name, text)
                emphasised += 1
            comments += text["comment"]
    assert emphasised and comments  # the pages have Chinese emphasis and Chinese code comments


def test_no_chinese_text_is_slanted_in_the_epub(browser: Browser, epubs: dict[str, Path], tmp_path: Path):
    # The EPUB has its own stylesheet (extensions/epub_editions.py); its
    # pages, opened as they are in Chromium (a reading system's engine).
    with zipfile.ZipFile(epubs["zh_CN"]) as epub:
        epub.extractall(tmp_path)
    page = browser.new_page()
    emphasised = 0
    for name in PAGES:
        page.goto((tmp_path / f"{name}.xhtml").as_uri())
        texts = page.evaluate(CJK_TEXT_STYLES)
        assert texts, name
        slanted = [t for t in texts if t["fontStyle"] != "normal"]
        assert slanted == [], (name, slanted)
        for text in (t for t in texts if t["tag"] == "em"):
            assert text["emphasis"] not in ("", "none"), (name, text)
            emphasised += 1
    page.close()
    assert emphasised


def test_the_english_edition_keeps_its_italics(page: Page, site_url: str):
    page.goto(f"{site_url}/en/processes.html")
    assert page.locator("div.body em").first.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    comment = page.locator("div.highlight span.c1").first
    assert comment.evaluate("e => getComputedStyle(e).fontStyle") == "italic"


@pytest.mark.parametrize("language, previous, next_", [("en", "previous", "next"), ("zh_CN", "上一页", "下一页")])
def test_the_header_shows_previous_before_next(page: Page, site_url: str, language: str, previous: str, next_: str):
    for name in PAGES[1:-1]:  # the pages that have both
        page.goto(f"{site_url}/{language}/{name}.html")
        header = page.locator("div.related")
        prev_link, next_link = header.locator("a[accesskey=P]"), header.locator("a[accesskey=N]")
        expect(prev_link).to_have_text(previous)
        expect(next_link).to_have_text(next_)
        prev_box, next_box = prev_link.bounding_box(), next_link.bounding_box()
        assert prev_box["x"] + prev_box["width"] <= next_box["x"], (name, prev_box, next_box)
        assert abs(prev_box["y"] - next_box["y"]) < 2, (name, prev_box, next_box)  # on one line
        # And in that order for keyboards and screen readers too.
        assert header.locator("li.right a").evaluate_all("links => links.map(a => a.accessKey)") == ["P", "N"]


def test_the_copy_button_says_copied_with_a_full_width_mark(page: Page, site_url: str):
    page.goto(f"{site_url}/zh_CN/queues.html")
    block = page.locator("div.highlight-python").first
    block.hover()
    button = block.locator("button.copybtn")
    expect(button).to_have_attribute("data-tooltip", "复制")
    button.click()
    expect(button).to_have_attribute("data-tooltip", "复制成功！")
    # The check mark it shows then is named so too (its markup is made when the script loads).
    assert "<title>复制成功！</title>" in button.inner_html()
