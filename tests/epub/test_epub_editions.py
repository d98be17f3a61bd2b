"""`make epub`: one EPUB per edition that epubcheck accepts, that reads in the
edition's language from the first page to the last, and that is the same
bytes on every build of a commit.

The EPUBs are opened as a reader's software does: the zip, its package
document (content.opf), its navigation document, then each page in the
spine's order.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from book import load_editions
from conftest import BUILD_DATE, PAGES, ROOT, run_make
from html_pages import parsed, parsed_page

EDITIONS = load_editions()
LANGUAGE_TAGS = {"en": "en", "zh_CN": "zh-CN"}  # stated, not computed: the test's own expectation
SAMPLE = "Ciallo～(∠・ω< )⌒★"
HAN = re.compile(r"[\u4e00-\u9fff]")
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
# Every string of Sphinx's or the project's EPUB chrome, as the English edition shows it.
ENGLISH_CHROME = ["Table of Contents", "Contents", "Footnotes", "Solutions", "Solution:", "at the end of the chapter",
                  "Link to this", "Cover", "Figure", "Listing", "Output", "Navigation", "Index"]


def read(epub: Path, name: str) -> str:
    with zipfile.ZipFile(epub) as archive:
        return archive.read(name).decode("utf-8")


def package(epub: Path):
    import xml.etree.ElementTree as ET

    return ET.fromstring(read(epub, "content.opf"))


def spine_pages(epub: Path) -> list[str]:
    """The content documents in reading order, as file names."""
    opf = package(epub)
    hrefs = {item.get("id"): item.get("href") for item in opf.iter(f"{OPF}item")}
    return [hrefs[ref.get("idref")] for ref in opf.iter(f"{OPF}itemref")]


def soup_of(epub: Path, name: str) -> BeautifulSoup:
    return parsed(read(epub, name))


def java_hex(digest: bytes) -> str:
    """A digest as epubcheck writes it: each byte in hexadecimal, without its leading zero."""
    return "".join(format(byte, "x") for byte in digest)


def prose(soup: BeautifulSoup) -> str:
    """The text a reader sees outside code."""
    soup = copy.copy(soup)
    for tag in soup(["pre", "code", "script", "style"]):
        tag.decompose()
    return soup.get_text(" ")


@pytest.mark.parametrize("language", list(EDITIONS))
def test_epubcheck_reports_no_error_and_no_warning(epubs: dict[str, Path], language: str):
    # The report of the epubcheck run `make epub` makes. It lists each entry
    # of the EPUB it checked with its SHA-256: those of the EPUB a reader gets
    # (build/epub/, the file these tests read), entry for entry.
    epub = epubs[language]
    report = epub.with_name(f"python-ipc-{language}.epubcheck.json")
    checked = json.loads(report.read_text(encoding="utf-8"))
    assert checked["checker"]["filename"] == epub.name
    with zipfile.ZipFile(epub) as archive:
        entries = {name: java_hex(hashlib.sha256(archive.read(name)).digest()) for name in archive.namelist()}
    assert {item["fileName"]: item["checkSum"] for item in checked["items"]} == entries, \
        "epubcheck's report is not of this EPUB"
    assert checked["checker"]["checkerVersion"].startswith(("4.", "5."))
    messages = checked["messages"]
    problems = [f"{m['severity']} {m['ID']}: {m['message']} {m['locations'][:1]}" for m in messages
                if m["severity"] in {"FATAL", "ERROR", "WARNING"}]
    assert not problems, problems


@pytest.mark.parametrize("language", list(EDITIONS))
def test_metadata_names_the_editions_title_author_and_language(epubs: dict[str, Path], language: str):
    epub, tag = epubs[language], LANGUAGE_TAGS[language]
    opf = package(epub)
    assert opf.findtext(f".//{DC}title") == EDITIONS[language]["project"]
    assert opf.findtext(f".//{DC}creator") == EDITIONS[language]["author"]
    assert opf.findtext(f".//{DC}language") == tag
    identifier = opf.findtext(f".//{DC}identifier")
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert 'content="%s"' % identifier in read(epub, "toc.ncx")  # the NCX names the same book
    with zipfile.ZipFile(epub) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
    for name in ["nav.xhtml", *spine_pages(epub)]:
        html = soup_of(epub, name).find("html")
        assert (html.get("lang"), html.get("xml:lang")) == (tag, tag), name


def test_the_two_editions_have_different_identifiers(epubs: dict[str, Path]):
    identifiers = {package(epub).findtext(f".//{DC}identifier") for epub in epubs.values()}
    assert len(identifiers) == len(EDITIONS)


@pytest.mark.parametrize("language", list(EDITIONS))
def test_every_page_of_the_chapter_is_there_in_reading_order(epubs: dict[str, Path], language: str):
    epub = epubs[language]
    expected = [f"{page}.xhtml" for page in PAGES] + ["solutions.xhtml"]
    assert spine_pages(epub) == expected
    nav = soup_of(epub, "nav.xhtml").find("nav")
    top_level = [a["href"] for a in nav.select(":scope > ol > li > a")]
    assert top_level == expected
    for page in PAGES:  # each page whole: its heading and its last section
        soup = soup_of(epub, f"{page}.xhtml")
        assert soup.find("h1") is not None, page
        assert len(soup.select("section")) > 1 or page == "index", page


def test_solutions_are_gathered_on_a_last_page_and_linked_both_ways(epubs: dict[str, Path]):
    for language, epub in epubs.items():
        pages = {name: soup_of(epub, name) for name in spine_pages(epub)}
        assert not any(soup.find("details") for soup in pages.values())  # no fold e-readers may not open
        solutions = pages["solutions.xhtml"]
        links = [a for name, soup in pages.items() for a in soup.select("a[href^='solutions.xhtml#']")]
        assert len(links) >= len(PAGES) - 1  # every page from the second on has an exercise
        ids = {tag["id"] for tag in solutions.select("[id]")}
        for link in links:
            anchor = link["href"].partition("#")[2]
            assert anchor in ids, (language, anchor)
            back = solutions.find(id=anchor).find("h2").find("a")["href"]
            page, _, back_anchor = back.partition("#")
            assert pages[page].find(id=back_anchor) is not None
            assert solutions.find(id=anchor).find("pre") is not None  # the solution's code is there


@pytest.mark.parametrize("language", list(EDITIONS))
def test_external_urls_are_footnotes_not_inline(epubs: dict[str, Path], language: str):
    epub = epubs[language]
    footnoted = 0
    for name in spine_pages(epub):
        soup = soup_of(epub, name)
        assert "[http" not in soup.get_text()
        urls = [a["href"] for a in soup.select("a.reference.external[href^='http']")]
        notes = [aside.get_text(" ", strip=True) for aside in soup.select("aside.footnote")]
        for url in dict.fromkeys(urls):
            assert any(url in note for note in notes), (name, url)
        footnoted += len(notes)
    assert footnoted > 0


def test_chinese_code_comments_diagram_labels_and_chart(epubs: dict[str, Path]):
    epub = epubs["zh_CN"]
    comments = [span.get_text() for name in spine_pages(epub) for span in soup_of(epub, name).select("pre span.c1")]
    assert len(comments) > 50
    english = [comment for comment in comments if not HAN.search(comment)]
    assert not english, english[:10]
    with zipfile.ZipFile(epub) as archive:
        svgs = {name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".svg")
                and name.startswith("_images/")}
    diagrams = [text for name, text in svgs.items() if "graphviz-" in name]
    charts = [text for name, text in svgs.items() if "ipc-chart-" in name]
    assert len(diagrams) >= 5 and len(charts) == 1
    for text in diagrams + charts:
        labels = " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", text))
        assert HAN.search(labels), labels[:200]


@pytest.mark.parametrize("language", list(EDITIONS))
def test_svgs_have_no_external_dtd_and_no_dot_identifiers(epubs: dict[str, Path], language: str):
    with zipfile.ZipFile(epubs[language]) as archive:
        svgs = [name for name in archive.namelist() if name.startswith("_images/") and name.endswith(".svg")]
        assert svgs
        for name in svgs:
            text = archive.read(name).decode("utf-8")
            assert "<!DOCTYPE" not in text and "<title>" not in text and "<!--" not in text, name
    for page in spine_pages(epubs[language]):
        soup = soup_of(epubs[language], page)
        assert not soup.find("object"), page  # <img>: shown by readers that block <object>
        for img in soup.select("img"):
            assert img.get("alt"), (page, img)


def test_no_english_chrome_in_the_chinese_epub(epubs: dict[str, Path]):
    epub = epubs["zh_CN"]
    nav = soup_of(epub, "nav.xhtml")
    assert nav.find("title").get_text() == nav.find("h1").get_text() == "目录"
    texts = {name: prose(soup_of(epub, name)) for name in ["nav.xhtml", *spine_pages(epub)]}
    attributes = {name: " ".join(value for tag in soup_of(epub, name).find_all(True)
                                 for key, value in tag.attrs.items() if key in {"title", "alt", "aria-label"})
                  for name in texts}
    found = [(name, word) for name, text in texts.items() for word in ENGLISH_CHROME
             if re.search(rf"(?<![\w.]){re.escape(word)}(?![\w(])", text + " " + attributes[name])]
    assert not found, found
    assert "参考答案" in texts["solutions.xhtml"]
    assert any("脚注" in text for text in texts.values())
    opf = read(epub, "content.opf")
    assert 'title="Table of Contents"' not in opf


def test_sample_string_is_intact_in_both_epubs(epubs: dict[str, Path]):
    in_sources = {page: (ROOT / "source" / f"{page}.md").read_text(encoding="utf-8").count(SAMPLE) for page in PAGES}
    assert sum(in_sources.values()) > 0
    for language, epub in epubs.items():
        for page, count in in_sources.items():
            if count:
                assert SAMPLE in soup_of(epub, f"{page}.xhtml").get_text(), (language, page)


def test_each_html_edition_links_its_epub_beside_the_pdf(epubs: dict[str, Path], html_site: Path):
    labels = {"en": "Download EPUB", "zh_CN": "下载 EPUB"}
    for language in EDITIONS:
        for page in PAGES:
            soup = parsed_page(html_site / language / f"{page}.html")
            link = soup.select_one("header a.epub-download")
            assert link is not None and link["href"] == f"python-ipc-{language}.epub", (language, page)
            assert link.get_text(strip=True) == labels[language]
            assert link.find_previous_sibling("a")["class"] == ["pdf-download"]
        assert (html_site / language / f"python-ipc-{language}.epub").read_bytes() == epubs[language].read_bytes()


@pytest.mark.whole_rebuild
def test_a_clean_rebuild_gives_byte_identical_epubs(epubs: dict[str, Path], clean_build: Path):
    # make dist's EPUBs: built from nothing, in a directory of their own.
    for language, epub in epubs.items():
        again = clean_build / "epub" / f"python-ipc-{language}.epub"
        assert again.read_bytes() == epub.read_bytes(), language
        with zipfile.ZipFile(again) as archive:
            dates = {info.date_time for info in archive.infolist()}
        assert len(dates) == 1  # one fixed date, not the files' modification times


def test_make_epub_again_with_nothing_changed_runs_no_sphinx_and_no_epubcheck(epubs: dict[str, Path], html_site: Path):
    outputs = [path for language, epub in epubs.items() for path in (epub, html_site / language / epub.name)]
    before = {path: path.stat().st_mtime_ns for path in outputs}
    again = run_make("epub", SOURCE_DATE_EPOCH=BUILD_DATE)  # as the fixture built them
    assert "sphinx-build" not in again.stdout and "epubcheck" not in again.stdout, again.stdout
    assert {path: path.stat().st_mtime_ns for path in outputs} == before
