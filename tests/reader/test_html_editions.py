"""Both HTML editions build warning-free from the one source and show the
whole chapter; the Chinese one comes through complete catalogs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup

from conftest import BUILD, ROOT, run_make

SAMPLE = "Ciallo～(∠・ω< )⌒★"
EDITIONS = {
    "en": {
        "h1": "Interprocess Communication (IPC)",
        "sections": ["Global variables are not shared", "Start methods", "Queue", "Pipe"],
    },
    "zh_CN": {
        "h1": "进程间通信（IPC）",
        "sections": ["全局变量不共享", "启动方法", "队列", "管道"],
    },
}
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/*.po"))


def page(site: Path, language: str) -> BeautifulSoup:
    document = BeautifulSoup((site / language / "index.html").read_text(encoding="utf-8"), "html.parser")
    for permalink in document.select("a.headerlink"):
        permalink.decompose()
    return document


@pytest.mark.parametrize("language", EDITIONS)
def test_each_edition_builds_nitpicky_and_warning_free(language: str, tmp_path: Path):
    # A cold build of its own, so that no warning hides in an earlier run's cache.
    result = subprocess.run(
        # As an outside harness would run it: plain sphinx-build on source/.
        [ROOT / ".venv/bin/sphinx-build", "-n", "-W", "--keep-going",
         "-D", f"language={language}", "-d", tmp_path / "doctrees", "source", tmp_path / "html"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "html" / "index.html").is_file()


@pytest.mark.parametrize("language", EDITIONS)
def test_each_edition_shows_the_whole_chapter(html_site: Path, language: str):
    soup = page(html_site, language)
    expected = EDITIONS[language]
    assert soup.h1.get_text() == expected["h1"]
    headings = [h.get_text() for h in soup.select("h2, h3")]
    for section in expected["sections"]:
        assert section in headings
    text = soup.get_text()
    assert text.count(SAMPLE) >= 3  # in the prose, in the code, in the output
    assert len(soup.select("div.highlight-python")) == 4  # every example
    assert len(soup.select("div.output")) == 4  # and every documented output
    assert len(soup.select("object[type='image/svg+xml']")) == 2  # both diagrams, as SVG


@pytest.mark.parametrize("language", EDITIONS)
def test_documented_outputs_are_the_committed_output_files(html_site: Path, language: str):
    shown = [pre.get_text() for pre in page(html_site, language).select("div.output pre")]
    committed = [
        (ROOT / "examples" / name / "output.txt").read_text(encoding="utf-8")
        for name in ("globals-not-shared", "start-methods", "queue-producer-consumer", "pipe-producer-consumer")
    ]
    assert shown == committed


def test_code_is_included_from_examples_never_pasted():
    source = (ROOT / "source" / "index.md").read_text(encoding="utf-8")
    assert not re.search(r"^```python", source, re.M), "paste no code: literalinclude it from examples/"
    for script in (ROOT / "examples").glob("*/main.py"):
        name = script.parent.name
        assert f"../examples/{name}/main.py" in source
        assert f"../examples/{name}/output.txt" in source


def test_landing_page_offers_every_edition(html_site: Path):
    soup = BeautifulSoup((html_site / "index.html").read_text(encoding="utf-8"), "html.parser")
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
