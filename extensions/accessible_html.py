"""Sphinx's HTML, made accessible where it is not (checked by axe-core in
``tests/reader/test_accessibility.py``).

* Diagrams: ``sphinx.ext.graphviz`` embeds the SVG as an ``<object>`` whose
  only text is fallback content, which assistive technology does not read.
  The ``<object>`` gets ``role="img"`` and the diagram's (translated) alt
  text as ``aria-label``, and leaves the keyboard's tab order (Chromium makes
  an ``<object>`` a tab stop, though there is nothing to do in it).
* Code: a code block wider than its column scrolls horizontally, and a
  scrolling region must be reachable by keyboard to be scrolled. Every code
  block's ``<pre>`` gets ``tabindex="0"`` (the theme draws its focus ring).

Both wrap the stock HTML visitors: the markup is Sphinx's, plus attributes.
"""

from __future__ import annotations

import html

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.ext import graphviz


def _patch(body: list[str], start: int, old: str, new: str) -> None:
    """Replace the first ``old`` in what the visitor appended since ``start``."""
    for index in range(start, len(body)):
        if old in body[index]:
            body[index] = body[index].replace(old, new, 1)
            return


def visit_graphviz(self, node: graphviz.graphviz) -> None:
    start = len(self.body)
    try:
        # Internal (extensions/internals.py): graphviz's HTML visitor, wrapped; no option names the <object>.
        graphviz.html_visit_graphviz(self, node)
    finally:
        alt = node.get("alt")
        if alt and self.builder.config.graphviz_output_format == "svg":
            _patch(self.body, start, '<object data="',
                   f'<object role="img" aria-label="{html.escape(alt, quote=True)}" tabindex="-1" data="')


def visit_literal_block(self, node: nodes.literal_block) -> None:
    start = len(self.body)
    try:
        type(self).visit_literal_block(self, node)
    finally:
        _patch(self.body, start, '<div class="highlight"><pre>', '<div class="highlight"><pre tabindex="0">')


def depart_literal_block(self, node: nodes.literal_block) -> None:
    type(self).depart_literal_block(self, node)  # parsed literals only: the rest are skipped


def setup(app: Sphinx) -> dict:
    app.setup_extension("sphinx.ext.graphviz")
    app.add_node(graphviz.graphviz, override=True, html=(visit_graphviz, None))
    app.add_node(nodes.literal_block, override=True, html=(visit_literal_block, depart_literal_block))
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
