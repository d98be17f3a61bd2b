"""Translate the labels of Graphviz diagrams through the catalogs.

``sphinx.ext.graphviz`` never puts a diagram's labels into the catalogs, so
inline DOT stays in the source language. Here every ``graphviz`` node becomes
a ``translatable_graphviz`` node: each label of its DOT source (each field of
a record label) is one message, and so is its ``:alt:`` text. The translated
DOT is rendered as usual, so there is one diagram source for all languages.

A label is *not* a message when it is code (``put()``, ``Connection.send``)
or a single symbol (``A``): those read the same in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.ext.graphviz import Graphviz, GraphvizSimple, graphviz
from sphinx.transforms import SphinxTransform
from sphinx.util.nodes import set_source_info

from translatable import PerMessageTranslatable

# label="..." with backslash escapes; HTML-like labels (label=<...>) are left alone.
LABEL = re.compile(r'(\blabel\s*=\s*")((?:[^"\\]|\\.)*)(")')
# Record fields are separated by unescaped "|"; braces only group fields.
FIELD_SEPARATOR = re.compile(r"(?<!\\)([|{}])")
PORT = re.compile(r"^(\s*<[^>]*>)?(\s*)(.*?)(\s*)$", re.DOTALL)
CODE = re.compile(r"^[\w.]+\(\)$|^[\w]+\.[\w.]+$")


def is_prose(text: str) -> bool:
    return len(text) > 1 and not CODE.match(text) and any(c.isalpha() for c in text)


# Escapes of characters DOT gives a meaning to; \n, \l and \r (line breaks) stay as they are.
DOT_SPECIAL = r'[\\"|{}<>]'


def unescape(raw: str) -> str:
    return re.sub(rf"\\({DOT_SPECIAL})", r"\1", raw)


def escape(text: str) -> str:
    return re.sub(rf"({DOT_SPECIAL})", r"\\\1", text)


def _map_fields(label: str, translate) -> str:
    """Apply ``translate`` (plain text in, plain text out) to each field of ``label``."""
    parts = FIELD_SEPARATOR.split(label)
    for i, part in enumerate(parts):
        if FIELD_SEPARATOR.fullmatch(part):
            continue
        port, lead, raw, trail = PORT.match(part).groups()
        text = unescape(raw)
        if is_prose(text):
            new = translate(text)
            if new != text:
                parts[i] = (port or "") + lead + escape(new) + trail
    return "".join(parts)


def find_labels(dot: str) -> list[str]:
    """The translatable label texts of a DOT source, unescaped, in order, without repeats."""
    found: list[str] = []

    def collect(text: str) -> str:
        if text not in found:
            found.append(text)
        return text

    for match in LABEL.finditer(dot):
        _map_fields(match.group(2), collect)
    return found


def translate_labels(dot: str, translations: dict[str, str]) -> str:
    def one_label(match: re.Match) -> str:
        label = _map_fields(match.group(2), lambda text: translations.get(text, text))
        return match.group(1) + label + match.group(3)

    return LABEL.sub(one_label, dot)


class translatable_graphviz(PerMessageTranslatable, graphviz):
    """A Graphviz diagram whose labels and alt text are messages."""

    def preserve_original_messages(self) -> None:
        self.setdefault("original_code", self["code"])
        if "alt" in self:
            self.setdefault("original_alt", self["alt"])

    def extract_original_messages(self) -> list[str]:
        messages = find_labels(self["original_code"])
        if self.get("original_alt"):
            messages.append(self["original_alt"])
        return messages

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        if original_message == self.get("original_alt"):
            self["alt"] = translated_message
            return
        translations = self.setdefault("label_translations", {})
        translations[original_message] = translated_message
        self["code"] = translate_labels(self["original_code"], translations)


# Graphviz writes the graph's and each node's DOT name (English identifiers
# such as "end1") as SVG <title> elements, which browsers show as tooltips,
# and a comment naming the graph. Readers of any language should see neither.
SVG_NOISE = re.compile(r"<title>[^<]*</title>\n?|<!--.*?-->\n?", re.DOTALL)
# Graphviz's and matplotlib's DOCTYPE names an external DTD (epubcheck rejects it).
SVG_DOCTYPE = re.compile(r"<!DOCTYPE[^>]*>\n?")


def strip_svg_noise(svg: Path, doctype: bool = False) -> None:
    """Remove the DOT identifiers and comments from an SVG file (and, with
    ``doctype``, its DOCTYPE); the file is rewritten only if that changes it."""
    text = svg.read_text(encoding="utf-8")
    cleaned = SVG_NOISE.sub("", SVG_DOCTYPE.sub("", text) if doctype else text)
    if cleaned != text:
        svg.write_text(cleaned, encoding="utf-8")


def strip_svg_identifiers(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for svg in (app.builder.outdir / "_images").glob("graphviz-*.svg"):
        strip_svg_noise(svg)


class MakeLabelsTranslatable(SphinxTransform):
    default_priority = 5  # before PreserveTranslatableMessages (10) and Locale (20)

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(graphviz)):
            if isinstance(node, translatable_graphviz):
                continue
            new = translatable_graphviz()
            new.attributes.update(node.attributes)
            new.source, new.line = node.source, node.line
            new.preserve_original_messages()
            node.replace_self(new)


def with_source_info(directive_class: type) -> type:
    """The directive, giving its ``graphviz`` node the directive's file and
    line (Sphinx's leaves them unset), so that each label's entry in the
    catalogs says where the diagram is (``#: source/index.md:110``)."""

    class Located(directive_class):
        def run(self) -> list:
            result = super().run()
            for top in result:
                for node in top.findall(graphviz):
                    if node.line is None:
                        set_source_info(self, node)
            return result

    Located.__name__ = directive_class.__name__
    return Located


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx.ext.graphviz")
    # Internal (extensions/internals.py): graphviz's directive classes, subclassed; no option records the source.
    app.add_directive("graphviz", with_source_info(Graphviz), override=True)
    for name in ("graph", "digraph"):
        app.add_directive(name, with_source_info(GraphvizSimple), override=True)
    app.add_transform(MakeLabelsTranslatable)
    app.connect("build-finished", strip_svg_identifiers)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
