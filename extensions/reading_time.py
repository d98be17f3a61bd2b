"""Word count and reading time of each page, counted after translation.

Counted when the page is written, on the page as readers get it: translated
(MyST's own word count runs before Sphinx's Locale transform, and finds 0
words in a Chinese page), with cross-references resolved to their titles. What is counted is the prose a
reader reads: paragraphs, headings, lists, tables, admonitions, captions and
folded solutions. Code is not: code blocks and their outputs, and the code
comments inside them, are left out, and so is the table of contents (the
opening page's list of pages); inline code in a sentence counts as a word.

* A Han, kana or hangul character counts as one (Chinese 字);
* a run of Latin letters or digits (``multiprocessing``, ``3.13``,
  ``don't``) counts as one word.

Reading speed per language, in units a minute (``READING_SPEED``): 200 English
words (technical prose, slower than the 238 of Brysbaert's 2019 meta-analysis
for non-fiction) and 200 Chinese characters (the seed site's own pace: about
3463 字 in about 17 分钟). The theme shows the count and the minutes, rounded
up, in the edition's language, with the unit of its ``READING_UNIT``
(``words`` or ``characters``).
"""

from __future__ import annotations

import math
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

READING_SPEED = {"en": 200, "zh_CN": 200}  # units a minute
READING_UNIT = {"en": "words", "zh_CN": "characters"}  # what the theme names the count
DEFAULT_SPEED, DEFAULT_UNIT = 200, "words"

# One unit: a CJK character, or a run of letters and digits (with inner ' . -).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
UNIT = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['’.\-][^\W{_CJK}]+)*")
# Nodes whose text is not read as prose: code, the table of contents (a list
# of the other pages), and invisible nodes (such as the bilingual view's
# hidden originals). Graphviz and chart nodes hold no text.
SKIPPED = (nodes.literal_block, nodes.raw, nodes.comment, nodes.system_message, nodes.Invisible, addnodes.toctree)


def count_units(text: str) -> int:
    return len(UNIT.findall(text))


def prose(node: nodes.Node) -> list[str]:
    texts = []
    for child in node.children:
        if isinstance(child, SKIPPED) or (isinstance(child, nodes.Element) and "toctree-wrapper" in child["classes"]):
            continue
        if isinstance(child, nodes.Text):
            texts.append(child.astext())
        else:
            texts.extend(prose(child))
    return texts


def add_to_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Counted on the page as written: translated, with cross-references
    resolved to their titles."""
    if doctree is None:  # the search page and other generated pages
        return
    language = app.config.language
    units = count_units(" ".join(prose(doctree)))
    speed = READING_SPEED.get(language, DEFAULT_SPEED)
    context["reading_units"] = units
    context["reading_unit"] = READING_UNIT.get(language, DEFAULT_UNIT)
    context["reading_minutes"] = max(1, math.ceil(units / speed))
    # Thousands grouped where words are counted (3,463 words), not in 字 (3463 字).
    context["reading_count"] = f"{units:,}" if context["reading_unit"] == "words" else str(units)


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", add_to_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
