"""Draw the measured IPC throughput chart at build time, in every language.

The page names the data file that ``tools/measure_ipc.py`` wrote::

    ```{throughput-chart} charts/ipc-throughput.json
    :caption: Throughput from parent to child, by message size.
    :alt: A chart with four lines, one per mechanism, ...
    :title: Parent-to-child throughput
    :x-label: Message size
    :y-label: Throughput (MB/s)
    :name: choosing-chart
    ```

and the chart is drawn with matplotlib when the page is written: an SVG
``<img>`` in HTML (its ``alt`` text is its accessible name), a vector PDF in
the LaTeX build. The data stays one file for every language.

Each series of the data file holds, per message size, the ``median`` of the
repeated measurements and their spread, ``low`` and ``high`` (percentiles
the file's ``settings`` name). The chart draws each median as a line and
the spread as a shaded band of the line's colour around it, so a reader sees
how far apart two lines must be to mean something.

Every word on the chart is a message of the page's catalog, as diagram labels
are: the title, the axis labels, each legend entry (the ``label`` of each
series in the data file), the alt text, and the note under the chart that
says where the figures come from (``Measured on {cpu} ...``: a message with
placeholders, filled from the data file's ``machine``, so a new measurement
needs no new translation), and a second note, filled from its ``settings``
and load averages, that says what the lines and bands are. The caption is the figure's ordinary caption. The
chart node implements Sphinx's ``addnodes.translatable`` protocol (through
``translatable.PerMessageTranslatable``), so the stock gettext builder
extracts its messages and the stock Locale transform applies them.

All text is set in Noto Sans CJK SC (found through matplotlib's font
manager), which has Latin and Chinese glyphs: the SVG names it (its text
stays text), the PDF embeds it as Type 42, cut down to the chart's
characters and converted to TrueType outlines with fontTools (see
``truetype_subset``). Output is deterministic: a fixed SVG hash salt, no
dates in the SVG or PDF metadata; the file name is a digest of everything
drawn, so two builds give the same bytes and an unchanged chart is not drawn
again.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
from importlib import metadata
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from book import write_atomically
from translatable import PerMessageTranslatable

FONT = "Noto Sans CJK SC"
# Bump when the drawing code changes, so cached charts are drawn again.
STYLE_VERSION = "3"
NOTE = "Measured on {cpu} ({cores} cores), {os}, {python}, start method {start_method}, {date}."
METHOD_NOTE = ("Each point is the median of {batches_per_point} timed runs of {batch_seconds} s; "
               "each band spans their percentiles {low_percentile} to {high_percentile}. "
               "Load average: {load_before} before, {load_after} after.")
BAND_OPACITY = 0.2
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
        messages.append(self["method_note"])
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

    def method_note_text(self) -> str:
        return self.text(self["method_note"]).format(**method_fields(self["data"]))


def method_fields(data: dict) -> dict:
    """The placeholders of METHOD_NOTE, from the data file."""
    load = data["machine"]["load_average"]
    return {**data["settings"], "load_before": f"{load['before']:.2f}", "load_after": f"{load['after']:.2f}"}


def check_data(data: Any) -> str | None:
    """What is wrong with the data file's content, or None."""
    try:
        sizes = data["sizes"]
        if not sizes or not all(isinstance(s, int) and s > 0 for s in sizes):
            return "'sizes' must be a list of positive integers"
        for series in data["series"]:
            if not isinstance(series["label"], str):
                return f"series {series.get('label')!r}: a label is needed"
            for key in ("median", "low", "high"):
                values = series[key]
                if len(values) != len(sizes) or not all(isinstance(v, (int, float)) and v > 0 for v in values):
                    return f"series {series['label']!r}: '{key}' needs one positive value per size"
            if not all(lo <= m <= hi for lo, m, hi in zip(series["low"], series["median"], series["high"])):
                return f"series {series['label']!r}: each median must lie between its 'low' and 'high'"
        NOTE.format(**data["machine"])
        METHOD_NOTE.format(**method_fields(data))
    except (KeyError, TypeError, ValueError, IndexError) as error:
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
            method_note=METHOD_NOTE,
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


def find_font(properties) -> str:
    """The file of the font ``properties`` ask for; ValueError if there is none.

    matplotlib lists the machine's fonts once and keeps the list in its cache
    directory: a font installed later (the set-up installs Noto CJK) is
    missing from that list. So when the font is not found, the fonts the list
    lacks are added to it (which also forgets the failed look-up), and the
    font is looked for once more.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    try:
        return manager.findfont(properties, fallback_to_default=False)
    except ValueError:
        known = {font.fname for font in manager.ttflist + manager.afmlist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # not a font matplotlib reads
                    pass
        return manager.findfont(properties, fallback_to_default=False)


def truetype_subset(text: str, path: Path) -> Path:
    """Write to ``path`` the chart font cut down to the characters of ``text``,
    its outlines converted to TrueType (quadratic) curves.

    Noto Sans CJK has only PostScript (CFF) outlines, which matplotlib would
    embed as a TrueType font file: a PDF whose font type and font file
    disagree (poppler warns "Mismatch between font type and embedded font
    file"). A true TrueType font embeds as Type 42, as it should.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable
    from matplotlib import font_manager

    source = find_font(font_manager.FontProperties(family=FONT))
    options = subset.Options(glyph_names=True, notdef_outline=True, layout_features=[], hinting=False,
                             name_IDs=["*"], name_languages=["*"])
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    options.font_number = getattr(source, "face_index", 0)
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    # fontTools' otf2ttf recipe: cubic curves to quadratic, a glyf table instead of CFF.
    order, glyph_set = font.getGlyphOrder(), font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, quadratic
    del font["CFF "]
    font.recalcBBoxes = True
    glyf.compile(font)
    for name, glyph in quadratic.items():
        if hasattr(glyph, "xMin"):
            font["hmtx"][name] = (font["hmtx"][name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxTwilightPoints",
                  "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType, post.extraNames, post.mapping, post.glyphOrder = 2.0, [], {}, order
    font.sfntVersion = "\x00\x01\x00\x00"
    font.save(str(path))
    return path


def draw(node: throughput_chart, file_format: str) -> bytes:
    """The chart as SVG or PDF bytes, in the node's language."""
    import tempfile

    import matplotlib
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    data = node["data"]
    sizes = data["sizes"]
    values = [value for series in data["series"] for key in ("low", "high") for value in series[key]]
    low, high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    y_ticks = [10.0**exponent for exponent in range(low, high + 1)]
    x_labels = [size_label(size) for size in sizes]
    y_labels = [f"{tick:g}" for tick in y_ticks]
    words = [node.text(node[field]) for field in TEXT_FIELDS if node.get(field)]
    words += [node.text(series["label"]) for series in data["series"]]
    settings = {
        "svg.fonttype": "none",  # text stays text: searchable, and light
        "svg.hashsalt": "ipc-chart",  # ids derived from content, not random
        "pdf.fonttype": 42,  # TrueType fonts, embedded
    }
    with tempfile.TemporaryDirectory() as scratch, matplotlib.rc_context(settings):
        if file_format == "pdf":
            # "lp": matplotlib measures text heights with these letters.
            subset = truetype_subset("".join(words + x_labels + y_labels) + "lp", Path(scratch, "chart-font.ttf"))
            font = font_manager.FontProperties(fname=subset, size=10)
        else:  # SVG names the font; nothing is embedded
            font = font_manager.FontProperties(family=[FONT, "sans-serif"], size=10)
            find_font(font)  # ValueError if the font is missing
        large = font.copy()
        large.set_size(12)
        figure = Figure(figsize=(6.4, 4.2), layout="constrained")
        axes = figure.add_subplot()
        # The bands first, under every line; no edge, so overlapping bands stay readable.
        bands = [axes.fill_between(sizes, series["low"], series["high"], color=style["color"],
                                   alpha=BAND_OPACITY, linewidth=0)
                 for series, style in zip(data["series"], STYLES)]
        lines = [axes.plot(sizes, series["median"], **style)[0] for series, style in zip(data["series"], STYLES)]
        axes.set_xscale("log")
        axes.set_yscale("log")
        axes.minorticks_off()
        axes.set_xticks(sizes, x_labels, fontproperties=font)
        axes.set_yticks(y_ticks, y_labels, fontproperties=font)
        axes.set_ylim(y_ticks[0], y_ticks[-1])
        axes.grid(True, which="major", color="#dddddd", linewidth=0.6)
        if node.get("title"):
            axes.set_title(node.text(node["title"]), fontproperties=large)
        if node.get("x_label"):
            axes.set_xlabel(node.text(node["x_label"]), fontproperties=font)
        if node.get("y_label"):
            axes.set_ylabel(node.text(node["y_label"]), fontproperties=font)
        # Each legend entry: the line over a patch of its band.
        axes.legend(list(zip(bands, lines)), [node.text(series["label"]) for series in data["series"]],
                    loc="upper left", frameon=False, prop=font)
        metadata = {"Date": None} if file_format == "svg" else {"CreationDate": None, "ModDate": None}
        output = io.BytesIO()
        figure.savefig(output, format=file_format, metadata=metadata, facecolor="white")
    return output.getvalue()


def render(node: throughput_chart, file_format: str, directory: Path) -> str:
    """Draw the chart into ``directory`` unless it is there already; its file name."""
    texts = {message: node.text(message) for message in node.extract_original_messages()}
    # matplotlib's version from its metadata: importing it (0.2 s) only to draw.
    key = json.dumps([STYLE_VERSION, metadata.version("matplotlib"), file_format, node["data"], texts,
                      [node.get(field) for field in TEXT_FIELDS]], sort_keys=True)
    name = f"ipc-chart-{hashlib.sha1(key.encode('utf-8')).hexdigest()}.{file_format}"
    path = directory / name
    if not path.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        write_atomically(path, draw(node, file_format))  # parallel writers never see half a file
    return name


# -- Writers ----------------------------------------------------------------------


def visit_chart_html(self, node: throughput_chart) -> None:
    name = render(node, "svg", Path(self.builder.outdir, self.builder.imagedir))
    source = f"{self.builder.imgpath}/{name}"
    classes = " ".join(node["classes"])
    alt = self.attval(node.text(node["alt"])) if node.get("alt") else ""
    self.body.append(f'<div class="{classes}"><img src="{source}" alt="{alt}" />\n')
    self.body.append(f'<p class="chart-note">{self.encode(node.note_text())}</p>\n')
    self.body.append(f'<p class="chart-note">{self.encode(node.method_note_text())}</p></div>\n')
    raise nodes.SkipNode


def visit_chart_latex(self, node: throughput_chart) -> None:
    name = render(node, "pdf", Path(self.builder.outdir))
    self.body.append("\n\\sphinxincludegraphics[width=\\linewidth]{%s}\n" % name)
    self.body.append("\n{\\small %s\\par %s}\n" % (self.encode(node.note_text()),
                                                  self.encode(node.method_note_text())))
    raise nodes.SkipNode


def visit_chart_text(self, node: throughput_chart) -> None:
    self.add_text(f"[{node.text(node['alt']) if node.get('alt') else node.text(node['title'])}]")
    self.add_text(f"\n{node.note_text()}\n{node.method_note_text()}")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict:
    app.add_node(
        throughput_chart,
        html=(visit_chart_html, None),  # EPUB too (epub_editions gives it the html writers)
        latex=(visit_chart_latex, None),
        text=(visit_chart_text, None),
    )
    app.add_directive("throughput-chart", ThroughputChartDirective)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
