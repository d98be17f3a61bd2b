"""Draw the measured IPC throughput chart at build time, in every language.

The page names the data file that ``tools/measure_ipc.py`` wrote::

    ```{throughput-chart} charts/ipc-throughput.json
    :caption: Throughput by message size, measured on one machine.
    :alt: A log-log chart of four lines, one per mechanism...
    :title: Parent to child throughput
    :x-label: Message size
    :y-label: Throughput (MB/s, log scale)
    ```

and the chart is drawn with matplotlib when the page is written: an SVG
``<img>`` in HTML (its ``alt`` text is its accessible name), a vector PDF in
the LaTeX build. The data stays one file for every language.

Every word on the chart is a message of the page's catalog, as diagram labels
are: the title, the axis labels, each legend entry (the ``label`` of each
series in the data file), the alt text, and the note under the chart that
says where the figures come from (``Measured on {cpu} ...``: a message with
placeholders, filled from the data file's ``machine``, so a new measurement
needs no new translation). The caption is the figure's ordinary caption. The
chart node implements Sphinx's ``addnodes.translatable`` protocol (through
``translatable.PerMessageTranslatable``), so the stock gettext builder
extracts its messages and the stock Locale transform applies them.

All text is set in Noto Sans CJK SC (found through matplotlib's font
manager), which has Latin and Chinese glyphs. Output is deterministic: a
fixed SVG hash salt, no dates in the SVG or PDF metadata, fonts embedded as
Type 42 in the PDF; the file name is a digest of everything drawn, so two
builds give the same bytes and an unchanged chart is not drawn again.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from translatable import PerMessageTranslatable

FONT = "Noto Sans CJK SC"
# Bump when the drawing code changes, so cached charts are drawn again.
STYLE_VERSION = "1"
NOTE = "Measured on {cpu} ({cores} cores), {os}, {python}, start method {start_method}, {date}."
# Distinct in colour (Okabe-Ito, safe for colour blindness), marker and dash,
# so that the lines can be told apart in a grey print too.
STYLES = [
    {"color": "#0072B2", "marker": "o", "linestyle": "-"},
    {"color": "#D55E00", "marker": "s", "linestyle": "--"},
    {"color": "#009E73", "marker": "^", "linestyle": "-."},
    {"color": "#CC79A7", "marker": "D", "linestyle": ":"},
]
TEXT_FIELDS = ("title", "x_label", "y_label")


class throughput_chart(PerMessageTranslatable, nodes.General, nodes.Element):
    """A chart whose title, axis labels, legend, note and alt text are messages."""

    def preserve_original_messages(self) -> None:
        self.setdefault("translations", {})

    def extract_original_messages(self) -> list[str]:
        messages = [self[field] for field in TEXT_FIELDS if self.get(field)]
        messages += [series["label"] for series in self["data"]["series"]]
        messages.append(self["note"])
        if self.get("alt"):
            messages.append(self["alt"])
        return list(dict.fromkeys(messages))

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self.setdefault("translations", {})[original_message] = translated_message

    def text(self, message: str) -> str:
        """``message`` in the page's language."""
        return self.get("translations", {}).get(message, message)

    def note_text(self) -> str:
        return self.text(self["note"]).format(**self["data"]["machine"])


def check_data(data: Any) -> str | None:
    """What is wrong with the data file's content, or None."""
    try:
        sizes = data["sizes"]
        if not sizes or not all(isinstance(s, int) and s > 0 for s in sizes):
            return "'sizes' must be a list of positive integers"
        for series in data["series"]:
            if not isinstance(series["label"], str) or len(series["mb_per_s"]) != len(sizes):
                return f"series {series.get('label')!r}: one value per size is needed"
        NOTE.format(**data["machine"])
    except (KeyError, TypeError) as error:
        return f"missing or malformed entry: {error}"
    if len(data["series"]) > len(STYLES):
        return f"at most {len(STYLES)} series"
    return None


class ThroughputChartDirective(SphinxDirective):
    required_arguments = 1
    option_spec = {
        "caption": directives.unchanged,
        "alt": directives.unchanged,
        "title": directives.unchanged,
        "x-label": directives.unchanged,
        "y-label": directives.unchanged,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0])
        self.env.note_dependency(relative)  # a new measurement rebuilds the page
        try:
            data = json.loads(Path(absolute).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise self.error(f"throughput-chart: cannot read {relative}: {error}") from error
        problem = check_data(data)
        if problem:
            raise self.error(f"throughput-chart: {relative}: {problem}")
        chart = throughput_chart(
            data=data,
            title=self.options.get("title", ""),
            x_label=self.options.get("x-label", ""),
            y_label=self.options.get("y-label", ""),
            note=NOTE,
            alt=self.options.get("alt", ""),
            classes=["throughput-chart", *self.options.get("class", [])],
        )
        self.set_source_info(chart)
        figure = nodes.figure("", chart, classes=["throughput-chart-figure"])
        self.set_source_info(figure)
        if "caption" in self.options:
            text = self.options["caption"]
            inline, messages = self.state.inline_text(text, self.lineno)
            caption = nodes.caption(text, "", *inline)
            self.set_source_info(caption)
            figure += caption
        else:
            messages = []
        self.add_name(figure)
        return [figure, *messages]


# -- Drawing ----------------------------------------------------------------------


def size_label(size: int) -> str:
    for unit, factor in (("MB", 10**6), ("KB", 10**3)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"


def draw(node: throughput_chart, file_format: str) -> bytes:
    """The chart as SVG or PDF bytes, in the node's language."""
    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    font = font_manager.FontProperties(family=FONT)
    font_manager.findfont(font, fallback_to_default=False)  # ValueError if the font is missing
    data = node["data"]
    settings = {
        "font.family": "sans-serif",
        "font.sans-serif": [FONT],
        "font.size": 10,
        "svg.fonttype": "none",  # text stays text: searchable, and light
        "svg.hashsalt": "ipc-chart",  # ids derived from content, not random
        "pdf.fonttype": 42,  # TrueType fonts, embedded
        "axes.unicode_minus": False,
    }
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(6.4, 4.2), layout="constrained")
        axes = figure.add_subplot()
        for series, style in zip(data["series"], STYLES):
            axes.plot(data["sizes"], series["mb_per_s"], label=node.text(series["label"]), **style)
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.set_xticks(data["sizes"], [size_label(size) for size in data["sizes"]])
        axes.minorticks_off()
        # Plain numbers (0.1, 1, 10...) rather than powers of ten in math text.
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axes.grid(True, which="major", color="#dddddd", linewidth=0.6)
        for field, setter in (("title", axes.set_title), ("x_label", axes.set_xlabel), ("y_label", axes.set_ylabel)):
            if node.get(field):
                setter(node.text(node[field]))
        axes.legend(loc="upper left", frameon=False)
        metadata = {"Date": None} if file_format == "svg" else {"CreationDate": None, "ModDate": None}
        output = io.BytesIO()
        figure.savefig(output, format=file_format, metadata=metadata, facecolor="white")
    return output.getvalue()


def render(node: throughput_chart, file_format: str, directory: Path) -> str:
    """Draw the chart into ``directory`` unless it is there already; its file name."""
    import matplotlib

    texts = {message: node.text(message) for message in node.extract_original_messages()}
    key = json.dumps([STYLE_VERSION, matplotlib.__version__, file_format, node["data"], texts,
                      [node.get(field) for field in TEXT_FIELDS]], sort_keys=True)
    name = f"ipc-chart-{hashlib.sha1(key.encode('utf-8')).hexdigest()}.{file_format}"
    path = directory / name
    if not path.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{name}.{os.getpid()}")
        temporary.write_bytes(draw(node, file_format))
        temporary.replace(path)  # parallel writers never see half a file
    return name


# -- Writers ----------------------------------------------------------------------


def visit_chart_html(self, node: throughput_chart) -> None:
    name = render(node, "svg", Path(self.builder.outdir, self.builder.imagedir))
    source = f"{self.builder.imgpath}/{name}"
    classes = " ".join(node["classes"])
    alt = self.attval(node.text(node["alt"])) if node.get("alt") else ""
    self.body.append(f'<div class="{classes}"><img src="{source}" alt="{alt}" />\n')
    self.body.append(f'<p class="chart-note">{self.encode(node.note_text())}</p></div>\n')
    raise nodes.SkipNode


def visit_chart_latex(self, node: throughput_chart) -> None:
    name = render(node, "pdf", Path(self.builder.outdir))
    self.body.append("\n\\sphinxincludegraphics[width=\\linewidth]{%s}\n" % name)
    self.body.append("\n{\\small %s}\n" % self.encode(node.note_text()))
    raise nodes.SkipNode


def visit_chart_text(self, node: throughput_chart) -> None:
    self.add_text(f"[{node.text(node['alt']) if node.get('alt') else node.text(node['title'])}]")
    self.add_text(f"\n{node.note_text()}")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    app.add_node(
        throughput_chart,
        html=(visit_chart_html, None),
        epub=(visit_chart_html, None),
        latex=(visit_chart_latex, None),
        text=(visit_chart_text, None),
    )
    app.add_directive("throughput-chart", ThroughputChartDirective)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
