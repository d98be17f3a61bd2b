"""Bilingual reading (双语对照, extensions/bilingual.py): in the Chinese
edition, the English original under each translated paragraph, heading,
list item, table cell, caption and admonition, shown on demand; nothing else
changes. Static checks of the built HTML, LaTeX and EPUB, then a real browser."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import snowballstemmer
from playwright.sync_api import Browser, expect

from built_pages import is_chinese
from html_pages import page_to_edit, parsed_page
from conftest import PAGES
from test_browser import SCREENSHOTS, browser, site_url  # noqa: F401 (fixtures)

ORIGINAL = ".bilingual-original"


def zh(page: str, html_site: Path):
    return parsed_page(html_site / "zh_CN" / f"{page}.html")


@pytest.mark.parametrize("page", PAGES)
def test_every_translated_block_is_followed_by_its_english_original(html_site: Path, page: str):
    document = zh(page, html_site)
    body = document.select_one("div.body")
    originals = body.select(ORIGINAL)
    assert originals, f"{page}: no originals"
    for original in originals:
        assert original["lang"] == "en" and "no-search" in original["class"]
        text = original.get_text(" ", strip=True)
        assert text and not is_chinese(text), f"{page}: an original in Chinese: {text!r}"
    # Every heading of the body is followed by its original, outside the heading.
    for heading in body.select("h1, h2, h3"):
        if not is_chinese(heading.get_text()):
            continue  # the same in both languages ("ShareableList"): nothing to add
        following = heading.find_next_sibling()
        assert following is not None and ORIGINAL[1:] in following.get("class", []), heading
        assert not heading.select(ORIGINAL)
    # Every translated paragraph (list items and table cells included) is followed by one.
    for paragraph in body.select("p"):
        if ORIGINAL[1:] in paragraph.get("class", []) or not is_chinese(paragraph.get_text()):
            continue
        if paragraph.find_parent(class_="translation-incomplete") or paragraph.find_parent(["nav", "object"]) \
                or "page-meta" in paragraph.get("class", []):
            continue  # chrome, or a diagram's fallback text: not a paragraph of the page
        if "admonition-title" in paragraph.get("class", []):
            continue  # "Note": Sphinx's word, not a message of the page
        if paragraph.find_parent("figure") and not paragraph.find_parent("figcaption"):
            continue  # the chart's own text (title, note), translated like diagram labels
        if paragraph.find_parent("figcaption"):
            assert paragraph.select(ORIGINAL), paragraph.get_text()[:80]  # inside the caption
            continue
        following = paragraph.find_next_sibling()
        assert following is not None and ORIGINAL[1:] in following.get("class", []), paragraph.get_text()[:80]


def test_list_items_captions_tables_and_admonitions_have_originals(html_site: Path):
    index = zh("index", html_site)
    assert index.select("li " + ORIGINAL), "list items"
    pipes = zh("pipes", html_site)
    caption = pipes.select_one("figcaption")
    assert "A duplex pipe: what one endpoint sends" in caption.select_one(ORIGINAL).get_text()
    assert caption.select_one("span.caption-text").get_text().startswith("双向管道")
    choosing = zh("choosing", html_site)
    assert choosing.select("th " + ORIGINAL) and choosing.select("td " + ORIGINAL), "table cells"
    admonitions = [a for p in PAGES for a in zh(p, html_site).select("div.body div.admonition")]
    assert admonitions and all(a.select(ORIGINAL) for a in admonitions if "translation-incomplete" not in a["class"])


def test_english_edition_is_unchanged(html_site: Path):
    for page in PAGES:
        document = parsed_page(html_site / "en" / f"{page}.html")
        assert not document.select(ORIGINAL) and not document.select(".bilingual-switch")


@pytest.mark.parametrize("page", PAGES)
def test_code_is_not_doubled_and_ids_are_unique(html_site: Path, page: str):
    document = zh(page, html_site)
    english = parsed_page(html_site / "en" / f"{page}.html")
    assert len(document.select("div.highlight")) == len(english.select("div.highlight"))
    assert not document.select(f"{ORIGINAL} pre, {ORIGINAL} code.literal-block, {ORIGINAL} [id]")
    ids = Counter(element["id"] for element in document.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("page", PAGES)
def test_originals_stay_out_of_title_navigation_and_numbering(html_site: Path, page: str):
    document = zh(page, html_site)
    assert is_chinese(document.title.get_text())
    for chrome in document.select("div.sphinxsidebar, div.related, nav, link, head, div.footer"):
        assert not chrome.select(ORIGINAL)
    # Figures, code and footnotes are numbered once: as many numbers as in English.
    english = parsed_page(html_site / "en" / f"{page}.html")
    for selector in ("span.caption-number", "a.footnote-reference", "span.section-number"):
        assert len(document.select(selector)) == len(english.select(selector)), selector
    assert not document.select(f"{ORIGINAL} span.caption-number, {ORIGINAL} a.footnote-reference")


def index_terms(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return set(json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"])


def test_originals_are_not_in_the_search_index(html_site: Path):
    terms = index_terms(html_site / "zh_CN" / "searchindex.js")
    english_terms = index_terms(html_site / "en" / "searchindex.js")
    original_words, other_words = set(), set()
    for page in PAGES:
        document = page_to_edit(html_site / "zh_CN" / f"{page}.html")  # its originals are taken out
        original_words |= {w.lower() for o in document.select(ORIGINAL) for w in re.findall(r"[A-Za-z]+", o.get_text())}
        for original in document.select(ORIGINAL):
            original.decompose()
        other_words |= {w.lower() for w in re.findall(r"[A-Za-z]+", document.get_text())}
    stem = snowballstemmer.stemmer("english").stemWord  # as the index stems Latin words
    only_in_originals = {stem(w) for w in original_words} - {stem(w) for w in other_words}
    assert len(only_in_originals) > 100
    assert only_in_originals & english_terms  # words the English index has...
    assert only_in_originals & terms == set()  # ...and the Chinese one does not


def test_a_reference_without_title_shows_the_english_title_in_the_original(html_site: Path):
    choosing = zh("choosing", html_site)
    links = choosing.select('a[href="processes.html#main-guard"]')
    shown = {link.get_text() for link in links if not link.find_parent(class_=ORIGINAL[1:])}
    in_original = {link.get_text() for link in choosing.select(f'{ORIGINAL} a[href="processes.html#main-guard"]')}
    assert all(is_chinese(text) for text in shown) and shown
    assert in_original == {"Why the __main__ guard matters"}
    index = zh("index", html_site)
    assert {a.get_text() for a in index.select(f'{ORIGINAL} a[href="pipes.html"]')} == {"Pipes and connections"}


def test_originals_are_not_in_the_pdf_or_the_epub(pdfs: Path, epubs: dict[str, Path]):
    """The LaTeX the PDF is typeset from, and the EPUB's pages, hold no original."""
    for built in (pdfs.parent / "latex/zh_CN", epubs["zh_CN"].parent / "zh_CN"):
        texts = [p.read_text(encoding="utf-8") for p in built.rglob("*") if p.suffix in (".tex", ".xhtml")]
        assert texts, built
        joined = "\n".join(texts)
        assert "双向管道" in joined  # the translation is there...
        assert "A duplex pipe: what one endpoint sends" not in joined  # ...its original is not
        assert "bilingual-original" not in joined


# -- In a browser --------------------------------------------------------------


def rgb(colour: str) -> tuple[float, ...]:
    """A computed colour ("rgb(r, g, b)" or "rgba(...)") as its red, green and blue."""
    return tuple(float(part) for part in re.findall(r"[\d.]+", colour)[:3])


def contrast(one: tuple[float, ...], other: tuple[float, ...]) -> float:
    """WCAG's contrast ratio of two colours."""
    def luminance(colour):
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def shown_originals(page) -> int:
    return page.evaluate(
        "[...document.querySelectorAll('.bilingual-original')].filter(e => e.offsetParent !== null).length"
    )


def test_the_switch_shows_and_hides_the_originals_and_is_remembered(browser: Browser, site_url: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/zh_CN/pipes.html")
    switch = page.locator(".bilingual-switch")
    expect(switch).to_be_visible()
    expect(switch).to_have_text("中英对照")
    expect(switch).to_have_attribute("aria-pressed", "false")
    assert shown_originals(page) == 0
    switch.click()
    expect(switch).to_have_attribute("aria-pressed", "true")
    assert shown_originals(page) > 20
    original = page.locator("h1 + .bilingual-original")
    expect(original).to_have_text("Pipes and connections")
    # Dimmed: less contrast with the page than the text it follows has.
    colours = page.evaluate("""() => [getComputedStyle(document.querySelector('h1 + .bilingual-original')).color,
                                      getComputedStyle(document.querySelector('div.body section > p:not(.bilingual-original)')).color,
                                      getComputedStyle(document.body).backgroundColor]""")
    original, text, background = (rgb(colour) for colour in colours)
    assert contrast(original, background) < contrast(text, background), colours
    page.screenshot(path=SCREENSHOTS / "zh_CN-bilingual-on.png")
    # Remembered on the next page, and after a reload.
    page.goto(f"{site_url}/zh_CN/pools.html")
    expect(page.locator(".bilingual-switch")).to_have_attribute("aria-pressed", "true")
    assert shown_originals(page) > 20
    page.reload()
    assert shown_originals(page) > 20
    page.locator(".bilingual-switch").click()
    assert shown_originals(page) == 0
    page.goto(f"{site_url}/zh_CN/queues.html")
    assert shown_originals(page) == 0
    expect(page.locator(".bilingual-switch")).to_have_attribute("aria-pressed", "false")
    page.screenshot(path=SCREENSHOTS / "zh_CN-bilingual-off.png")
    context.close()


def test_on_a_phone_the_originals_fit_the_screen(browser: Browser, site_url: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/zh_CN/index.html")
    page.evaluate("localStorage.setItem('bilingual', 'on')")
    page.goto(f"{site_url}/zh_CN/choosing.html")
    assert shown_originals(page) > 20
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=SCREENSHOTS / "zh_CN-bilingual-phone.png")
    context.close()


def test_without_javascript_the_page_reads_as_before(browser: Browser, site_url: str):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/zh_CN/pipes.html")
    assert shown_originals(page) == 0
    hidden = page.locator(".bilingual-original").evaluate_all("els => els.every(e => e.offsetParent === null)")
    assert hidden
    expect(page.locator(".bilingual-switch")).to_be_hidden()  # a switch that could do nothing
    context.close()


def test_search_results_quote_no_original(browser: Browser, site_url: str):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/zh_CN/search.html?q=管道")
    summaries = page.locator("#search-results ul.search li p.context")
    expect(summaries.first).to_be_visible(timeout=15_000)
    results = page.locator("#search-results ul.search li").evaluate_all(
        "items => items.map(li => [li.querySelector('a').href, li.querySelector('p.context')?.innerText || ''])")
    originals = {}  # page -> the text of its originals, as the bilingual view shows them
    for url, summary in results:
        url = url.split("#")[0].split("?")[0]
        if url not in originals:
            page.goto(url)
            originals[url] = " ".join(page.locator(".bilingual-original").evaluate_all(
                "els => els.map(e => e.textContent.replace(/\\s+/g, ' '))"))
        # No run of English prose in a summary (30 characters, three words) is
        # from an original. (English alone is no proof: program output, error
        # texts and names stay English in the translation.)
        text = re.sub(r"\s+", " ", summary.replace("...", " "))
        windows = (text[i:i + 30] for i in range(0, max(len(text) - 30, 0), 5))
        quoted = [w for w in windows if re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", w) and w in originals[url]]
        assert quoted == [], (url, quoted)
    assert any(originals.values())  # the pages have originals to compare with
    context.close()
