"""The measured throughput chart: on the choosing page of both editions, its
words in the reader's language (from the page's catalog), drawn the same way
by every build, from a data file that says which machine it measured, how,
and under what load; and every figure and comparison the page's prose states
about the chart holds in that data file."""

from __future__ import annotations

import copy
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import polib
import pytest

from built_pages import is_chinese
from html_pages import parsed_page
from book import catalog
from conftest import ROOT

DATA = ROOT / "source" / "charts" / "ipc-throughput.json"
PAGE = ROOT / "source" / "choosing.md"
CATALOG = catalog("zh_CN", "choosing")
TOOL = ROOT / "tools" / "measure_ipc.py"
KEYS = ["queue", "pipe", "shared_memory", "manager"]


def measure_ipc():
    """tools/measure_ipc.py as a module (it measures nothing when imported)."""
    spec = importlib.util.spec_from_file_location("measure_ipc", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
    """(alt text, notes under the chart, SVG text) of the choosing page's chart."""
    page = parsed_page(html_site / language / "choosing.html")
    image = page.select_one("figure div.throughput-chart img")
    assert image is not None, f"no chart on the {language} choosing page"
    assert image["src"].endswith(".svg")
    svg = (html_site / language / image["src"]).read_text(encoding="utf-8")
    notes = " ".join(note.get_text() for note in page.select("div.throughput-chart p.chart-note"))
    return image["alt"], notes, svg


def svg_text(svg: str) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg))


def test_the_data_file_names_its_machine_and_holds_every_point():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    machine = data["machine"]
    for key in ("cpu", "cores", "os", "python", "start_method", "date"):
        assert machine.get(key), f"the data file does not say its machine's {key}"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", machine["date"])
    assert re.fullmatch(r"CPython 3\.\d+\.\d+", machine["python"])
    assert data["sizes"][0] <= 100 and data["sizes"][-1] >= 1_000_000
    assert [s["key"] for s in data["series"]] == KEYS
    for series in data["series"]:
        for key in ("median", "low", "high"):
            assert len(series[key]) == len(data["sizes"]) and all(v > 0 for v in series[key]), (series["key"], key)
        for low, median, high in zip(series["low"], series["median"], series["high"]):
            assert low <= median <= high, series["key"]


def test_the_data_file_records_the_method_the_tool_uses():
    # The data file says how it was measured in the tool's own numbers: a
    # change to the tool without a new measurement fails here.
    tool = measure_ipc()
    data = json.loads(DATA.read_text(encoding="utf-8"))
    settings = data["settings"]
    assert settings["statistic"] == "median"
    assert settings["batches_per_point"] == tool.ROUNDS
    assert settings["batch_seconds"] == tool.BATCH_SECONDS
    assert settings["warm_up_messages"] == tool.WARM_UP
    assert (settings["low_percentile"], settings["high_percentile"]) == (tool.LOW_PERCENTILE, tool.HIGH_PERCENTILE)
    assert data["sizes"] == tool.SIZES
    assert f"median of {tool.ROUNDS} batches of {tool.BATCH_SECONDS:g} s" in data["description"]
    assert f"{tool.LOW_PERCENTILE}th and {tool.HIGH_PERCENTILE}th percentiles" in data["description"]
    # Measured on a quiet machine: the load average before and after (less
    # the measurement's own part) at most the tool's limit.
    load = data["machine"]["load_average"]
    limit = tool.LOAD_LIMIT * data["machine"]["cores"]
    assert settings["load_limit"] == limit and settings["load_accepted"] is True
    assert load["before"] <= limit and load["after_without_own"] <= limit, load


def test_the_tool_refuses_to_write_the_data_file_on_a_loaded_machine(tmp_path: Path, monkeypatch):
    tool = measure_ipc()
    cores = os.cpu_count() or 1
    monkeypatch.setattr(tool.os, "getloadavg", lambda: (4.0 * cores, 1.0, 1.0))
    monkeypatch.setattr(tool, "measure", lambda ctx: pytest.fail("measured on a loaded machine"))
    out = tmp_path / "data.json"
    monkeypatch.setattr(sys, "argv", ["measure_ipc.py", "--out", str(out)])
    with pytest.raises(SystemExit) as refusal:
        tool.main()
    message = str(refusal.value.code)
    assert f"load average {4.0 * cores:.2f}" in message and "--allow-load" in message
    assert not out.exists()


def test_the_english_chart_shows_the_english_words(html_site: Path):
    alt, note, svg = shown_chart(html_site, "en")
    assert alt == chart_options()["alt"]
    data = json.loads(DATA.read_text())
    assert note.startswith("Measured on ") and data["machine"]["cpu"] in note
    settings, load = data["settings"], data["machine"]["load_average"]
    assert f"median of {settings['batches_per_point']} timed runs of {settings['batch_seconds']} s" in note
    assert f"percentiles {settings['low_percentile']} to {settings['high_percentile']}" in note
    assert f"{load['before']:.2f} before, {load['after']:.2f} after" in note
    # Each series: a median line and a shaded band (its spread), in the line's colour.
    assert len(re.findall(r'<g id="(?:FillBetween)?PolyCollection_\d+">', svg)) == len(data["series"])
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
    assert is_chinese(note) and "Measured" not in note and "median" not in note
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


# -- What the page says about the chart, checked against the data -------------------
#
# Each claim: a fragment of the page's prose about the chart, word for word
# (the page must contain it), and the check that makes it true in the data
# file. Claims are worded to stay true when a new measurement moves the
# figures by a factor of 3: orders of magnitude, and comparisons only where
# the margin is wide. A sentence of that prose that states a number or a
# comparison outside these fragments fails test_the_chart_prose_states_nothing_unchecked.


class Figures:
    """The data file's medians: figures.at("pipe", 100) in MB/s."""

    def __init__(self, data: dict):
        self.sizes = data["sizes"]
        self.medians = {series["key"]: series["median"] for series in data["series"]}

    def at(self, key: str, size: int) -> float:
        return self.medians[key][self.sizes.index(size)]

    def up_to(self, largest: int) -> list[int]:
        return [size for size in self.sizes if size <= largest]


def order_of_magnitude(ratio: float) -> int:
    """The power of ten nearest ``ratio``: 1 for "about ten times" (3.2 to 32)."""
    return round(math.log10(ratio))


CLAIMS: list[tuple[str, Callable[[Figures], bool]]] = [
    ("Up to 10 KB, the fixed cost of each message dominates",  # throughput grows with the size, as fast
     lambda f: all(order_of_magnitude(f.at(k, 10_000) / f.at(k, 100)) == 2 for k in KEYS)),
    ("At 100 bytes, no mechanism reaches 10 MB/s",
     lambda f: all(f.at(k, 100) < 10 for k in KEYS)),
    ("from 100 bytes to 10 KB, a hundred times more data per message, the throughput of every mechanism "
     "grows about a hundredfold",
     lambda f: all(order_of_magnitude(f.at(k, 10_000) / f.at(k, 100)) == 2 for k in KEYS)),
    ("a message of 10 KB takes about as long as one of 100 bytes",  # time per message: size / throughput
     lambda f: all(order_of_magnitude((10_000 / f.at(k, 10_000)) / (100 / f.at(k, 100))) == 0 for k in KEYS)),
    ("At these sizes, shared memory is about as fast as a pipe",  # within a factor of 2, up to 10 KB
     lambda f: all(0.5 <= f.at("shared_memory", s) / f.at("pipe", s) <= 2 for s in f.up_to(10_000))),
    ("a queue delivers less than half as much as a pipe",
     lambda f: all(f.at("queue", s) < f.at("pipe", s) / 2 for s in f.up_to(10_000))),
    ("is the slowest at every size",
     lambda f: all(f.at("manager", s) < min(f.at(k, s) for k in KEYS if k != "manager") for s in f.sizes)),
    ("At 1 MB, shared memory pulls ahead of the queue and the manager",  # by a wide margin
     lambda f: f.at("shared_memory", 10**6) > 2 * max(f.at(k, 10**6) for k in ("queue", "manager"))),
    ("and keeps up with the pipe or passes it",  # on 3.14 the pipe comes close; on 3.11 it fell far behind
     lambda f: f.at("shared_memory", 10**6) >= f.at("pipe", 10**6)),
    ("It delivers more than 1 GB/s",
     lambda f: f.at("shared_memory", 10**6) > 1000),
    ("about ten times as much as a queue",
     lambda f: order_of_magnitude(f.at("shared_memory", 10**6) / f.at("queue", 10**6)) == 1),
    ("and the manager is slower still",
     lambda f: f.at("manager", 10**6) < f.at("queue", 10**6)),
]


# Words of the chart's prose that look like figures but state no measurement.
NOT_FIGURES = ["where two bands overlap"]


def prose(text: str) -> str:
    """Markdown prose as one line: words separated by single spaces."""
    return " ".join(text.split())


def chart_prose() -> str:
    """The page's paragraphs after the chart, to the next section."""
    section = PAGE.read_text(encoding="utf-8").split("(choosing-throughput)=", 1)[1]
    return prose(section.split("```", 2)[2].split("(choosing-", 1)[0])


def failed_claims(data: dict) -> list[str]:
    figures = Figures(data)
    return [fragment for fragment, holds in CLAIMS if not holds(figures)]


@pytest.mark.parametrize("fragment", [fragment for fragment, _ in CLAIMS])
def test_the_page_states_the_claim(fragment: str):
    assert fragment in chart_prose(), f"source/choosing.md no longer says {fragment!r}: update CLAIMS"


def test_every_claim_of_the_page_holds_in_the_data():
    # A new measurement that breaks one means the page's prose needs revising.
    assert failed_claims(json.loads(DATA.read_text(encoding="utf-8"))) == []


def test_the_chart_prose_states_nothing_unchecked():
    # Once the checked fragments are taken out, no number and no comparison
    # is left: a sentence added about the chart comes with its claim above.
    rest = chart_prose()
    for fragment in [fragment for fragment, _ in CLAIMS] + NOT_FIGURES:
        assert fragment in rest, fragment
        rest = rest.replace(fragment, " ")
    unchecked = re.findall(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred\w*|thousand\w*|"
        r"million\w*|twice|half|double|triple|times|fold|faster|fastest|slower|slowest|quicker|quickest|"
        r"ahead|behind|more than|less than|as fast as|as much as|outperform\w*|beats?|wins?)\b",
        rest, re.IGNORECASE)
    assert not unchecked, f"the chart's prose states {unchecked} outside the checked claims: {rest}"


def scaled(data: dict, key: str, factor: float, sizes: list[int] | None = None) -> dict:
    """A scratch copy of the data with one mechanism's figures multiplied."""
    changed = copy.deepcopy(data)
    for series in changed["series"]:
        if series["key"] == key:
            for name in ("median", "low", "high"):
                series[name] = [v * factor if sizes is None or size in sizes else v
                                for size, v in zip(changed["sizes"], series[name])]
    return changed


@pytest.mark.parametrize(("key", "factor", "sizes", "broken"), [
    ("pipe", 5.0, [100], "At 100 bytes, no mechanism reaches 10 MB/s"),
    ("queue", 0.2, [100], "a message of 10 KB takes about as long as one of 100 bytes"),
    ("queue", 2.5, None, "a queue delivers less than half as much as a pipe"),
    ("shared_memory", 3.0, [1_000], "At these sizes, shared memory is about as fast as a pipe"),
    ("manager", 4.0, None, "is the slowest at every size"),
    ("shared_memory", 0.1, [10**6], "It delivers more than 1 GB/s"),
    ("queue", 0.2, [10**6], "about ten times as much as a queue"),
    ("manager", 10.0, [10**6], "and the manager is slower still"),
])
def test_the_claims_fail_on_data_that_contradicts_them(key, factor, sizes, broken):
    # The checks above are not vacuous: a scratch copy of the data, changed
    # the way a measurement could contradict the page, fails the claim.
    data = json.loads(DATA.read_text(encoding="utf-8"))
    assert broken in failed_claims(scaled(data, key, factor, sizes))
