"""Sphinx configuration for the IPC chapter, in every language.

Build one language with::

    sphinx-build -c . -D language=zh_CN source build/html/zh_CN

(``source/conf.py`` runs this file, so ``-c .`` may be left out.) Paths here
are absolute, so they hold whichever directory Sphinx takes as the
configuration directory.

The Makefile does this for each edition in ``languages.toml``.
"""

import sys
import warnings
from pathlib import Path

import sphinx.deprecation

ROOT = Path(__file__).resolve().parent
# The project's own extensions, one module per concern (see extensions/README.md).
sys.path.insert(0, str(ROOT / "extensions"))
from book import LOCALE_DIR  # noqa: E402  (the book's facts, one place each: extensions/book.py)

# -- Sphinx's deprecations are errors -----------------------------------------
# An API Sphinx will remove (RemovedInSphinx<N>Warning: 9 and 10 on Sphinx
# 8.2, 10 and 11 on 9.2) fails the build that uses it, with its traceback,
# whichever extension uses it (ours or a plugin); -W alone does not see them.
for _name in dir(sphinx.deprecation):
    if _name.startswith("RemovedInSphinx"):
        warnings.filterwarnings("error", category=getattr(sphinx.deprecation, _name))
del _name

# -- Project -------------------------------------------------------------------
# project, author and the HTML title are set per edition from languages.toml
# by the "editions" extension once the language is known.
project = "Python Tutorial"
author = "The Python Tutorial authors"
copyright = "%Y, the Python Tutorial authors"  # %Y honours SOURCE_DATE_EPOCH
root_doc = "index"
language = "en"

# -- Extensions ----------------------------------------------------------------
extensions = [
    "myst_parser",
    "message_parsing",  # translated messages parsed without a new MyST parser each (speed)
    "sphinx_copybutton",
    "sphinx.ext.graphviz",
    "sphinx.ext.intersphinx",
    "editions",  # per-language title/author, language switcher, landing page
    "code_comments",  # comments of Python code blocks become messages
    "diagram_labels",  # Graphviz labels become messages
    "translation_status",  # notice on pages whose translation is incomplete
    "translation_guard",  # a translation injects no markup and never falls back to English unseen
    "js_translations",  # search page messages Sphinx leaves untranslated
    "latex_editions",  # PDF fonts, chrome and metadata per edition
    "epub_editions",  # EPUB per edition: valid, in its language, reproducible
    "search_dictionary",  # Chinese search: only the jieba words the book can use
    "search_index",  # an incremental build writes the search index a clean build writes
    "stale_outputs",  # an incremental build deletes the images no page shows any more
    "template_cache",  # compiled theme templates kept between builds
    "untracked_inputs",  # extension code or theme catalog changed: read every page again
    "exercises",  # solutions folded in HTML, gathered at the end of the PDF
    "ipc_chart",  # the measured IPC throughput chart, drawn at build time
    "chapter_navigation",  # a changed title rewrites every page's sidebar and prev/next
    "reading_time",  # word count and reading time, counted after translation
    "page_dates",  # created / last-updated dates from git, catalogs included
    "bilingual",  # translated editions: the original under each translated paragraph, on demand
    "accessible_html",  # diagrams named for assistive technology, code blocks reachable by keyboard
    "gc_freeze",  # what lives to the end of the build is out of the garbage collector's way (speed)
    "inventory_cache",  # the Python docs' inventory parsed once, not at every rebuild (speed)
    "python_docs",  # links to the Python docs in the edition's language; tooltips name Python 3
]
# Loaded besides this list, by the extensions that need them:
# - sphinx_last_updated_by_git, by page_dates, and only inside a git checkout
#   (an unpacked archive builds without it, and its pages show no dates);
# - sphinx.ext.graphviz by diagram_labels, accessible_html and epub_editions;
#   editions by latex_editions and epub_editions; exercises by epub_editions;
#   myst_parser by message_parsing (all of these are listed above as well).
# What runs first is not this list's order but the priorities (lower first;
# Sphinx's default is 500):
# - config-inited: editions sets the edition's title and author (500), then
#   latex_editions and epub_editions derive theirs (600);
# - builder-inited: gc_freeze (1, 900) and inventory_cache (100, 900) around
#   intersphinx; epub_editions dates the EPUB's version (400) before Sphinx
#   checks the configuration (500);
# - transforms, before Sphinx's Locale (20): code comments and diagram labels
#   become messages (5), bilingual keeps the originals (18), the translation
#   guard and translation_status read the messages (19); after it, the guard
#   checks what Locale did (21);
# - post-transforms: bilingual inserts the originals (5, before references
#   are resolved at 10); solutions are gathered for LaTeX and EPUB (890)
#   before latex_editions wraps the chapter (900);
# - doctree-read: message_parsing first (100); env-updated and
#   html-page-context: page_dates after sphinx_last_updated_by_git (600);
#   build-finished: stale_outputs last (900), once every image is written.
source_suffix = {".md": "markdown"}
myst_enable_extensions = ["deflist", "colon_fence"]
exclude_patterns = ["diagrams"]

# Every cross-reference must resolve; the Makefile also passes -n -W.
nitpicky = True

# -- Cross-references to the Python documentation ------------------------------
# Links go to docs.python.org, but the inventory is read from the local copy
# that Debian's python3-doc installs: builds never touch the network. An
# edition links to the Python docs in its language (languages.toml's
# python_docs), and tooltips name Python 3, not the local copy's version
# (extensions/python_docs.py).
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "/usr/share/doc/python3/html/objects.inv"),
}

# -- Internationalisation ------------------------------------------------------
# Absolute: Sphinx resolves it against source/ for catalogs but against the
# working directory when it looks for the JavaScript catalog.
locale_dirs = [str(LOCALE_DIR)]
gettext_compact = False  # one catalog per page: locale/<lang>/LC_MESSAGES/<page>.po
# make and make serve compile the catalogs (msgfmt, checked; tools/compile_catalogs.py).
# Sphinx must not compile them again behind make's back when a .po is newer
# than its .mo (a checkout, a save without change): its .mo would differ.
# (It still compiles the theme's sphinx.po at start-up when its .mo is older,
# whatever this says: compile_catalogs dates every .mo no older than its .po.)
gettext_auto_build = False
gettext_uuid = False
gettext_location = True  # "#: file:line" in the catalogs, for translators
gettext_last_translator = "Python Tutorial translators"
gettext_language_team = "Python Tutorial translators"

# -- Diagrams ------------------------------------------------------------------
graphviz_output_format = "svg"  # vector, scalable, and its text is searchable
# One font for every label, in every language and output: Noto Sans CJK has
# Latin and Chinese glyphs. Left to fontconfig, dot may pick a different
# Chinese font (AR PL ZenKai, which TeX Live's Chinese support installs).
_DIAGRAM_FONT = "Noto Sans CJK SC,sans-serif"
graphviz_dot_args = [f"-Gfontname={_DIAGRAM_FONT}", f"-Nfontname={_DIAGRAM_FONT}", f"-Efontname={_DIAGRAM_FONT}"]

# -- HTML ----------------------------------------------------------------------
# Sphinx's basic theme plus a header (language switcher, PDF, colour theme):
# every string a reader sees is translated, by Sphinx or by our sphinx.po.
html_theme = "ipcbook"
html_theme_path = [str(ROOT / "theme")]
html_permalinks_icon = "#"
html_last_updated_fmt = None  # no build date: pages show their git dates (page_dates)
html_copy_source = False  # the Markdown source is English: not for zh_CN readers
html_show_sourcelink = False
# One chapter declares no index entries: the general index would be an empty
# page linked from every page (and rendering it costs every build 0.1 s).
html_use_index = False
html_favicon = str(ROOT / "theme/ipcbook/static/favicon.svg")  # else browsers ask for a missing /favicon.ico
# Chinese search: Sphinx loads jieba's default dictionary a second time, as a
# "user dictionary" (about 3 s per build, and it doubles jieba's word-frequency
# total). jieba loads that dictionary anyway; an empty "dict" skips the reload.
html_search_options = {"dict": ""}

# Copy buttons on code only: output blocks are not something to paste.
copybutton_selector = "div.highlight-python div.highlight pre"

# -- LaTeX / PDF ---------------------------------------------------------------
# Engine, fonts, chrome and metadata are set per edition by latex_editions.
latex_use_xindy = False  # no index, so no xindy binary needed
latex_domain_indices = False  # no "Python Module Index" page
latex_show_urls = "no"
release = version = ""  # an unversioned chapter: no "Release" on the title page
