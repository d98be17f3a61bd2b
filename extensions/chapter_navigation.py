"""Keep the chapter's navigation current when only a title changed.

Every page shows the chapter's navigation: the sidebar lists every page (the
current page with its sections), and the bottom of the page links to the
previous and next pages by their titles (also as ``<link rel="prev/next">``).
All of these are titles of *other* pages, in the edition's language.

Sphinx rewrites a page when the page itself changed. When a title changes,
for instance only in a page's ``.po`` catalog, Sphinx reads and rewrites that
page, but its neighbours and every other page keep the old title in their
sidebar and prev/next links. This extension keeps a snapshot of every page's
title and section titles in Sphinx's environment and, when it differs from
the last build's, has every page written again (``env-get-updated``).
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def navigation_titles(env: BuildEnvironment) -> dict[str, str]:
    """Each page's table of contents as text: its title and section titles
    (and the section numbers the toctree gives them)."""
    return {
        docname: "\n".join([env.titles[docname].astext(), env.tocs[docname].astext(), repr(env.toc_secnumbers.get(docname))])
        for docname in sorted(env.found_docs)
        if docname in env.titles and docname in env.tocs
    }


def pages_showing_changed_titles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    titles, last = navigation_titles(env), getattr(env, "chapter_navigation_titles", None)
    env.chapter_navigation_titles = titles
    return sorted(env.found_docs) if last is not None and last != titles else []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-updated", pages_showing_changed_titles)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
