"""Links out to the Python documentation: each edition's go to the Python
documentation in its language (languages.toml's python_docs; the Chinese
edition's to https://docs.python.org/zh-cn/3/), and no tooltip names a
version the chapter does not target (the local inventory is Debian's 3.11
docs; the links go to /3/): extensions/python_docs.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PAGES
from html_pages import parsed_page

DOCS = {"en": "https://docs.python.org/3/", "zh_CN": "https://docs.python.org/zh-cn/3/"}
TOOLTIP = {"en": "(in Python v3)", "zh_CN": "（Python 3 文档）"}


def python_links(html_site: Path, language: str) -> list:
    links = []
    for name in PAGES:
        page = parsed_page(html_site / language / f"{name}.html")
        links += page.select('a.reference.external[href*="docs.python.org"]')
    return links


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_python_api_links_go_to_the_docs_in_the_editions_language(html_site: Path, language: str):
    links = python_links(html_site, language)
    assert len(links) > 300  # the chapter's roles: about 600 in each edition
    elsewhere = [a["href"] for a in links if not a["href"].startswith(DOCS[language])]
    assert elsewhere == [], elsewhere[:5]
    # The same objects as the English edition's links, in the edition's docs.
    english = {a["href"].removeprefix(DOCS["en"]) for a in python_links(html_site, "en")}
    assert {a["href"].removeprefix(DOCS[language]) for a in links} == english


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_tooltip_names_a_python_version_the_chapter_does_not_target(html_site: Path, language: str):
    links = python_links(html_site, language)
    titles = {a.get("title") for a in links}
    assert titles == {TOOLTIP[language]}, titles
    for name in PAGES:  # no other link's tooltip either
        html = (html_site / language / f"{name}.html").read_text(encoding="utf-8")
        assert not re.search(r'title="[^"]*\bv?3\.1[01]\b[^"]*"', html), name
