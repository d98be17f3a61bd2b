"""The site works in a real browser: Playwright driving Debian's Chromium (its
headless shell) against the built site served on localhost. Screenshots of
both editions are saved under build/screenshots/ for review."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from conftest import BUILD, PAGES, ROOT

# Debian's build of Chromium's headless shell: the same Blink and V8, what
# Playwright runs headless tests in; without the desktop browser's user
# interface layer it takes far less CPU time.
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
SCREENSHOTS = BUILD / "screenshots"
# Flags for a closed network: no background requests to Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="module")
def site_url(html_site: Path):
    handler = functools.partial(QuietHandler, directory=str(html_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "Chromium is missing: run `make test` (it installs it) or `apt-get install chromium-headless-shell`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, site_url: str):
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.console_errors = []
    page.requests = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def assert_stayed_on_localhost(page: Page):
    assert page.console_errors == []
    for url in page.requests:
        assert urlsplit(url).hostname in ("127.0.0.1", "localhost"), f"request left the site: {url}"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_pages_load_without_console_errors_or_outside_requests(page: Page, site_url: str, language: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in [f"{name}.html" for name in PAGES] + ["search.html"]:
        page.goto(f"{site_url}/{language}/{name}")
        page.wait_for_load_state("networkidle")
    page.goto(f"{site_url}/{language}/index.html")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / f"{language}-desktop.png", full_page=True)
    assert_stayed_on_localhost(page)


def test_language_switcher_round_trip_keeps_the_section(page: Page, site_url: str):
    page.goto(f"{site_url}/en/processes.html#main-guard")
    page.click(".edition-switcher a[data-language=zh_CN]")
    page.wait_for_url(f"{site_url}/zh_CN/processes.html#main-guard")
    expect(page.locator("h1")).to_contain_text("进程与启动方法")
    assert page.evaluate("localStorage.getItem('edition-language')") == "zh_CN"
    page.click(".edition-switcher a[data-language=en]")
    page.wait_for_url(f"{site_url}/en/processes.html#main-guard")
    expect(page.locator("h1")).to_contain_text("Processes and start methods")
    assert_stayed_on_localhost(page)


@pytest.mark.parametrize("locale,expected", [("zh-CN", "zh_CN"), ("en-US", "en"), ("fr-FR", "en")])
def test_landing_page_follows_the_browser_language(browser: Browser, site_url: str, locale: str, expected: str):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    page.wait_for_url(f"{site_url}/{expected}/index.html")
    # ... and lets the reader choose.
    page.goto(f"{site_url}/index.html?choose")
    expect(page.locator("nav a")).to_have_count(2)
    context.close()


def test_landing_page_remembers_the_readers_choice(page: Page, site_url: str):
    page.goto(f"{site_url}/en/index.html")
    page.click(".edition-switcher a[data-language=zh_CN]")
    page.wait_for_url(f"{site_url}/zh_CN/index.html")
    page.goto(f"{site_url}/index.html")
    page.wait_for_url(f"{site_url}/zh_CN/index.html")


@pytest.mark.parametrize("language,query,page_name", [
    ("en", "JoinableQueue", "queues"), ("en", "duplex", "pipes"), ("en", "Barrier", "shared-state"),
    ("en", "ShareableList", "shared-memory"), ("en", "proxy", "managers"), ("en", "imap_unordered", "pools"),
    ("zh_CN", "启动方法", "processes"), ("zh_CN", "队列", "queues"), ("zh_CN", "管道", "pipes"),
    ("zh_CN", "共享内存", "shared-memory"), ("zh_CN", "管理器", "managers"), ("zh_CN", "进程池", "pools"),
])
def test_search_finds_terms_on_every_page(page: Page, site_url: str, language: str, query: str, page_name: str):
    page.goto(f"{site_url}/{language}/search.html?q={query}")
    results = page.locator("#search-results ul.search li a")
    expect(results.first).to_be_visible(timeout=15_000)
    # The summary is written once the search has finished (results appear one by one before it).
    summary = page.locator("#search-results p.search-summary")
    expect(summary).to_contain_text("搜索完成" if language == "zh_CN" else "Search finished", timeout=15_000)
    hrefs = results.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert any(href.startswith(f"{page_name}.html") for href in hrefs), hrefs
    assert_stayed_on_localhost(page)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_copy_button_copies_only_the_code(page: Page, site_url: str, language: str):
    page.goto(f"{site_url}/{language}/queues.html")
    block = page.locator("div.highlight-python").first  # the queue example
    block.hover()
    block.locator("button.copybtn").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = block.locator("pre").inner_text()
    assert copied.strip() == shown.strip()
    assert "q = Queue()" in copied and "Received 0" not in copied
    if language == "en":
        source = (ROOT / "examples/queues/queue-producer-consumer/main.py").read_text(encoding="utf-8")
        assert copied.strip() == source.strip()
    # Output blocks have no copy button: they are not something to paste.
    expect(page.locator("div.output button.copybtn")).to_have_count(0)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_dark_theme_and_phone_layout(browser: Browser, site_url: str, language: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/{language}/index.html")
    # Readable on a phone: nothing wider than the screen but code, which scrolls.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SCREENSHOTS / f"{language}-phone.png")
    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    button = page.locator(".theme-switch")
    labels = set()
    while page.evaluate("document.documentElement.dataset.theme") != "dark":
        button.click()
        labels.add(button.inner_text())
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark
    assert page.evaluate("localStorage.getItem('color-theme')") == "dark"
    if language == "zh_CN":
        assert all("主题" in label for label in labels), labels
    page.reload()  # the choice survives a reload
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.screenshot(path=SCREENSHOTS / f"{language}-phone-dark.png")
    context.close()
