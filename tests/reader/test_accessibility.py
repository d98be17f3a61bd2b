"""Accessible to everyone: axe-core (pinned in tools/axe/, installed by
`make test`) finds no violation in either edition: on every page in the light
scheme (every rule), and in the dark one the rules colours decide, on pages
showing every kind of element; on the landing page and on search results;
and every control can be reached with the keyboard and shows its focus.

Every Chinese page is audited with the bilingual view on: the page as it is
with the view off, plus the English originals (the view only shows them,
with ``display``, and styles them; nothing else on the page changes but the
switch's state). With the view off, the pages showing every kind of element
are audited, switch included."""

from __future__ import annotations

import contextlib

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import PAGES, ROOT
from test_browser import SCREENSHOTS, browser, site_url  # noqa: F401 (fixtures)

AXE = ROOT / "tools/axe/node_modules/axe-core/axe.min.js"


# What a colour scheme can change: the dark scheme is audited for these (the
# light one for every rule; structure, names and roles are the same in both),
# on pages that together show every kind of element the chapter has: code and
# output, diagrams, tables, definition lists, an admonition, the chart,
# exercises with folded solutions (one stylesheet colours them all).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
EVERY_KIND_PAGES = ["index", "processes", "pipes", "choosing"]


def violations(page: Page, rules: list[str] | None = None) -> list[str]:
    assert AXE.exists(), "axe-core is missing: run `make axe` (make test installs it)"
    page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate("""async (options) => (await axe.run(document, options)).violations
        .map(v => `${v.impact} ${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`
                  + ` (${v.nodes[0].failureSummary.split('\\n').slice(0, 2).join(' ')})`)""", options)
    return found


def audit(browser: Browser, site_url: str, scheme: str, paths: list[str], bilingual: bool = False) -> dict:
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/index.html?choose")
    page.evaluate(f"localStorage.setItem('color-theme', '{scheme}');"
                  f"localStorage.setItem('bilingual', '{'on' if bilingual else 'off'}')")
    problems = {}
    for path in paths:
        page.goto(f"{site_url}/{path}")  # returns once the page has loaded
        if "search.html" in path:
            page.locator("#search-results ul.search li").first.wait_for(timeout=15_000)
        assert page.evaluate("document.documentElement.dataset.theme") == scheme
        if found := violations(page, COLOUR_RULES if scheme == "dark" else None):
            problems[path] = found
    context.close()
    return problems


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_axe_violation_on_any_page(browser: Browser, site_url: str, language: str, scheme: str):
    every_page = scheme == "light" and language == "en"  # the Chinese pages: with the bilingual view, below
    paths = [f"{language}/{name}.html" for name in (PAGES if every_page else EVERY_KIND_PAGES)]
    query = "队列" if language == "zh_CN" else "queue"
    paths.append(f"{language}/search.html?q={query}")  # search results, with highlighted terms
    paths.append(f"{language}/queues.html?highlight={query}")
    assert audit(browser, site_url, scheme, paths) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_with_the_bilingual_view_on(browser: Browser, site_url: str, scheme: str):
    pages = PAGES if scheme == "light" else EVERY_KIND_PAGES
    assert audit(browser, site_url, scheme, [f"zh_CN/{name}.html" for name in pages], bilingual=True) == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_landing_page_has_no_axe_violation_and_follows_the_colour_theme(browser: Browser, site_url: str, scheme: str):
    assert audit(browser, site_url, scheme, ["index.html?choose"]) == {}
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}/index.html?choose")
    landing = page.evaluate("getComputedStyle(document.body).backgroundColor")
    cards = page.locator("nav a")
    assert cards.count() == 2
    assert "Interprocess" in cards.nth(0).inner_text() and "进程间通信" in cards.nth(1).inner_text()
    page.screenshot(path=SCREENSHOTS / f"landing-{scheme}.png")
    page.goto(f"{site_url}/en/index.html")
    assert landing == page.evaluate("getComputedStyle(document.body).backgroundColor")  # the site's colours
    context.close()


def focus_walk(page: Page, limit: int = 400) -> list[dict]:
    """Press Tab until the focus has gone past the last control (back to the
    page itself); what got the focus at each press, and how it shows it."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        item = page.evaluate(PROBE)
        if item["tag"] == "BODY":
            return seen
        if not (item["outline"] and item["visible"]):  # a control that fades in (the copy button, 0.3 s)
            with contextlib.suppress(PlaywrightTimeout):
                page.wait_for_function(f"({PROBE})().outline && ({PROBE})().visible", timeout=1000)
            item = page.evaluate(PROBE)
        seen.append(item)
    pytest.fail(f"the focus never left the page's controls in {limit} presses of Tab (a focus trap?)")


PROBE = """() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {cls: e.className || '', tag: e.tagName, name: e.getAttribute('name') || '',
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            visible: e.getBoundingClientRect().width > 0 && getComputedStyle(e).opacity === '1'};
}"""


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_control_is_reachable_by_keyboard_and_visibly_focused(browser: Browser, site_url: str, language: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/{language}/pipes.html")
    seen = focus_walk(page)
    classes = " ".join(item["cls"] for item in seen)
    wanted = ["edition", "pdf-download", "theme-switch", "copybtn", "headerlink"]
    if language == "zh_CN":
        wanted.append("bilingual-switch")
    for control in wanted:
        assert control in classes, f"{control} never got the focus"
    assert any(item["tag"] == "PRE" for item in seen), "no code block reachable"
    assert any(item["tag"] == "INPUT" and item["name"] == "q" for item in seen), "search field"
    unseen = [item for item in seen if not (item["outline"] and item["visible"])]
    assert unseen == [], unseen
    page.keyboard.press("Shift+Tab")
    page.screenshot(path=SCREENSHOTS / f"{language}-keyboard-focus.png")
    context.close()
