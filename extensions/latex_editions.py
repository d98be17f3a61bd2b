"""Per-edition LaTeX (PDF) settings: fonts that cover every character, the
edition's own chrome, and PDF metadata.

Every edition loads xeCJK, so that CJK characters and the symbols of the
sample string (``～ ・ ⌒ ★ ∠``, absent from the Latin fonts) are set in Noto
CJK in the English PDF too. An edition whose language is Chinese also loads
ctex, which gives Chinese chrome (目录, 第一章, 图 1) and Chinese line breaking
and punctuation; any other edition gets its chrome from Sphinx's default,
polyglossia or babel, in its language (given TeX Live's package for that
language). The settings are derived from languages.toml (``noto_cjk`` picks
the Noto CJK region: SC, TC, JP, KR), so an edition added there gets a PDF too.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.transforms.post_transforms import SphinxPostTransform

from book import language_tag, load_editions

# Latin text in Noto Serif / Noto Sans (Debian's fonts-noto-core). Code in
# Noto Sans Mono CJK for Latin and CJK alike: one font, so no glyph of the
# sample string sits in a cell of another font's width, and text extracted
# from the PDF has no stray spaces. (pdffonts names every Noto CJK face
# "...CJKjp..." because the faces of the collection share one CFF table; the
# glyphs are those of the region asked for.)
LATIN_FONTS = r"""
\setmainfont{Noto Serif}
\setsansfont{Noto Sans}
% Code comments are italic in Pygments' style; a monospaced Noto has no
% italic, so say so (upright) rather than let LaTeX warn and substitute.
\setmonofont{Noto Sans Mono CJK REGION}[Scale=0.9, ItalicFont=*, BoldItalicFont={* Bold}]
% The mark for a code line wrapped at a space (U+2423, not in Noto): from
% Latin Modern Mono (Debian's fonts-lmodern, part of TeX Live).
\newfontfamily\visiblespacefont{lmmono10-regular.otf}
\newcommand\bookvisiblespace{{\visiblespacefont\char"2423}}
"""
# Symbols the Latin fonts lack (∠ ⌒ ★ ☆) are typeset with the CJK fonts:
# xeCJK switches fonts by character class. Emphasis in CJK text uses the sans
# face (黑体), as Chinese books do, not a slanted serif.
CJK_FONTS = r"""
\xeCJKDeclareCharClass{CJK}{"2220, "2312, "2605, "2606}
\setCJKmainfont{Noto Serif CJK REGION}[ItalicFont=Noto Sans CJK REGION]
\setCJKsansfont{Noto Sans CJK REGION}
\setCJKmonofont{Noto Sans Mono CJK REGION}[Scale=0.9, ItalicFont=*, BoldItalicFont={* Bold}]
% xeCJK puts a space between Western and CJK characters, which is right in
% prose but changes inline code: none there (code blocks use \xeCJKVerbAddon).
\let\booksphinxcode\sphinxcode
\renewcommand{\sphinxcode}[1]{{\xeCJKsetup{CJKecglue={}}\booksphinxcode{#1}}}
"""


# XeTeX only logs a glyph no font has; tools/check_latex_log.py fails the
# build on it. Level 2 also writes it to the terminal.
COMMON_PREAMBLE = r"""
\tracinglostchars=2
% Text copied from the PDF is the source's text: a font whose one glyph serves
% both "-" and U+2011 would otherwise give "‑>" for "->" in copied code.
\XeTeXgenerateactualtext=1
% pdflang: the document's language (/Lang in the PDF catalog), for screen
% readers and text extraction. Title and author come from latex_documents.
\hypersetup{{pdfcreator={{Sphinx, XeLaTeX}}, pdflang={{{lang_tag}}}}}
"""


def latex_settings(language: str, edition: dict) -> dict[str, str]:
    region = edition.get("noto_cjk", "SC")
    chinese = language.startswith("zh")
    elements = {
        "cmappkg": "",  # the cmap package is for pdfTeX; XeTeX maps glyphs to Unicode itself
        "fontpkg": LATIN_FONTS.replace("REGION", region),
        # xeCJK would put spaces around CJK inside code; the add-on keeps
        # code as it is, so text copied from the PDF equals the source.
        "fvset": r"\fvset{fontsize=\small,formatcom=\xeCJKVerbAddon}",
        "preamble": CJK_FONTS.replace("REGION", region)
        + COMMON_PREAMBLE.format(lang_tag=language_tag(language)),
        "releasename": "",
        # One chapter: an index adds nothing but an English "Index" page.
        "makeindex": "",
        "printindex": "",
        # Long code lines wrap, with a visible mark, never run off the page.
        "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=true, verbatimmaxoverfull=0, "
        r"verbatimvisiblespace=\textcolor{red}{\bookvisiblespace}",
    }
    if chinese:
        # ctex: Chinese chapter labels, 目录, and Chinese typesetting rules.
        # Polyglossia has no Chinese; ctex does its job.
        elements["fontenc"] = r"\usepackage[fontset=none, heading=true]{ctex}"
        elements["babel"] = elements["polyglossia"] = ""
        elements["fncychap"] = ""  # its chapter style is English ("Chapter 1")
        # "图 1　队列", "列表 1　examples/...": a space, not a Western colon, after the label.
        elements["extrapackages"] = r"\usepackage[labelsep=quad]{caption}"
        # Prose gets ctex's wider line spacing; code keeps the usual one, as in print.
        elements["fvset"] = elements["fvset"][:-1] + ",baselinestretch=1.05}"
        # ctex sets \linespread{1.3}: the running head needs a taller box.
        elements["preamble"] += r"\setlength{\headheight}{15pt}" + "\n"
    else:
        # Other languages: Sphinx's default, polyglossia, names the chrome
        # (Contents, Chapter) in the edition's language.
        elements["fontenc"] = r"\usepackage{xeCJK}"
    return elements


def apply_latex_edition(app: Sphinx, config: Config) -> None:
    edition = load_editions()[config.language]
    config.latex_engine = "xelatex"
    # Sphinx's classes (report) for every language: for Japanese it would
    # pick jsbook, a pLaTeX class that XeLaTeX cannot use.
    config.latex_docclass = {}
    config.latex_documents = [
        (config.root_doc, f"python-ipc-{config.language}.tex", edition["project"], edition["author"], "manual"),
    ]
    config.latex_elements = {**latex_settings(config.language, edition), **config.latex_elements}


class KeepTheChapterHeading(SphinxPostTransform):
    """Make the page's own heading the PDF's chapter.

    Sphinx's LaTeX writer drops the first heading of the document, taking it
    for the book's title, and turns the next level into chapters. Wrapping the
    page in a section titled with the book's title (which the title page shows
    anyway) keeps "Interprocess Communication (IPC)" as Chapter 1, with the
    page's sections as 1.1, 1.2, ... as in a book.
    """

    builders = ("latex",)
    default_priority = 900

    def run(self, **kwargs) -> None:
        if self.document.get("book-wrapped"):
            return
        book = nodes.section(ids=["book"])
        book += nodes.title("", self.config.project)
        book.extend(self.document.children[:])
        self.document.clear()
        self.document += book
        self.document["book-wrapped"] = True


def setup(app: Sphinx) -> dict:
    app.setup_extension("editions")
    # After editions (priority 500) has chosen the edition.
    app.connect("config-inited", apply_latex_edition, priority=600)
    app.add_post_transform(KeepTheChapterHeading)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
