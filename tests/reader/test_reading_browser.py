"""Reading the chapter in a real browser (Playwright + Debian's Chromium):
the previous/next links lead through every page and back, the sidebar
shows where the reader is, and the reading time and dates are shown.
Screenshots go to build/screenshots/ for review."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import PAGES
from test_browser import SCREENSHOTS, assert_stayed_on_localhost, browser, page, site_url  # noqa: F401 (fixtures)

META = {
    "en": r"About [\d,]+ words · about \d+ minutes? · Created \d{4}-\d\d-\d\d · Updated \d{4}-\d\d-\d\d",
    "zh_CN": r"约 \d+ 字 · 约 \d+ 分钟 · 创建于 \d{4}-\d\d-\d\d · 更新于 \d{4}-\d\d-\d\d",
}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_prev_next_lead_through_every_page_and_back(page: Page, site_url: str, language: str):
    page.goto(f"{site_url}/{language}/{PAGES[0]}.html")
    for name in PAGES[1:]:
        link = page.locator("nav.page-turn a[rel=next]")
        title = link.locator(".page-turn-title").inner_text()
        link.click()
        page.wait_for_url(f"{site_url}/{language}/{name}.html")
        expect(page.locator("div.body h1")).to_contain_text(title)
        # The sidebar marks where the reader is, opened to the page's sections.
        current = page.locator("div.chapter-toc li.toctree-l1.current")
        expect(current).to_contain_text(title)
        expect(current.locator("li.toctree-l2").first).to_be_visible()
    expect(page.locator("nav.page-turn a[rel=next]")).to_have_count(0)
    page.locator("nav.page-turn").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / f"{language}-page-turn.png")
    for name in reversed(PAGES[:-1]):
        page.locator("nav.page-turn a[rel=prev]").click()
        page.wait_for_url(f"{site_url}/{language}/{name}.html")
    expect(page.locator("nav.page-turn a[rel=prev]")).to_have_count(0)
    assert_stayed_on_localhost(page)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_reading_time_and_dates_are_shown(page: Page, site_url: str, language: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        page.goto(f"{site_url}/{language}/{name}.html")
        meta = page.locator("p.page-meta")
        expect(meta).to_be_visible()
        assert re.fullmatch(META[language], " ".join(meta.inner_text().split())), meta.inner_text()
        # Above the page's title, within the first screen.
        assert meta.bounding_box()["y"] < page.locator("div.body h1").bounding_box()["y"] < 900
    page.goto(f"{site_url}/{language}/queues.html")
    page.screenshot(path=SCREENSHOTS / f"{language}-reading-time.png")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_navigation_fits_a_phone(browser: Browser, site_url: str, language: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{site_url}/{language}/queues.html")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    turn = phone.locator("nav.page-turn")
    turn.scroll_into_view_if_needed()
    box = turn.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.screenshot(path=SCREENSHOTS / f"{language}-phone-page-turn.png")
    context.close()
