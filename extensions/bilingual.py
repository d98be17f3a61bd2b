"""Bilingual reading: the original under each translated paragraph (双语对照).

In a translated edition's HTML, every paragraph, heading, list item, table
cell, definition term, figure caption and admonition that was translated is
followed by its original (source-language) text, in a ``bilingual_original``
node rendered as ``<p class="bilingual-original" lang="en">`` (a ``<span>``
inside captions and terms). The theme hides these until the reader turns on
the header's bilingual switch (``ipcbook.js``), so without JavaScript a page
reads as before.

How:

* ``KeepOriginals`` (transform, priority 18, just before Sphinx's Locale
  transform at 20) keeps the children of each such node in the node itself
  (``node["bilingual_original"]``, a list: Locale gives a translated node a
  new list of children and leaves the old nodes as they are, so they need no
  copy), and the original titles of the page's
  sections and captioned figures, recorded by id once the labels are
  applied (``doctree-read``), for references (below).
* ``InsertOriginals`` (post-transform, at write time, before references are
  resolved) puts them, in a node of their own, after the translated node, for the HTML builders
  only, and only where the translation differs from the original. Every
  other builder (LaTeX/PDF, EPUB, text) just drops the copies.

What the originals never do: carry ids or link targets (no duplicate ids),
footnote references or index entries (nothing is numbered twice; figures and
code are never copied), enter the search index (class ``no-search``), the
page title, the table of contents, the sidebar or prev/next (the titles stay
translated: a heading's original goes after the heading, not inside it).
Code blocks are never doubled. A ``{ref}``/``{doc}`` without an explicit
title shows the target's original title inside the original text, not the
translated one.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join
from sphinx.util.nodes import clean_astext

from book import language_tag, source_language
from page_catalog import is_translated_edition, messages_before_locale

ATTRIBUTE = "bilingual_original"
TITLE_ATTRIBUTE = "bilingual_title"
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")
# Nodes whose original is shown after them (block) or at their end (inline:
# inside a caption or a definition term, where a <p> may not go).
BLOCK_NODES = (nodes.paragraph, nodes.title, nodes.rubric)
INLINE_NODES = (nodes.caption, nodes.term)
# Inside a copy: things that would be numbered, targeted or indexed twice.
DROPPED_IN_COPIES = (
    nodes.target, nodes.footnote_reference, nodes.citation_reference,
    addnodes.index, nodes.system_message, nodes.substitution_definition,
)


class bilingual_original(nodes.Invisible, nodes.TextElement):
    """The original text of the translated node before it.

    ``Invisible`` for docutils' layout decisions: a list whose items are one
    paragraph each stays a compact list, as without the originals.
    """


def is_copied(node: nodes.Element) -> bool:
    if isinstance(node, nodes.caption):  # captions of figures, not of code
        return isinstance(node.parent, nodes.figure)
    if isinstance(node, nodes.title):  # headings, admonition and table titles
        return not isinstance(node.parent, nodes.document)
    return isinstance(node, BLOCK_NODES + INLINE_NODES)


def titled(node: nodes.Element) -> nodes.Element | None:
    """The title or caption of a section or captioned figure, table or code."""
    if isinstance(node, nodes.section) and isinstance(node[0], nodes.title):
        return node[0]
    if isinstance(node, (nodes.figure, nodes.table, nodes.container)):
        return next(iter(node.findall(nodes.caption)), None)
    return None


def record_original_titles(app: Sphinx, doctree: nodes.document) -> None:
    """id -> original title of the page's sections and captioned figures
    ("" -> the page's title), once labels have given them their ids."""
    titles: dict[str, str] = {}
    for node in doctree.findall(nodes.Element):
        title = node.attributes.pop(TITLE_ATTRIBUTE, None)
        if title is None:
            continue
        if isinstance(node, nodes.section):
            titles.setdefault("", title)
        for node_id in node["ids"]:
            titles[node_id] = title
    if titles:
        app.env.bilingual_titles[app.env.docname] = titles


class KeepOriginals(SphinxTransform):
    default_priority = 18  # after the translatable nodes are made, before Locale (20)

    def apply(self, **kwargs) -> None:
        if not is_translated_edition(self):
            return
        for node in self.document.findall(nodes.Element):
            title = titled(node)
            if title is not None:
                node[TITLE_ATTRIBUTE] = clean_astext(title)
        for node, _message in messages_before_locale(self):
            if is_copied(node) and ATTRIBUTE not in node:
                node[ATTRIBUTE] = list(node.children)


def english_reference_text(env: BuildEnvironment, xref: addnodes.pending_xref) -> str | None:
    """The original title a ``{ref}``/``{doc}`` without explicit title shows."""
    if xref.get("refexplicit") or xref.get("refdomain") != "std":
        return None
    titles = env.bilingual_titles
    if xref["reftype"] == "doc":
        docname = docname_join(xref.get("refdoc", env.docname), xref["reftarget"])
        return titles.get(docname, {}).get("")
    if xref["reftype"] == "ref":
        docname, label_id, _title = env.domains.standard_domain.labels.get(xref["reftarget"], ("", "", ""))
        return titles.get(docname, {}).get(label_id)
    return None


def make_original(env: BuildEnvironment, children: list[nodes.Node], inline: bool, tag: str) -> bilingual_original:
    original = bilingual_original("", classes=["bilingual-original", "no-search", f"language-{tag}"], inline=inline)
    for child in children:  # out of the page since Locale replaced them: moved, not copied
        original += child
    for node in list(original.findall(lambda n: isinstance(n, DROPPED_IN_COPIES))):
        node.parent.remove(node)
    for node in original.findall(nodes.Element, include_self=False):
        node["ids"], node["names"] = [], []
        if isinstance(node, nodes.TextElement):
            node["translatable"] = False
    for xref in list(original.findall(addnodes.pending_xref)):
        text = english_reference_text(env, xref)
        if text:
            inner = xref[0].deepcopy() if len(xref) and isinstance(xref[0], nodes.Element) else nodes.inline()
            inner.children = []
            inner += nodes.Text(text)
            xref.children = []
            xref += inner
            xref["refexplicit"] = True
    return original


class InsertOriginals(SphinxPostTransform):
    """HTML builders: each kept original goes in after its translated node.
    (Which builder runs is told by the public ``builders`` filter; a
    transform's ``app`` is deprecated since Sphinx 9.)"""

    builders = HTML_BUILDERS
    default_priority = 5  # before references are resolved (10)

    def run(self, **kwargs) -> None:
        tag = language_tag(source_language())
        for node in list(self.document.findall(nodes.Element)):
            children = node.attributes.pop(ATTRIBUTE, None)
            if children is None:
                continue
            if node.get("translated") is not True:
                continue  # untranslated (shown in the original already)
            if node.astext() == node.child_text_separator.join(child.astext() for child in children):
                continue  # translated to the same text
            if isinstance(node, INLINE_NODES):
                node += make_original(self.env, children, inline=True, tag=tag)
            else:
                original = make_original(self.env, children, inline=False, tag=tag)
                node.parent.insert(node.parent.index(node) + 1, original)


class DropOriginals(SphinxPostTransform):
    """Every builder: the originals InsertOriginals did not take (other
    builders', or untranslated nodes' ones) leave the doctree."""

    default_priority = 6

    def run(self, **kwargs) -> None:
        for node in self.document.findall(nodes.Element):
            node.attributes.pop(ATTRIBUTE, None)


def visit_original_html(self, node: bilingual_original) -> None:
    self.body.append(self.starttag(node, "span" if node["inline"] else "p", ""))


def depart_original_html(self, node: bilingual_original) -> None:
    self.body.append("</span>" if node["inline"] else "</p>\n")


def init_env(app: Sphinx) -> None:
    if not hasattr(app.env, "bilingual_titles"):
        app.env.bilingual_titles = {}


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    env.bilingual_titles.pop(docname, None)


def merge(app: Sphinx, env: BuildEnvironment, docnames: set[str], other: BuildEnvironment) -> None:
    for docname in docnames:
        if docname in other.bilingual_titles:
            env.bilingual_titles[docname] = other.bilingual_titles[docname]


def setup(app: Sphinx) -> dict:
    app.add_node(
        bilingual_original,
        html=(visit_original_html, depart_original_html),
    )  # only the HTML builders get the node (InsertOriginals): no other writer sees it
    app.add_transform(KeepOriginals)
    app.add_post_transform(InsertOriginals)
    app.add_post_transform(DropOriginals)
    app.connect("builder-inited", init_env)
    app.connect("doctree-read", record_original_titles)
    app.connect("env-purge-doc", purge)
    app.connect("env-merge-info", merge)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
