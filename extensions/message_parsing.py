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
  each new document a copy.

What is parsed, and how, is unchanged: the same parser class, configuration
and settings; only their construction is shared. The tests that compare the
Chinese pages with their catalogs, and the byte-identical build tests, hold
with it.
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

_default_settings: dict[type, object] = {}


def make_document(source_path: str = "notset", parser_cls: type = RSTParser) -> nodes.document:
    """MyST's ``make_document``, with the default settings built once per parser class."""
    if parser_cls not in _default_settings:
        _default_settings[parser_cls] = get_default_settings(parser_cls)
    return new_document(source_path, settings=copy.deepcopy(_default_settings[parser_cls]))


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


def setup(app: Sphinx) -> dict:
    app.setup_extension("myst_parser")
    base.make_document = make_document
    app.add_source_parser(ReusingMystParser, override=True)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
