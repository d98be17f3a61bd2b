"""An incremental build writes the search index a clean build writes.

When a page is written again, Sphinx takes it out of its search index and
feeds it anew; a word the page no longer contains (and no other page does)
keeps its entry, with an empty list of pages. The index still finds the same
pages, but it is not the clean build's: a translator's incremental build and
the published one would differ byte for byte (``"与子":[]``, from a glossary
term jieba now keeps whole).

This extension has the index drop such entries each time Sphinx prunes it,
the last time just before it is written. It relies on Sphinx's (8.2 and 9.2)
``IndexBuilder`` keeping its word -> pages maps in ``_mapping`` and
``_title_mapping`` (no public API removes an entry), and replaces the
instance's ``prune`` (fenced: ``extensions/internals.py``).

Search results name each page with its section number ("9. Choosing a
mechanism..."): Sphinx 8.2 feeds the index the title as HTML, number
included; Sphinx 9 feeds the plain title without it (and the search page
escapes titles). On Sphinx 9 the number is put back, as text, before the
builder's ``index_page`` feeds the page (the method every page's title goes
through; no event sees it), from ``env.toc_secnumbers``.
"""

from __future__ import annotations

import sphinx
from sphinx.application import Sphinx


def drop_empty_entries(indexer) -> None:
    for mapping in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, pages in mapping.items() if not pages]:
            del mapping[word]


def prune_completely(app: Sphinx) -> list:
    """html-collect-pages: the index exists and every page has been fed."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is not None and not hasattr(indexer, "prune_keeping_empty_entries"):
        indexer.prune_keeping_empty_entries = indexer.prune

        def prune(docnames) -> None:
            indexer.prune_keeping_empty_entries(docnames)
            drop_empty_entries(indexer)

        indexer.prune = prune
    return []


def numbered_titles(app: Sphinx) -> None:
    """builder-inited, Sphinx 9: the page titles fed to the search index
    carry the page's section number, as on Sphinx 8.2."""
    builder = app.builder
    if sphinx.version_info < (9,) or not hasattr(builder, "index_page"):
        return
    index_page = builder.index_page

    def index_numbered_page(pagename: str, doctree, title: str) -> None:
        number = app.env.toc_secnumbers.get(pagename, {}).get("")
        if title and number:
            title = ".".join(map(str, number)) + ". " + title
        index_page(pagename, doctree, title)

    builder.index_page = index_numbered_page


def setup(app: Sphinx) -> dict:
    app.connect("html-collect-pages", prune_completely)
    app.connect("builder-inited", numbered_titles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
