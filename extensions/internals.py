"""Every reliance of the book's code on a library's internals, in one list
(not an extension: ``tests/translator/test_internals.py`` checks each entry
against the installed libraries, and fails naming the module that relies on
it when upstream moved it).

An internal is what a library does not document as its API: a private name,
a module function replaced (monkeypatched), a builder method overridden or
copied, an instance attribute read or written, a table replaced. Each entry
says who relies on it, what it relies on, why no public way serves, and how
the test checks it; the module's own docstring or comment at the place of use
says the same, briefly, and points here.

Checks (``check``):

- ``"exists"``: ``target`` can be imported and its attributes read;
- ``"params:a,b"``: ``target`` is a callable whose parameters include these;
- ``"source:text"``: the source code of ``target`` contains ``text`` (for an
  instance attribute that its ``__init__`` sets, or a call made through a
  module-level name that a replacement relies on);
- ``"absent"``: ``target`` does not exist (a speed-up steps aside on that
  stack because of it; when upstream brings it back, look again).

``sphinx``: the Sphinx major versions the entry applies to (``(8,)``,
``(9,)``), empty for both stacks. ``speed``: the module is a speed-up only
(the build is the same without it); the others make the book what it is.

Standard library only: the test imports it without building anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reliance:
    user: str  # our module (extensions/<user>.py, or tools/...)
    target: str  # "package.module:Attr.attr"
    what: str  # what the user relies on
    why: str  # why no public way serves
    check: str = "exists"
    sphinx: tuple[int, ...] = ()  # Sphinx majors it applies to; () for both
    speed: bool = False  # the user is a speed-up only


RELIANCES: list[Reliance] = [
    # -- message_parsing (speed) ------------------------------------------------------
    Reliance("message_parsing", "sphinx.transforms.i18n:publish_msgstr",
             "module function the Locale transform calls for every message; replaced to parse each once",
             "no event or option sees a message being parsed",
             check="params:app,source,source_path,source_line,config,settings", sphinx=(8,), speed=True),
    Reliance("message_parsing", "sphinx.transforms.i18n:publish_msgstr",
             "gone in Sphinx 9 (now private _publish_msgstr, keyword-only env and registry): the "
             "parse-once part steps aside there",
             "a private function of another signature is not worth replacing for 0.1 s",
             check="absent", sphinx=(9,), speed=True),
    Reliance("message_parsing", "sphinx.transforms.i18n:Locale.apply",
             "the Locale transform looks publish_msgstr up in its module at each call",
             "see publish_msgstr", check="source:publish_msgstr(", sphinx=(8,), speed=True),
    Reliance("message_parsing", "myst_parser.mdit_to_docutils.base:make_document",
             "MyST's module function making a throwaway document (and its settings) for every parse; "
             "replaced by one that builds the default settings once",
             "MyST has no option to reuse them", check="params:source_path,parser_cls", speed=True),
    Reliance("message_parsing", "myst_parser.parsers.mdit:create_md_parser",
             "builds the markdown-it parser MyST's Sphinx parser builds at every parse; kept and reused",
             "MyST builds it per parse, with no cache", check="params:config,renderer", speed=True),
    Reliance("message_parsing", "myst_parser.parsers.sphinx_:MystParser.parse",
             "MyST's parse: read front matter, create_md_parser, render with options['document']",
             "the reusing parser does the same with a kept parser",
             check="source:create_md_parser(", speed=True),
    Reliance("message_parsing", "myst_parser.config.main:read_topmatter",
             "front matter detection, as MyST's parse does it", "same as MystParser.parse",
             speed=True),
    Reliance("message_parsing", "sphinx.util.nodes:repr_domxml",
             "module function rendering a node's XML for a debug line; replaced by a lazy one",
             "the rendering is made even when debug lines are not shown",
             check="params:node,length", speed=True),
    Reliance("message_parsing", "sphinx.util.nodes:is_translatable",
             "calls repr_domxml through the module's global name (so the replacement is seen)",
             "see repr_domxml", check="source:repr_domxml(", speed=True),
    Reliance("message_parsing", "docutils.nodes:Node",
             "nodes keep their document in _document (set here on every node a translation brought in)",
             "docutils' setter sets one node, not its descendants; without it each Chinese doctree "
             "pickles the whole environment (2.2 MB a page)",
             check="source:self._document", speed=True),
    # -- search_dictionary (speed) ----------------------------------------------------
    Reliance("search_dictionary", "jieba:Tokenizer",
             "jieba's name-mangled block segmenter __cut_DAG, looked up on the tokenizer: memoized",
             "jieba has no hook for a memo", check="source:def __cut_DAG(", speed=True),
    Reliance("search_dictionary", "jieba:Tokenizer.gen_pfdict",
             "builds the prefix dictionary, kept marshalled; FREQ, total and initialized set from it",
             "set_dictionary reads jieba's own cache in small pieces", speed=True),
    Reliance("search_dictionary", "jieba:Tokenizer.initialize",
             "the tokenizer's state is FREQ, total and initialized",
             "see gen_pfdict", check="source:self.initialized = True", speed=True),
    Reliance("search_dictionary", "jieba:DEFAULT_DICT_NAME",
             "the bundled dictionary's file name, read to make the reduced one", "no accessor", speed=True),
    Reliance("search_dictionary", "sphinx.search:languages",
             "the table Sphinx picks a search language class from; zh replaced by a subclass",
             "html_search_options does not reach the stemmer", speed=True),
    Reliance("search_dictionary", "sphinx.search.zh:SearchChinese.__init__",
             "the class keeps its Snowball stemmer in self.stemmer once constructed (Sphinx 8.2 "
             "through init(), 9 in __init__); stemWord memoized",
             "see sphinx.search:languages", check="source:self.stemmer", sphinx=(9,), speed=True),
    Reliance("search_dictionary", "sphinx.search.zh:SearchChinese.init",
             "Sphinx 8.2 makes the stemmer in init(), called by __init__",
             "see sphinx.search:languages", check="source:self.stemmer", sphinx=(8,), speed=True),
    # -- search_index -----------------------------------------------------------------
    Reliance("search_index", "sphinx.search:IndexBuilder.__init__",
             "word -> pages maps in _mapping and _title_mapping (entries with no page dropped)",
             "no public API removes an entry: an incremental build's index differs from a clean one's",
             check="source:self._title_mapping"),
    Reliance("search_index", "sphinx.search:IndexBuilder.prune",
             "replaced on the instance, to drop the empty entries after Sphinx prunes",
             "see IndexBuilder.__init__", check="params:docnames"),
    Reliance("search_index", "sphinx.builders.html:StandaloneHTMLBuilder.index_page",
             "every page's title reaches the search index through it; wrapped on the instance to "
             "give the title its section number, as Sphinx 8.2 did",
             "no event sees the title fed to the index", check="params:pagename,doctree,title",
             sphinx=(9,)),
    # -- inventory_cache (speed) ------------------------------------------------------
    Reliance("inventory_cache", "sphinx.util.inventory:InventoryFile.loads",
             "the classmethod intersphinx parses every inventory with; replaced by one kept per content",
             "intersphinx parses a local inventory at every build, with no cache",
             check="params:content,uri", speed=True),
    Reliance("inventory_cache", "sphinx.ext.intersphinx._load",
             "intersphinx parses through InventoryFile.loads", "see InventoryFile.loads",
             check="source:InventoryFile.loads(", speed=True),
    Reliance("inventory_cache", "sphinx.ext.intersphinx._shared:InventoryAdapter.__init__",
             "the environment's attributes intersphinx_cache, intersphinx_inventory and "
             "intersphinx_named_inventory, kept out of the stored environment",
             "no option keeps a local inventory out of it", check="source:intersphinx_named_inventory",
             speed=True),
    # -- chapter_navigation -----------------------------------------------------------
    Reliance("chapter_navigation", "sphinx.environment:BuildEnvironment.__init__",
             "files_to_rebuild (emptied while writing), toc_secnumbers, toctree_includes, titles, tocs",
             "Sphinx rewrites every toctree parent of a written page, and has no option not to; "
             "the other attributes are the documented environment's data",
             check="source:self.files_to_rebuild"),
    Reliance("chapter_navigation", "sphinx.builders:Builder.write",
             "the pages to write include env.files_to_rebuild's parents",
             "see BuildEnvironment.__init__", check="source:files_to_rebuild"),
    Reliance("chapter_navigation", "sphinx.domains.std:StandardDomain.labels",
             "label -> (docname, anchor, section title)", "no public lookup by label of the title"),
    # -- epub_editions ----------------------------------------------------------------
    Reliance("epub_editions", "sphinx.builders._epub_base:EpubBuilder.add_visible_links",
             "overridden: external links' URLs as footnotes", "epub_show_urls has no such form",
             check="params:tree,show_urls"),
    Reliance("epub_editions", "sphinx.builders._epub_base:EpubBuilder.toc_add_files",
             "overridden: the solutions page in the navigation", "no event adds a page to the EPUB's toc",
             check="params:refnodes"),
    Reliance("epub_editions", "sphinx.builders._epub_base:EpubBuilder.guide_titles",
             "guide_titles['toc'] (the navigation's title, translated)", "not translated by Sphinx",
             check="exists"),
    Reliance("epub_editions", "sphinx.builders.html:StandaloneHTMLBuilder.write_doc",
             "how a page is written (settings, secnumbers, imgpath, dlpath, current_docname, the "
             "translator walked over the doctree): copied for the solutions page, which is no source",
             "no public way to write a page from a doctree", check="source:current_docname"),
    Reliance("epub_editions", "sphinx.registry:SphinxComponentRegistry.__init__",
             "translation_handlers: the EPUB builder gets the HTML builder's visitors (bilingual, "
             "exercises...) and its own graphviz visitor",
             "app.add_node registers for named builders only, and the EPUB builder is not named by them",
             check="source:self.translation_handlers"),
    Reliance("epub_editions", "sphinx.ext.graphviz:render_dot",
             "renders a graphviz node to an SVG file (the EPUB's <img>)", "graphviz's visitors embed <object>",
             check="params:self,code,options,format,prefix,filename"),
    # -- diagram_labels, accessible_html ----------------------------------------------
    Reliance("diagram_labels", "sphinx.ext.graphviz:Graphviz.run",
             "the graphviz directives, subclassed to record their source location", "no option",
             check="exists"),
    Reliance("accessible_html", "sphinx.ext.graphviz:html_visit_graphviz",
             "graphviz's HTML visitor, wrapped to name the <object>", "no option names it",
             check="params:self,node"),
    # -- page_catalog (translation_guard, translation_status, bilingual) --------------
    Reliance("page_catalog", "gettext:GNUTranslations._parse",
             "a compiled catalog's messages in _catalog, its fallback in _fallback",
             "gettext has no public listing of a catalog's messages", check="source:self._catalog"),
    Reliance("page_catalog", "sphinx.util.nodes:extract_messages",
             "the (node, message) pairs Sphinx's Locale transform translates", "no public listing",
             check="params:doctree"),
    # -- page_dates -------------------------------------------------------------------
    Reliance("page_dates", "sphinx_last_updated_by_git:_env_updated",
             "the plugin's env.git_last_updated (reset for a page to have it computed again)",
             "the plugin has no API to recompute a page", check="source:git_last_updated"),
    # -- template_cache (speed) -------------------------------------------------------
    Reliance("template_cache", "sphinx.jinja2glue:BuiltinTemplateLoader.init",
             "the builder's template loader keeps its Jinja environment in .environment",
             "no option sets a bytecode cache", check="source:self.environment", speed=True),
    # -- tools/serve.py ---------------------------------------------------------------
    Reliance("tools/serve.py", "sphinx_autobuild.server:RebuildServer",
             "sphinx-autobuild's websocket server, driven by the preview's own watch loop",
             "sphinx-autobuild starts a new Python per rebuild; no API to build in-process"),
    Reliance("tools/serve.py", "sphinx_autobuild.middleware:JavascriptInjectorMiddleware",
             "its reload script injection", "see RebuildServer"),
    Reliance("tools/serve.py", "sphinx_autobuild.filter:IgnoreFilter", "its ignore rules", "see RebuildServer"),
    Reliance("tools/serve.py", "sphinx_autobuild.utils:show_message", "its console messages", "see RebuildServer"),
]


def applies(reliance: Reliance, sphinx_major: int) -> bool:
    return not reliance.sphinx or sphinx_major in reliance.sphinx
