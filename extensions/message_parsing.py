"""Parse translated messages without building a new parser for each.

Sphinx parses every translated message on its own (``publish_msgstr`` in its
Locale transform), as a small document, with the page's parser: for our
Markdown pages, MyST's. For every one of these parses MyST builds a new
markdown-it parser with all its plugins, and a complete set of docutils
default settings for a document it then throws away (it is given Sphinx's).
That is about 5 ms a message, and a translated edition has a thousand
messages: most of what a translated edition costs over the English one.

This extension

* registers a subclass of MyST's Sphinx parser that keeps the markdown-it
  parser built for the build's MyST configuration and uses it again
  (a page with front matter, which has a configuration of its own, is parsed
  as MyST does it);
* makes MyST's ``make_document`` build the default settings once and hand
  each new document a shallow copy. MyST calls it for every parse, even
  when Sphinx gives the document to parse into (it is the default argument
  of a ``dict.get``), and drops the result; where MyST keeps the document
  (reStructuredText inside Markdown), it replaces its settings with the
  page's. So the copy is never used, and need not be deep.

It also parses each message once where Sphinx parsed it twice. The Locale
transform goes over the page's messages twice: the first pass parses every
translation to find the section titles it renames, and drops the result for
everything else; the second parses the same text again to apply it. Here the
second pass gets the first pass's result for the same text at the same place
in the same page, if it is still as parsed (the first pass only reads it;
a result whose nodes were moved into a page is never handed out again, and
none is kept past its page).

The first pass parses even the messages of code blocks (their comments:
a third of a Chinese page's messages), in the literal block form Locale
gives them (``::`` and the text indented), and uses the result only if it is
a paragraph, which then changes nothing (a code block is no section title).
The second pass applies a code comment without parsing it (the node applies
its messages itself). So the first request for a message in that form gets
a node that is not a paragraph, and nothing is parsed; a second request for
it (a code block whose messages Sphinx applies itself: none here) is parsed
as before. (A blank message is never asked for by the first pass: it is
always parsed.)

Listing a page's messages (Sphinx's ``extract_messages``: three times a
page, by Locale's two passes and once for the transforms before it,
``page_catalog.messages_before_locale``) asks of each node whether it is
translatable, and for each node it skips (every code block and output
block), Sphinx writes a debug log line with an XML rendering of the node: the
rendering is made even when debug lines are not shown. Here it is made only
when the line is shown (``sphinx.util.nodes.repr_domxml`` returns an object
that renders when logging formats it); the log line reads the same.

It also hands the nodes a translation brought into a page over to the page's
document. Each message is parsed into a throwaway document that shares the
page's settings, build environment included; its nodes, once moved into the
page, still point at that document (docutils sets the new parent's document
on the moved node only, not on its descendants), so pickling the page's
doctree pickled the whole build environment with it: 2.2 MB per Chinese
page instead of 80 kB, written after reading and read again for every page
written.

A message that is parsed is parsed as before: the same parser class,
configuration and settings; only their construction is shared. The tests that compare the
Chinese pages with their catalogs, and the byte-identical build tests, hold
with it.

Speed only, and built on internals (fenced: ``extensions/internals.py`` lists
each, ``tests/translator/test_internals.py`` fails naming the one that moved):

* ``sphinx.transforms.i18n.publish_msgstr`` (Sphinx 8.2; no public hook sees
  a message being parsed): replaced by ``publish_msgstr_once``. Sphinx 9 made
  it private (``_publish_msgstr``, keyword-only ``env`` and ``registry``):
  on Sphinx 9 this part steps aside and each message is parsed twice, as
  Sphinx does (the build is the same, only slower);
* ``myst_parser.mdit_to_docutils.base.make_document`` (MyST's module
  function, called for every parse; no option keeps its settings):
  replaced by ``make_document``;
* ``myst_parser.parsers.sphinx_.MystParser.parse`` internals
  (``create_md_parser``, the renderer's ``options["document"]``): the
  reusing parser, registered with Sphinx's public ``add_source_parser``;
* ``sphinx.util.nodes.repr_domxml`` (a module function read at each call):
  replaced by one that renders when the debug line is formatted;
* docutils' ``Node._document`` (no public setter that does not walk the
  tree; ``Node.document``'s setter sets it, on one node): set on every node.
"""

from __future__ import annotations

import copy

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.config.main import TopmatterReadError, read_topmatter
from myst_parser.mdit_to_docutils import base
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser
from myst_parser.parsers.sphinx_ import MystParser
from sphinx.application import Sphinx
from sphinx.transforms import i18n
from sphinx.util import nodes as sphinx_nodes

_default_settings: dict[type, object] = {}


def make_document(source_path: str = "notset", parser_cls: type = RSTParser) -> nodes.document:
    """MyST's ``make_document``, with the default settings built once per parser class."""
    if parser_cls not in _default_settings:
        _default_settings[parser_cls] = get_default_settings(parser_cls)
    return new_document(source_path, settings=copy.copy(_default_settings[parser_cls]))


class ReusingMystParser(MystParser):
    """MyST's parser, keeping its markdown-it parser between documents."""

    _built_for = None  # (MyST configuration, markdown-it parser)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        config = document.settings.env.myst_config
        try:
            front_matter = read_topmatter(inputstring)
        except TopmatterReadError:  # MyST's own parse reports it
            front_matter = True
        if front_matter:
            super().parse(inputstring, document)
            return
        built = ReusingMystParser._built_for
        if built is None or built[0] is not config:
            built = ReusingMystParser._built_for = (config, create_md_parser(config, SphinxRenderer))
        markdown = built[1]
        if "document" in markdown.options:  # a parse within a parse: this parser is busy
            super().parse(inputstring, document)
            return
        markdown.options["document"] = document
        try:
            markdown.render(inputstring)
        finally:
            markdown.options.pop("document", None)  # keep no reference to a finished document


class _DomXml:
    """Sphinx's ``repr_domxml(node, length)``, made when it is formatted."""

    __slots__ = ("node", "length")

    def __init__(self, node: nodes.Node, length: int = 80):
        self.node, self.length = node, length

    def __str__(self) -> str:
        return _stock_repr_domxml(self.node, self.length)

    __repr__ = __str__


_stock_repr_domxml = getattr(sphinx_nodes.repr_domxml, "stock", sphinx_nodes.repr_domxml)


def repr_domxml_when_shown(node: nodes.Node, length: int = 80) -> _DomXml:
    return _DomXml(node, length)


repr_domxml_when_shown.stock = _stock_repr_domxml

# Sphinx 8.2's module function; Sphinx 9 has only a private one of another
# signature, and this speed-up steps aside there (see above).
_stock_publish_msgstr = getattr(i18n, "publish_msgstr", None)
# How Locale hands over the message of a code block (a literal block under "::").
LITERAL_FORM = "::\n\n"
# What its first pass gets for one: not a paragraph, so that pass passes over it.
_NOT_PARSED = nodes.literal_block()
# The page being translated, and its messages parsed but not used yet.
_parsed_page: tuple[object, str] | None = None
_parsed: dict[tuple[int, str], nodes.Element] = {}


def publish_msgstr_once(app, source: str, source_path: str, source_line: int, config, settings) -> nodes.Element:
    """Sphinx's ``publish_msgstr``; a second request for the same message
    of the same page gets the first one's result (see above)."""
    global _parsed_page
    if _parsed_page is None or _parsed_page[0] is not settings or _parsed_page[1] != source_path:
        _parsed_page = (settings, source_path)
        _parsed.clear()
    key = (source_line, source)
    patch = _parsed.pop(key, None)
    if patch is None and source.startswith(LITERAL_FORM) and source[len(LITERAL_FORM):].strip():
        # The first pass over a code block's message (see above): not parsed.
        _parsed[key] = _NOT_PARSED
        return _NOT_PARSED
    if patch is not None and patch is not _NOT_PARSED and all(child.parent is patch for child in patch.children):
        return patch
    patch = _stock_publish_msgstr(app, source, source_path, source_line, config, settings)
    _parsed[key] = patch
    return patch


def forget_parsed_messages(app: Sphinx, doctree: nodes.document) -> None:
    global _parsed_page
    _parsed_page = None
    _parsed.clear()


def adopt_translated_nodes(app: Sphinx, doctree: nodes.document) -> None:
    """Every node of the page belongs to the page's document (see above)."""
    for node in doctree.findall():
        if node._document is not None and node._document is not doctree:
            node._document = doctree


def setup(app: Sphinx) -> dict:
    app.setup_extension("myst_parser")
    if _stock_publish_msgstr is not None:
        i18n.publish_msgstr = publish_msgstr_once
    sphinx_nodes.repr_domxml = repr_domxml_when_shown  # used only in debug log lines
    app.connect("doctree-read", forget_parsed_messages)
    app.connect("doctree-read", adopt_translated_nodes, priority=100)
    base.make_document = make_document
    app.add_source_parser(ReusingMystParser, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
