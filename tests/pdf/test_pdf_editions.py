"""`make pdf` gives one PDF per edition, typeset for its language, that loses
no character of the source. Checked with poppler's pdftotext, pdffonts and
pdfinfo, as a reader's tools would see the file."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import polib
import pytest

from book import catalog
from conftest import BUILD, PAGES, ROOT, earlier_pdfs, run_make

sys.path.insert(0, str(ROOT / "extensions"))
from code_comments import find_comments, translate_comments  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from run_example import output_files  # noqa: E402

SAMPLE = "Ciallo～(∠・ω< )⌒★"
SOURCE_LANGUAGE = "en"
EDITIONS = {
    "en": {"title": "Python Tutorial", "author": "The Python Tutorial authors", "lang": "en"},
    "zh_CN": {"title": "Python 教程", "author": "Python 教程作者", "lang": "zh-CN"},
}
EXAMPLES = sorted((ROOT / "examples").glob("*/*/main.py"))


def translations(language: str, pages: list[str] = PAGES) -> dict[str, str]:
    """The pages' catalogs (msgid: msgstr, translated entries only); {} for the source language."""
    if language == SOURCE_LANGUAGE:
        return {}
    found = {}
    for page in pages:
        po = polib.pofile(str(catalog(language, page)))
        found |= {entry.msgid: entry.msgstr for entry in po.translated_entries()}
    return found


def headings(language: str) -> list[str]:
    """Every heading of every page, in the edition's language, as a reader sees it (no backticks)."""
    catalog = translations(language)
    found = []
    for page in PAGES:
        for line in (ROOT / "source" / f"{page}.md").read_text(encoding="utf-8").splitlines():
            if match := re.match(r"#{1,6} (.+)", line):
                found.append(catalog.get(match.group(1), match.group(1)).replace("`", ""))
    assert len(found) >= 3 * len(PAGES)
    return found


def words(line: str) -> str:
    """A line with each run of white space made one space: text extractors
    do not keep the width of the gaps between words, only that there is one."""
    return " ".join(line.split())


def poppler(tool: str, *args: str) -> str:
    assert shutil.which(tool), f"{tool} is missing: run `make test` (it installs poppler-utils) or apt-get install poppler-utils"
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def pdf_text(pdfs: Path, language: str) -> str:
    return poppler("pdftotext", str(pdfs / f"python-ipc-{language}.pdf"), "-")


def streams(pdf: Path) -> list[bytes]:
    """The PDF's bytes, then each of its compressed streams decompressed."""
    data = pdf.read_bytes()
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        try:
            chunks.append(zlib.decompress(data[match.end():end]))
        except zlib.error:
            pass
    return chunks


def catalog_language(pdf: Path) -> str:
    """The /Lang entry of the PDF's catalog, in plain or compressed objects."""
    for chunk in streams(pdf):
        if found := re.search(rb"/Lang\s*\(([^)]*)\)", chunk):
            return found.group(1).decode()
    return ""


@pytest.mark.parametrize("language", EDITIONS)
def test_every_heading_and_the_sample_string_are_in_the_pdf(pdfs: Path, language: str):
    text = pdf_text(pdfs, language)
    for heading in headings(language):
        assert heading in text, heading
    # In the prose, in the code of two listings and in their two outputs.
    assert text.count(SAMPLE) >= 5


@pytest.mark.parametrize("language", EDITIONS)
def test_code_and_output_copied_from_the_pdf_equal_the_source(pdfs: Path, language: str):
    """Each line of each listing and output, as a text extractor reads it,
    is the line of the source (comments translated): xeCJK added no space
    between Latin and CJK characters, and no character was lost or changed."""
    raw = poppler("pdftotext", "-raw", str(pdfs / f"python-ipc-{language}.pdf"), "-")
    lines = {words(line) for line in raw.splitlines()}
    checked = 0
    for script in EXAMPLES:
        code = script.read_text(encoding="utf-8")
        assert find_comments(code)
        catalog = translations(language, [script.parent.parent.name])  # its page's catalog
        shown = translate_comments(code, catalog) + "".join(
            output.read_text(encoding="utf-8") for output in output_files(script.parent).values())
        for line in filter(str.strip, shown.splitlines()):
            assert words(line) in lines, f"{script.parent.name}: {line!r} not in the PDF as it is"
            checked += 1
    assert checked > 50


def test_chinese_pdf_has_chinese_chrome_and_no_english_chrome(pdfs: Path):
    text = pdf_text(pdfs, "zh_CN")
    for chrome in ("目录", "第一章"):
        assert chrome in text, chrome
    for english in ("Contents", "CONTENTS", "Chapter", "CHAPTER", "Release", "Index", "Author name not set",
                    "continued on next page", "Listing", "Output"):
        assert english not in text, english


def test_chinese_pdf_has_chinese_comments_and_diagram_labels(pdfs: Path):
    text = pdf_text(pdfs, "zh_CN")
    for chinese in ("# 发送数据", "# 创建队列", "# 创建管道；返回两个连接端点", "队头", "队尾", "端点 1", "缓冲区"):
        assert chinese in text, chinese
    for english in ("# Send data", "Head", "Tail", "Endpoint", "Buffer"):
        assert not re.search(rf"(?<![\w.]){re.escape(english)}(?![\w(])", text), english


@pytest.mark.parametrize("language", EDITIONS)
def test_fonts_are_embedded_and_diagrams_are_vectors(pdfs: Path, language: str):
    pdf = str(pdfs / f"python-ipc-{language}.pdf")
    rows = poppler("pdffonts", pdf).splitlines()[2:]
    assert rows
    for row in rows:
        assert re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", row), row
        embedded = row.split()[-5]
        assert embedded == "yes", f"font not embedded: {row}"
    images = poppler("pdfimages", "-list", pdf).splitlines()[2:]
    assert images == []  # no raster image: the diagrams are vector graphics


# A text matrix "a b c d e f Tm" with b or c not 0 draws its glyphs skewed:
# how xdvipdfmx draws a synthetic slant (xeCJK's AutoFakeSlant, fontspec's
# FakeSlant). Chinese emphasis and code comments use an upright face instead
# (extensions/latex_editions.py: ItalicFont), as Chinese typography does.
TEXT_MATRIX = re.compile(rb"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) -?[\d.]+ -?[\d.]+ Tm")


@pytest.mark.parametrize("language", EDITIONS)
def test_no_text_is_drawn_with_a_synthetic_slant(pdfs: Path, language: str):
    matrices = [m.groups() for chunk in streams(pdfs / f"python-ipc-{language}.pdf")
                for m in TEXT_MATRIX.finditer(chunk)]
    assert matrices  # the pattern still matches what xdvipdfmx writes
    skewed = [m for m in matrices if float(m[1]) or float(m[2])]
    assert skewed == []


@pytest.mark.parametrize("language", EDITIONS)
def test_metadata_is_set_per_edition(pdfs: Path, language: str):
    pdf = pdfs / f"python-ipc-{language}.pdf"
    info = dict(line.split(":", 1) for line in poppler("pdfinfo", str(pdf)).splitlines() if ":" in line)
    assert info["Title"].strip() == EDITIONS[language]["title"]
    assert info["Author"].strip() == EDITIONS[language]["author"]
    assert catalog_language(pdf) == EDITIONS[language]["lang"]


@pytest.mark.parametrize("language", EDITIONS)
def test_latex_logs_report_no_missing_character(pdfs: Path, language: str):
    log = BUILD / "latex" / language / f"python-ipc-{language}.log"
    assert "Missing character" not in log.read_text(encoding="utf-8", errors="replace")


def test_each_html_edition_links_to_its_own_pdf(pdfs: Path, html_site: Path):
    for language in EDITIONS:
        page = (html_site / language / "index.html").read_text(encoding="utf-8")
        assert f'href="python-ipc-{language}.pdf"' in page
        assert (html_site / language / f"python-ipc-{language}.pdf").read_bytes() == \
            (pdfs / f"python-ipc-{language}.pdf").read_bytes()


def test_make_pdf_again_with_nothing_changed_runs_no_xelatex(pdfs: Path, html_site: Path):
    outputs = [path for language in EDITIONS for path in (pdfs / f"python-ipc-{language}.pdf",
                                                          html_site / language / f"python-ipc-{language}.pdf")]
    before = {path: path.stat().st_mtime_ns for path in outputs}
    again = run_make("pdf")
    assert "sphinx-build" not in again.stdout and "latexmk" not in again.stdout, again.stdout
    assert {path: path.stat().st_mtime_ns for path in outputs} == before


def test_a_missing_glyph_fails_the_build_naming_the_log_line(built_copy: Path):
    page = built_copy / "source" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAn Egyptian hieroglyph no font here has: \U00013000.\n",
                    encoding="utf-8")
    earlier = earlier_pdfs(built_copy, "en")
    result = run_make("pdf", "LANGUAGES=en", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert re.search(r"python-ipc-en\.log:\d+: missing glyph U\+13000 '\U00013000' in font Noto Serif",
                     result.stderr), result.stderr[-3000:]
    assert [pdf for pdf in earlier if pdf.exists()] == []  # no PDF of the page as it was


def test_log_check_names_log_line_glyph_and_font_even_when_tex_wrapped_the_line(tmp_path: Path):
    log = tmp_path / "book.log"
    log.write_text(
        "(./book.tex\n"
        "Missing character: There is no \u30fb (U+30FB) in font FreeMono:mode=harf;script=latn;langua\n"
        "ge=dflt;!\n"
        "Missing character: There is no \u2605 (U+2605) in font [lmroman10-regular]:mapping=tex-text;!\n"
        "Missing character: There is no ^^e3 in font cmr10!\n"
        "[1] )\n", encoding="utf-8")
    clean = tmp_path / "clean.log"
    clean.write_text("(./book.tex [1] )\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "check_latex_log.py"), str(clean), str(log)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[:3] == [
        f"{log}:2: missing glyph U+30FB '\u30fb' in font FreeMono",
        f"{log}:4: missing glyph U+2605 '\u2605' in font [lmroman10-regular]",
        f"{log}:5: Missing character: There is no ^^e3 in font cmr10!",
    ]
    assert subprocess.run([sys.executable, str(ROOT / "tools" / "check_latex_log.py"), str(clean)]).returncode == 0


def test_long_code_lines_wrap_instead_of_running_off_the_page(built_copy: Path):
    example = built_copy / "examples" / "queues" / "queue-producer-consumer" / "main.py"
    long_tail = " ".join(["wrapped"] * 30)
    example.write_text(example.read_text(encoding="utf-8").replace(
        "# Send data", f"# Send data {long_tail} END"), encoding="utf-8")
    run_make("pdf", "LANGUAGES=en", cwd=built_copy)
    log = (built_copy / "build/latex/en/python-ipc-en.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull \\hbox" not in log
    text = poppler("pdftotext", str(built_copy / "build/pdf/python-ipc-en.pdf"), "-")
    assert "END" in text  # nothing cut off at the margin


@pytest.mark.whole_rebuild
def test_two_clean_pdf_builds_are_byte_identical(pdfs: Path, clean_build: Path):
    """SOURCE_DATE_EPOCH (exported by the Makefile) fixes every date; nothing
    else in the PDFs depends on the build: same commit, same bytes (the
    session's PDFs, and make dist's, built from nothing in a directory of its own)."""
    for language in EDITIONS:
        name = f"python-ipc-{language}.pdf"
        assert (pdfs / name).read_bytes() == (clean_build / "pdf" / name).read_bytes(), name
