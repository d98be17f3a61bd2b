"""Rewrite exactly the pages that show a changed title, and no others.

A page shows titles that belong to *other* pages:

* the sidebar: every page's title and section number (the current page is
  opened to its sections; ``theme/ipcbook/chapter-toc.html``);
* the previous and next pages' titles (``page-turn.html`` and
  ``<link rel="prev/next">``), which the sidebar's titles include;
* a page with a toctree (the opening page) shows its children's section
  titles (``:maxdepth: 2``);
* a ``{ref}`` or ``{doc}`` written without a title shows its target's title.

Sphinx rewrites a page when the page itself changed, plus, always, every
page whose toctree includes it. So a title changed (for instance only in a
``.po`` catalog) goes stale on the pages that show it, while a changed
paragraph rewrites the opening page for nothing.

This extension keeps, in Sphinx's environment, each page's *view of the
others*: the text of every title it shows from elsewhere. After reading, the
pages whose view changed are written again (``env-get-updated``), and
Sphinx's blanket toctree-parent rule is set aside for the write: the views
already cover what a toctree shows. An edited paragraph rewrites its page;
an edited section title its page, the opening page and the pages that refer
to it; a page title every page.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join

SHOWN_REFERENCES = {"ref", "doc", "numref"}  # roles that show the target's title when given none


def note_references(app: Sphinx, doctree: nodes.document) -> None:
    """Remember the targets of the page's references that show their title."""
    env = app.env
    targets = set()
    for node in doctree.findall(addnodes.pending_xref):
        if node.get("refdomain") == "std" and node.get("reftype") in SHOWN_REFERENCES and not node.get("refexplicit"):
            target = node["reftarget"]
            targets.add(("doc", docname_join(env.docname, target)) if node["reftype"] == "doc"
                        else ("label", target.lower()))
    if not hasattr(env, "chapter_navigation_references"):
        env.chapter_navigation_references = {}
    env.chapter_navigation_references[env.docname] = sorted(targets)


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    getattr(env, "chapter_navigation_references", {}).pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    """Parallel reading: take the references of the pages another process read."""
    if not hasattr(env, "chapter_navigation_references"):
        env.chapter_navigation_references = {}
    theirs = getattr(other, "chapter_navigation_references", {})
    env.chapter_navigation_references.update({doc: theirs[doc] for doc in docnames if doc in theirs})


def page_title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return (title.astext() if title else "") + repr(env.toc_secnumbers.get(docname, {}).get(""))


def views(env: BuildEnvironment) -> dict[str, str]:
    """Each page's view of the others, as text."""
    docs = sorted(env.found_docs)
    # Titles and numbers of every page, and the toctrees' order (prev/next).
    sidebar = "\n".join([repr(sorted(env.toctree_includes.items())),
                         *(f"{doc}\t{page_title(env, doc)}" for doc in docs)])
    labels = env.domains.standard_domain.labels  # name -> (docname, anchor, section title)
    shown = {}
    for doc in docs:
        children = [f"{child}\t{env.tocs[child].astext() if child in env.tocs else ''}"
                    f"\t{env.toc_secnumbers.get(child)!r}" for child in env.toctree_includes.get(doc, ())]
        references = []
        for kind, target in getattr(env, "chapter_navigation_references", {}).get(doc, ()):
            if kind == "doc":
                references.append(f"{target}\t{page_title(env, target)}")
            else:
                references.append(f"{target}\t{labels.get(target, ('', '', ''))[2]}")
        shown[doc] = "\n".join([sidebar, *children, *references])
    return shown


def pages_showing_changed_titles(app: Sphinx, env: BuildEnvironment) -> list[str]:
    now, last = views(env), getattr(env, "chapter_navigation_views", None)
    env.chapter_navigation_views = now
    if last is None:
        return []  # a first build writes every page anyway
    return sorted(doc for doc, view in now.items() if last.get(doc) != view)


def set_aside_toctree_parents(app: Sphinx, builder: Builder) -> None:
    """Sphinx writes every toctree parent of every page it writes; the views
    above already name the parents that show a change. Put back once written
    (the environment was saved before writing began)."""
    env = app.env
    # Internal (extensions/internals.py): Sphinx's env.files_to_rebuild, which Builder.write reads;
    # no option stops it from writing every toctree parent.
    env.chapter_navigation_files_to_rebuild, env.files_to_rebuild = env.files_to_rebuild, {}


def put_back_toctree_parents(app: Sphinx, exception: Exception | None) -> None:
    env = app.env
    if env is not None and hasattr(env, "chapter_navigation_files_to_rebuild"):
        env.files_to_rebuild = env.chapter_navigation_files_to_rebuild
        del env.chapter_navigation_files_to_rebuild


def setup(app: Sphinx) -> dict:
    app.connect("doctree-read", note_references)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    app.connect("env-get-updated", pages_showing_changed_titles)
    app.connect("write-started", set_aside_toctree_parents)
    app.connect("build-finished", put_back_toctree_parents)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True}
