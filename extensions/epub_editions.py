"""Per-edition EPUB 3 settings: an EPUB that passes epubcheck, reads in the
edition's language, and is the same bytes on every build of a commit.

Sphinx's ``epub`` builder, as it is, fails epubcheck and leaves English in a
Chinese book. This module replaces it with a subclass (same name, ``epub``)
and sets its configuration from ``languages.toml``:

- Language: ``zh-CN`` (BCP 47), not ``zh_CN``, in the package metadata, the
  navigation document and the ``lang``/``xml:lang`` of every content document.
- Chrome in the edition's language: the navigation title (Sphinx's
  "Table of Contents" as translated by its catalogs) and the "Footnotes"
  heading Sphinx adds for link URLs.
- External links: their URLs as footnotes at the end of the page (the first
  link of the page to each URL is marked), never inline.
- Diagrams and the chart: ``<img>`` of an SVG (readers that block
  ``<object>`` still show it), with Graphviz's and matplotlib's DOCTYPE (an
  external DTD, which epubcheck rejects), comments and DOT identifiers
  (``<title>``) removed before the EPUB is zipped.
- Exercise solutions: a ``<details>`` fold is not dependable in e-readers, so
  each solution moves, as in the PDF, to a "Solutions" page at the end of the
  book (last in the reading order and the navigation), under the title of
  its page, which links back; a link stays in its place.
- Metadata: title and author of the edition, a stable identifier (a UUID
  derived from the book's name and the language), ``SOURCE_DATE_EPOCH`` for
  the dates (Sphinx), a version (Sphinx leaves an empty ``ibooks:version``,
  an epubcheck error, for an unversioned book).
- Reproducible zip: entries in a fixed order (mimetype first, stored), each
  with the date of ``SOURCE_DATE_EPOCH`` (not the file's mtime) and fixed
  permissions.

Sphinx looks up a node's writer functions under the builder's name before
its format: once anything is registered under ``epub`` (here the Graphviz
node's ``<img>`` writer), the EPUB builder would find no ``html`` writer
function at all; every node's html ones are copied beside it, so the
book's extensions register theirs for ``html`` only.
"""

from __future__ import annotations

import os
import time
import uuid
import zipfile
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.config import Config
from sphinx.ext.graphviz import GraphvizError, graphviz, render_dot
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import new_document
from sphinx.util.osutil import relative_uri

from book import language_tag, load_editions
from diagram_labels import strip_svg_noise
from exercises import take_solutions

logger = logging.getLogger(__name__)

SOLUTIONS_PAGE = "solutions"
# The project's additions to the epub theme's stylesheet: a footnote mark in
# superscript, its brackets once (the theme adds a second pair); long URLs
# and code lines wrap on a narrow screen instead of running off it.
BOOK_CSS_NAME = "book-epub.css"
BOOK_CSS = """\
a.footnote-reference.brackets:before, a.footnote-reference.brackets:after { content: none; }
a.footnote-reference { vertical-align: super; font-size: smaller; text-decoration: none; }
aside.footnote p { overflow-wrap: anywhere; word-break: break-all; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
"""
# Chinese typography, as the HTML theme has it (theme/ipcbook/static/
# ipcbook.css, "Chinese typography"): a reading system would slant Chinese
# emphasis (a synthetic oblique; a CJK font has no italic). Upright, with
# emphasis dots (着重号) instead; plain selectors, as EPUB readers' CSS is
# older than :is(). tests/reader/test_chinese_typography.py
BOOK_CSS += """\
:lang(zh) em, :lang(zh) i, :lang(zh) cite, :lang(zh) dfn, :lang(zh) var, :lang(zh) span.caption-number,
:lang(zh) .versionmodified, :lang(zh) .classifier, :lang(zh) div.highlight span { font-style: normal; }
:lang(zh) em { -epub-text-emphasis-style: filled dot; text-emphasis-style: filled dot;
  -epub-text-emphasis-position: under; text-emphasis-position: under right; }
"""
# Zip stores local times from 1980 on.
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def apply_epub_edition(app: Sphinx, config: Config) -> None:
    edition = load_editions()[config.language]
    config.epub_basename = f"python-ipc-{config.language}"
    # The HTML header links the edition's EPUB beside its PDF.
    config.html_context = {**config.html_context, "epub_filename": f"{config.epub_basename}.epub"}
    config.epub_title = edition["project"]
    config.epub_author = config.epub_publisher = edition["author"]
    config.epub_language = language_tag(config.language)
    config.epub_description = edition["project"]
    config.epub_contributor = edition["author"]
    config.epub_copyright = config.copyright
    # One identifier for every build of this edition. The package refers to
    # it by the XML id epub_uid; the NCX repeats its value (toc_metadata).
    config.epub_identifier = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"python-ipc/{config.language}"))
    config.epub_scheme = "uuid"
    config.epub_uid = "book-id"
    config.epub_show_urls = "no"  # our own footnotes (see add_visible_links)
    config.epub_tocdepth = 2
    # The HTML theme's and the copy button's files, which nothing in the EPUB uses.
    config.epub_exclude_files = ["_static/favicon.svg", "_static/copy-button.svg", "_static/check-solid.svg",
                                 "_static/minus.png",
                                 "_static/plus.png"]
    config.epub_tocscope = "default"
    config.epub_css_files = [*config.epub_css_files, (BOOK_CSS_NAME, {})]


def version_for_epub(app: Sphinx) -> None:
    """An unversioned book: the EPUB's version is its date (SOURCE_DATE_EPOCH)."""
    if app.builder.name == "epub" and not app.config.version:
        app.config.version = time.strftime("%Y.%m.%d", time.gmtime(source_date()))


def source_date() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)


def html_writers_for_epub(app: Sphinx) -> None:
    if app.builder.name != "epub":
        return
    # Internal (extensions/internals.py): the registry's visitor table; add_node registers
    # visitors for named builders only, and the other extensions name html, not epub.
    handlers = app.registry.translation_handlers
    epub = handlers.setdefault("epub", {})
    for name, pair in handlers.get("html", {}).items():
        epub.setdefault(name, pair)
    epub["graphviz"] = (visit_graphviz_epub, None)


def visit_graphviz_epub(self, node: graphviz) -> None:
    try:
        fname, outfn = render_dot(self, node["code"], node["options"], "svg", "graphviz", node.get("filename"))
    except GraphvizError as error:
        logger.warning("dot code %r: %s", node["code"], error, location=node)
        raise nodes.SkipNode from error
    classes = " ".join(["graphviz", *node.get("classes", [])])
    alt = self.attval(node.get("alt", node["code"]).strip())
    self.body.append(f'<div class="graphviz"><img src="{fname.as_posix()}" alt="{alt}" class="{classes}" /></div>\n')
    raise nodes.SkipNode


class GatherSolutions(SphinxPostTransform):
    """Move each solution to the solutions page; a link stays in its place."""

    builders = ("epub",)
    default_priority = 890

    def run(self, **kwargs) -> None:
        docname = self.env.docname
        gathered = _solutions.setdefault(docname, [])
        gathered.clear()
        for anchor, node in take_solutions(self.document, lambda number: f"solution-{docname}-{number}",
                                           lambda anchor: {"refuri": f"{SOLUTIONS_PAGE}.xhtml#{anchor}"},
                                           link_ids=True):
            moved = node.deepcopy()
            # Ids are unique per page; on the solutions page they meet other pages' ids.
            for element in moved.findall(nodes.Element):
                element["ids"] = [f"{anchor}-{id_}" for id_ in element.get("ids", [])]
                if element.get("refid"):
                    element["refid"] = f"{anchor}-{element['refid']}"
            gathered.append((anchor, moved.children))


# The solutions gathered for the EPUB being built (the builder's, which a
# transform cannot reach without ``app``, deprecated since Sphinx 9): docname
# -> [(anchor, nodes)]. One EPUB build a process.
_solutions: dict[str, list[tuple[str, list[nodes.Node]]]] = {}


class BookEpubBuilder(Epub3Builder):
    """Sphinx's EPUB 3 builder, in the edition's language, valid, reproducible."""

    def init(self) -> None:
        super().init()
        _solutions.clear()
        self.solutions = _solutions
        self.guide_titles = {**self.guide_titles, "toc": _("Table of Contents")}
        tag = self.config.epub_language
        self.html_tag = (
            '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{tag}" xml:lang="{tag}">'
        )

    # -- External links: URL footnotes ------------------------------------------

    # Internal (extensions/internals.py): EpubBuilder methods overridden here (add_visible_links,
    # toc_add_files, guide_titles) and HTML write_doc's steps (write_standalone_page):
    # Sphinx has no event or option for URL footnotes, extra pages or a translated nav title.
    def add_visible_links(self, tree: nodes.document, show_urls: str = "inline") -> None:
        """The first link of a page to each external URL gets a footnote mark;
        the footnotes (the URLs) close the page under a "Footnotes" heading.
        Later links to the same URL get none: one API name can be linked
        many times on a page, and marks on each would clutter the prose."""
        footnotes: list[nodes.footnote] = []
        seen: set[str] = set()
        for node in list(tree.findall(nodes.reference)):
            uri = node.get("refuri", "")
            if not uri.startswith(("http:", "https:", "ftp:")) or uri in node.astext() or uri in seen:
                continue
            seen.add(uri)
            label = str(len(footnotes) + 1)
            ref = nodes.footnote_reference("", label, ids=[f"url-ref-{label}"], refid=f"url-{label}")
            footnotes.append(nodes.footnote("", nodes.label("", label), nodes.paragraph("", uri),
                                            ids=[f"url-{label}"], backrefs=[f"url-ref-{label}"]))
            node.parent.insert(node.parent.index(node) + 1, ref)
        if footnotes:
            tree += nodes.rubric("", _("Footnotes"))
            tree += footnotes

    # -- Solutions page ---------------------------------------------------------

    def reading_order(self) -> list[str]:
        order: list[str] = []

        def walk(docname: str) -> None:
            if docname not in order:
                order.append(docname)
                for child in self.env.toctree_includes.get(docname, []):
                    walk(child)

        walk(self.config.root_doc)
        return order

    def gen_additional_pages(self) -> None:
        super().gen_additional_pages()
        docnames = self.reading_order()
        for docname in docnames:
            if docname not in self.solutions:  # not written in this build
                self.env.get_and_resolve_doctree(docname, self)
        if not any(self.solutions.get(docname) for docname in docnames):
            return
        title = _("Solutions")
        document = new_document("", self.docsettings)
        section = nodes.section("", nodes.title("", title), ids=["solutions"])
        for docname in docnames:
            for anchor, children in self.solutions.get(docname, []):
                back = nodes.reference("", self.env.titles[docname].astext(), internal=True,
                                       refuri=f"{docname}.xhtml#{anchor}-link")
                page = nodes.section("", nodes.title("", "", back), ids=[anchor])
                page += children
                section += page
        document += section
        self.add_visible_links(document)  # as on every page (write_doc)
        self.write_standalone_page(SOLUTIONS_PAGE, title, document)

    def write_standalone_page(self, pagename: str, title: str, document: nodes.document) -> None:
        """A page that is no source document, written as the HTML builder's
        ``write_doc`` writes one (its body: the builder's translator walked
        over the document, as both Sphinx 8.2's ``docwriter`` and Sphinx 9's
        ``write_doc`` do; ``docwriter`` is gone in 9). The attributes set
        first are those ``write_doc`` sets and the translator reads."""
        document.settings = self.docsettings
        self.secnumbers, self.fignumbers = {}, {}
        self.imgpath = relative_uri(self.get_target_uri(pagename), self.imagedir)
        self.dlpath = relative_uri(self.get_target_uri(pagename), "_downloads")
        self.current_docname = pagename
        visitor = self.create_translator(document, self)
        document.walkabout(visitor)
        context = {"title": title, "body": "".join(visitor.fragment), "metatags": "",
                   "rellinks": [], "parents": [], "prev": None, "next": None, "toc": "",
                   "display_toc": False}
        self.handle_page(pagename, context)

    def toc_add_files(self, refnodes: list[dict[str, Any]]) -> None:
        super().toc_add_files(refnodes)
        if (self.outdir / f"{SOLUTIONS_PAGE}.xhtml").is_file():
            refnodes.append({"level": 1, "refuri": f"{SOLUTIONS_PAGE}.xhtml", "text": _("Solutions")})

    # -- Images, style, metadata, zip -------------------------------------------

    def copy_static_files(self) -> None:
        super().copy_static_files()
        (self.outdir / "_static" / BOOK_CSS_NAME).write_text(BOOK_CSS, encoding="utf-8")

    def copy_image_files(self) -> None:
        super().copy_image_files()
        for svg in sorted((self.outdir / self.imagedir).glob("*.svg")):  # the chart's too
            strip_svg_noise(svg, doctype=True)

    def toc_metadata(self, level: int, navpoints: list) -> dict[str, Any]:
        metadata = super().toc_metadata(level, navpoints)
        metadata["uid"] = self.config.epub_identifier  # the NCX names the book by its identifier's value
        return metadata

    def build_epub(self) -> None:
        outname = self.config.epub_basename + ".epub"
        logger.info("writing %s file...", outname)
        date = time.gmtime(max(source_date(), ZIP_EPOCH))[:6]

        def entry(name: str, compress: int) -> zipfile.ZipInfo:
            info = zipfile.ZipInfo(name, date_time=date)
            info.compress_type = compress
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever the building system
            return info

        names = ["META-INF/container.xml", "content.opf", "toc.ncx", *self.files]
        with zipfile.ZipFile(self.outdir / outname, "w") as epub:
            epub.writestr(entry("mimetype", zipfile.ZIP_STORED), (self.outdir / "mimetype").read_bytes())
            for name in dict.fromkeys(names):
                epub.writestr(entry(name, zipfile.ZIP_DEFLATED), (self.outdir / name).read_bytes(),
                              compresslevel=9)


def setup(app: Sphinx) -> dict:
    app.setup_extension("editions")
    app.setup_extension("exercises")
    app.setup_extension("sphinx.ext.graphviz")
    app.add_builder(BookEpubBuilder, override=True)
    app.connect("config-inited", apply_epub_edition, priority=600)  # after editions (500)
    app.connect("builder-inited", version_for_epub, priority=400)  # before Sphinx checks the config (500)
    app.connect("builder-inited", html_writers_for_epub)
    app.add_post_transform(GatherSolutions)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
