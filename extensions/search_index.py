"""An incremental build writes the search index a clean build writes.

When a page is written again, Sphinx takes it out of its search index and
feeds it anew; a word the page no longer contains (and no other page does)
keeps its entry, with an empty list of pages. The index still finds the same
pages, but it is not the clean build's: a translator's incremental build and
the published one would differ byte for byte (``"与子":[]``, from a glossary
term jieba now keeps whole).

This extension has the index drop such entries each time Sphinx prunes it,
the last time just before it is written. It relies on the pinned Sphinx's
``IndexBuilder`` keeping its word -> pages maps in ``_mapping`` and
``_title_mapping``.
"""

from __future__ import annotations

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


def setup(app: Sphinx) -> dict:
    app.connect("html-collect-pages", prune_completely)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
