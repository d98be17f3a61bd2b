"""The measured throughput chart: on the choosing page of both editions, its
words in the reader's language (from the page's catalog), drawn the same way
by every build, from a data file that says which machine it measured."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from built_pages import is_chinese, soup
from conftest import ROOT

DATA = ROOT / "source" / "charts" / "ipc-throughput.json"
PAGE = ROOT / "source" / "choosing.md"
CATALOG = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "choosing.po"


def chart_options() -> dict[str, str]:
    """The throughput-chart directive's options, as the page sets them."""
    block = re.search(r"```\{throughput-chart\}[^\n]*\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    assert block, "source/choosing.md has no throughput-chart directive"
    return dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", block.group(1), re.MULTILINE))


def chart_words() -> list[str]:
    """The messages drawn on the chart: title, axis labels, legend entries."""
    options = chart_options()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return [options["title"], options["x-label"], options["y-label"], *(s["label"] for s in data["series"])]


def shown_chart(html_site: Path, language: str) -> tuple[str, str, str]:
    """(alt text, note under the chart, SVG text) of the choosing page's chart."""
    page = soup(html_site / language / "choosing.html")
    image = page.select_one("figure div.throughput-chart img")
    assert image is not None, f"no chart on the {language} choosing page"
    assert image["src"].endswith(".svg")
    svg = (html_site / language / image["src"]).read_text(encoding="utf-8")
    return image["alt"], page.select_one("div.throughput-chart p.chart-note").get_text(), svg


def svg_text(svg: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_the_data_file_names_its_machine_and_holds_every_point():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    machine = data["machine"]
    for key in ("cpu", "cores", "os", "python", "start_method", "date"):
        assert machine.get(key), f"the data file does not say its machine's {key}"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", machine["date"])
    assert data["sizes"][0] <= 100 and data["sizes"][-1] >= 1_000_000
    assert [s["key"] for s in data["series"]] == ["queue", "pipe", "shared_memory", "manager"]
    for series in data["series"]:
        assert len(series["mb_per_s"]) == len(data["sizes"]) and all(v > 0 for v in series["mb_per_s"])


def test_the_english_chart_shows_the_english_words(html_site: Path):
    alt, note, svg = shown_chart(html_site, "en")
    assert alt == chart_options()["alt"]
    assert note.startswith("Measured on ") and json.loads(DATA.read_text())["machine"]["cpu"] in note
    drawn = svg_text(svg)
    for word in chart_words():
        assert word in drawn, f"{word!r} is not on the English chart"


def test_the_chinese_chart_shows_the_catalog_translations(html_site: Path):
    translations = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG)) if e.translated()}
    alt, note, svg = shown_chart(html_site, "zh_CN")
    drawn = svg_text(svg)
    for word in chart_words():
        assert word in translations, f"{word!r} has no translation in {CATALOG.name}"
        assert translations[word] in drawn, f"{translations[word]!r} is not on the Chinese chart"
    options = chart_options()
    assert is_chinese(translations[options["title"]]) and is_chinese(translations[options["x-label"]])
    assert alt == translations[options["alt"]] and is_chinese(alt)
    assert is_chinese(note)
    assert "Noto Sans CJK SC" in svg


DRAW = """\
import json, sys
sys.path.insert(0, sys.argv[1])
from ipc_chart import NOTE, draw, throughput_chart
data = json.load(open(sys.argv[2], encoding="utf-8"))
node = throughput_chart(data=data, title="Throughput", x_label="Size", y_label="MB/s", note=NOTE, alt="")
node["translations"] = {"Throughput": "吞吐量", "Size": "消息大小"}
sys.stdout.buffer.write(draw(node, sys.argv[3]))
"""


@pytest.mark.parametrize("file_format", ["svg", "pdf"])
def test_two_drawings_of_the_chart_are_byte_identical(file_format: str):
    def drawing(seed: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", DRAW, str(ROOT / "extensions"), str(DATA), file_format],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=True,
        ).stdout

    first, second = drawing("1"), drawing("2")
    assert first == second
    if file_format == "svg":
        assert "吞吐量" in first.decode("utf-8") and "<dc:date>" not in first.decode("utf-8")
    else:
        # Type 42: a TrueType font file, not PostScript outlines (FontFile3)
        assert b"/CreationDate" not in first and b"/FontFile2" in first and b"/FontFile3" not in first


def test_the_data_shows_the_pattern_the_page_describes():
    # source/choosing.md describes the measured pattern; a new measurement
    # that no longer shows it means the page's text needs revising.
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rates = {s["key"]: s["mb_per_s"] for s in data["series"]}
    smallest, largest = 0, len(data["sizes"]) - 1
    assert rates["pipe"][smallest] > rates["queue"][smallest]
    assert rates["manager"][smallest] == min(r[smallest] for r in rates.values())
    assert rates["shared_memory"][largest] == max(r[largest] for r in rates.values())
    assert all(r[smallest] < 1 for r in rates.values())
    assert all(r[largest] >= 100 for r in rates.values())
