"""Both HTML editions build warning-free from the one source and show the
whole chapter; the Chinese one comes through complete catalogs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from book import catalog, catalogs, translations
from conftest import PAGES, ROOT
from html_pages import page_to_edit, parsed_page

SAMPLE = "Ciallo～(∠・ω< )⌒★"
EDITIONS = ("en", "zh_CN")
CATALOGS = [path for language in translations() for path in catalogs(language)]
INCLUDE = re.compile(r"```\{literalinclude\} \.\./(examples/\S+)")
sys.path.insert(0, str(ROOT / "tools"))
from run_example import OUTPUT_FILE, output_files  # noqa: E402


def page(site: Path, language: str, name: str = "index") -> BeautifulSoup:
    document = page_to_edit(site / language / f"{name}.html")
    for permalink in document.select("a.headerlink"):
        permalink.decompose()
    return document


def source(name: str) -> str:
    return (ROOT / "source" / f"{name}.md").read_text(encoding="utf-8")


def headings(name: str, language: str) -> list[str]:
    """The page's headings as its edition shows them: the English, or its translation."""
    english = [re.sub(r"`([^`]*)`", r"\1", line.lstrip("#").strip())
               for line in source(name).splitlines() if re.match(r"#{1,3} ", line)]
    if language == "en":
        return english
    po = polib.pofile(str(catalog(language, name)))
    raw = [line.lstrip("#").strip() for line in source(name).splitlines() if re.match(r"#{1,3} ", line)]
    return [re.sub(r"`([^`]*)`", r"\1", po.find(text).msgstr) for text in raw]


@pytest.mark.whole_rebuild  # a second build of the whole edition, from nothing
@pytest.mark.parametrize("language", EDITIONS)
def test_each_edition_builds_nitpicky_and_warning_free(language: str, tmp_path: Path):
    # A cold build of its own, so that no warning hides in an earlier run's cache.
    result = subprocess.run(
        # As an outside harness would run it: plain sphinx-build on source/.
        [Path(sys.executable).parent / "sphinx-build", "-n", "-W", "--keep-going",  # this stack's venv
         "-D", f"language={language}", "-d", tmp_path / "doctrees", "source", tmp_path / "html"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "html" / "index.html").is_file()


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_each_page_of_each_edition_shows_its_headings_listings_and_diagrams(html_site: Path, language: str, name: str):
    soup = page(html_site, language, name)
    # Without the section numbers the numbered toctree adds ("1.2. ").
    shown = [re.sub(r"^[\d.]+\s+", "", h.get_text()) for h in soup.select("div.body h1, div.body h2, div.body h3")]
    assert shown == headings(name, language)
    text = source(name)
    included = INCLUDE.findall(text)
    assert len(soup.select("div.highlight-python")) == sum(f.endswith(".py") for f in included)
    assert len(soup.select("div.output")) == sum(bool(OUTPUT_FILE.search(f)) for f in included)
    assert len(soup.select("object[type='image/svg+xml']")) == text.count("```{graphviz}")


@pytest.mark.parametrize("language", EDITIONS)
def test_the_sample_string_survives_in_prose_code_and_output(html_site: Path, language: str):
    soup = page(html_site, language, "processes")
    assert any(SAMPLE in p.get_text() for p in soup.select("div.body p"))
    assert SAMPLE in soup.select_one("div.highlight-python pre").get_text()
    assert SAMPLE in soup.select_one("div.output pre").get_text()


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("name", PAGES)
def test_documented_outputs_are_the_committed_output_files(html_site: Path, language: str, name: str):
    shown = [pre.get_text() for pre in page(html_site, language, name).select("div.output pre")]
    committed = [(ROOT / path).read_text(encoding="utf-8")
                 for path in INCLUDE.findall(source(name)) if OUTPUT_FILE.search(path)]
    assert shown == committed


def test_code_is_included_from_examples_never_pasted_each_listing_once():
    included = []
    for name in PAGES:
        text = source(name)
        assert not re.search(r"^```python", text, re.M), f"{name}.md: paste no code: literalinclude it from examples/"
        for path in INCLUDE.findall(text):
            assert path.startswith(f"examples/{name}/"), f"{name}.md includes {path}: another page's folder"
            included.append(path)
    assert len(included) == len(set(included)), "a listing is shown twice"
    for script in (ROOT / "examples").glob("*/*/main.py"):
        listing = script.parent.relative_to(ROOT).as_posix()
        assert f"{listing}/main.py" in included, f"{listing} is not shown"
        for output in output_files(script.parent).values():
            assert f"{listing}/{output.name}" in included, f"{listing}/{output.name} is not shown"


# An output that only some versions print is captioned with those versions.
OUTPUT_INCLUDE = re.compile(r"```\{literalinclude\} \.\./(examples/[^/]+/[^/]+)/(output(?:-(\d+\.\d+))?\.txt)\n:caption: (.*)")


def test_an_output_that_differs_by_version_is_captioned_with_its_versions():
    labelled = 0
    for name in PAGES:
        for listing, file, last, caption in OUTPUT_INCLUDE.findall(source(name)):
            versions = sorted(v for v in output_files(ROOT / listing) if v)
            if not versions:
                assert caption == "Output", f"{name}.md: {listing}/{file}: one output for every version"
                continue
            # output-3.13.txt: "... 3.13"; output.txt: from the version after the newest file's.
            after = f"{versions[-1][0]}.{versions[-1][1] + 1}"
            assert (last or after) in caption, f"{name}.md: {listing}/{file} captioned {caption!r}"
            labelled += 1
    assert labelled >= 2


def test_landing_page_offers_every_edition(html_site: Path):
    soup = parsed_page(html_site / "index.html")
    assert {a["href"] for a in soup.select("nav a")} == {f"{lang}/index.html" for lang in EDITIONS}


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogs_are_complete(catalog: Path):
    po = polib.pofile(str(catalog))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    assert not po.obsolete_entries(), [e.msgid for e in po.obsolete_entries()]


def test_mo_files_are_not_committed():
    tracked = subprocess.run(["git", "ls-files", "*.mo", "build"], cwd=ROOT, capture_output=True, text=True)
    assert tracked.stdout == ""
