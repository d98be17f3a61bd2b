"""Readers find their way through the chapter: a sidebar with every page (the
current one opened to its sections) and, at the bottom of every page, links
to the previous and next pages by their titles in the edition's language,
also as <link rel="prev/next">; still true after a title changed only in
a catalog (extensions/chapter_navigation.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book import catalog
from conftest import PAGES, run_make
from html_pages import page_to_edit, parsed_page

LANGUAGES = ["en", "zh_CN"]


def text(element) -> str:
    return " ".join(element.get_text().split())


def heading(page: BeautifulSoup) -> str:
    """The page's title as its <h1> shows it, with its section number."""
    h1 = page.select_one("div.body h1")
    for link in h1.select("a.headerlink"):
        link.decompose()
    return text(h1)


def set_translation(po: Path, msgid: str, msgstr: str) -> None:
    """Change one translation in the catalog's text, as a translator's editor does."""
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgid "{msgid}"') + 1
    assert lines[at].startswith("msgstr ")
    lines[at] = f'msgstr "{msgstr}"'
    po.write_text("\n".join(lines), encoding="utf-8")


def neighbours(name: str) -> tuple[str | None, str | None]:
    at = PAGES.index(name)
    return (PAGES[at - 1] if at > 0 else None), (PAGES[at + 1] if at + 1 < len(PAGES) else None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sidebar_lists_every_page_and_opens_only_the_current_one(html_site: Path, language: str):
    for name in PAGES:
        page = parsed_page(html_site / language / f"{name}.html")
        sidebar = page.select_one("div.sphinxsidebar div.chapter-toc")
        listed = [a["href"].split("#")[0] for a in sidebar.select("li.toctree-l1 > a")]
        assert listed == [("" if p == name else f"{p}.html") for p in PAGES[1:]], (name, listed)
        sections = [a["href"] for a in sidebar.select("li.toctree-l2 > a")]
        if name == "index":
            assert sections == []  # the opening page has no sections
            continue
        current = sidebar.select_one("li.toctree-l1.current")
        assert current is not None and current.select_one("a")["href"] == "#"
        own_sections = ["#" + s["id"] for s in page.select("div.body > section > section")]
        assert own_sections and sections == own_sections, name  # its sections, no other page's


@pytest.mark.parametrize("language", LANGUAGES)
def test_prev_next_name_the_neighbours_in_the_editions_language(html_site: Path, language: str):
    titles = {name: heading(page_to_edit(html_site / language / f"{name}.html")) for name in PAGES}
    for name in PAGES:
        page = parsed_page(html_site / language / f"{name}.html")
        for rel, neighbour in zip(("prev", "next"), neighbours(name)):
            link = page.select_one(f"nav.page-turn a[rel={rel}]")
            head_link = page.select_one(f'head link[rel="{rel}"]')
            if neighbour is None:
                assert link is None and head_link is None, (name, rel)
                continue
            assert link["href"] == head_link["href"] == f"{neighbour}.html"
            assert text(link.select_one(".page-turn-title")) == titles[neighbour], (name, rel)
            assert head_link["title"] == titles[neighbour]
    if language == "zh_CN":
        turn = parsed_page(html_site / "zh_CN/queues.html").select_one("nav.page-turn")
        assert "上一页" in text(turn) and "下一页" in text(turn) and "进程之间传递的是什么" in text(turn)


def test_a_title_changed_only_in_its_catalog_shows_in_every_pages_navigation(built_copy: Path):
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    site = built_copy / "build/html/zh_CN"
    set_translation(catalog("zh_CN", "pipes", built_copy), "Pipes and connections", "管道与连接（新标题）")
    rebuilt = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    assert "0 added, 1 changed, 0 removed" in rebuilt.stdout  # only pipes is read again...
    new = "4. 管道与连接（新标题）"
    queues, shared_state = parsed_page(site / "queues.html"), parsed_page(site / "shared-state.html")
    # ... but its neighbours' links name it by its new title,
    assert text(queues.select_one("nav.page-turn a[rel=next] .page-turn-title")) == new
    assert queues.select_one('head link[rel="next"]')["title"] == new
    assert text(shared_state.select_one("nav.page-turn a[rel=prev] .page-turn-title")) == new
    # and so does every page's sidebar.
    for name in PAGES:
        sidebar = parsed_page(site / f"{name}.html").select_one("div.chapter-toc")
        assert new in [text(a) for a in sidebar.select("li.toctree-l1 > a")], name
