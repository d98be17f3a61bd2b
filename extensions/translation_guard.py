"""A translation can neither inject markup nor silently disappear.

Translators are the widest group that writes into the book, and what they
write is parsed as MyST Markdown. Two things must never happen:

* **Injection.** Raw HTML, a new or changed link target (``javascript:``,
  ``data:``, another site), or an invisible control character (bidi override,
  NUL) in a translation that the English does not have.
* **Silent English.** Sphinx's Locale transform applies a translation only if
  it parses into the same kind of node as the English (a paragraph stays a
  paragraph, a title a title). Anything else (a leading ``#`` or ``-``,
  ``---`` front matter, ``:::``, a blank msgstr of spaces, a ``#noqa`` that
  leaves nothing) is dropped without a word, and the reader gets the English.

Two transforms wrap Sphinx's Locale transform (priority 20):

* before it (19), each message of the page that has a translation is checked
  as text by :func:`translation_problems`, the same function
  ``make check-po`` uses, and the page's nodes are noted with the raw HTML and
  link targets the English gives them;
* after it (21), a node whose translation was not applied is reported, and
  raw HTML, links and images a translation brought into a node are turned
  back into plain text, so that even a build without ``-W`` shows the text as
  text in every output (HTML, search index, PDF).

Every problem is a warning (so ``-W`` fails the build) located at the
catalog's ``file:line`` (the line of the ``msgstr``), with the message's
English. The catalogs are only read, never written.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from book import ROOT, catalog
from page_catalog import is_translated_edition, messages_before_locale, page_translations

logger = logging.getLogger(__name__)

# Link targets, also those markdown-it refuses to make links of
# (``javascript:``): ``[text](target)``, ``![alt](target)``, ``<scheme:...>``
# and reference definitions ``[label]: target``. tools/check_po.py counts them
# with link_targets() too, so the build and the check agree on what a link is.
LINK_TARGETS = re.compile(
    r"\]\(\s*<?([^\s)>]+)"
    r"|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)",
    re.M,
)


def link_targets(text: str) -> Counter:
    """Every link target in the Markdown text, with how often it occurs."""
    return Counter(next(g for g in match.groups() if g) for match in LINK_TARGETS.finditer(text))


# Sphinx reads a trailing "#noqa" as "do not check references" and drops it.
_NOQA = re.compile(r"(.*)(?<!\\)#\s*noqa\s*$", re.S)
# Characters that change how text around them displays without being seen,
# and control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F)
# other than line feed and tab.
_BIDI_CONTROLS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_INVISIBLE = re.compile(f"[{_BIDI_CONTROLS}\x00-\x08\x0b-\x1f\x7f-\x9f]")

_BLOCK_NAMES = {
    "paragraph_open": "a paragraph",
    "heading_open": "a heading",
    "bullet_list_open": "a list",
    "ordered_list_open": "a numbered list",
    "blockquote_open": "a block quote",
    "hr": "a thematic break",
    "front_matter": "front matter",
    "fence": "a code block",
    "code_block": "a code block",
    "colon_fence": "a directive (:::)",
    "html_block": "an HTML block",
    "table_open": "a table",
    "dl_open": "a definition list",
    "myst_block_break": "a block break (+++)",
    "myst_target": "a target label",
    "myst_line_comment": "a comment (%)",
    "math_block": "a math block",
}


@lru_cache(maxsize=2)
def _markdown(blocks_only: bool = False):
    """MyST's own parser, configured as conf.py configures it; with
    ``blocks_only``, without its inline pass (text inside blocks is not
    parsed: no raw HTML, links or images are found there)."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    markdown = create_md_parser(MdParserConfig(enable_extensions=set(_myst_extensions())), RendererHTML)
    return markdown.disable("inline") if blocks_only else markdown


def _myst_extensions() -> list[str]:
    import runpy

    conf = runpy.run_path(str(Path(__file__).resolve().parent.parent / "conf.py"))
    return list(conf.get("myst_enable_extensions", []))


def _read(text: str) -> tuple[list[str], Counter, set[str], Counter]:
    """Top-level block shape, raw HTML fragments, link targets, roles."""
    # Inline raw HTML starts with "<"; links, images and autolinks with "[",
    # "![" or "<"; roles with "{". Messages with none of them: their blocks are enough.
    tokens = _markdown(blocks_only="<" not in text and "[" not in text and "{" not in text).parse(text)
    shape = [t.type for t in tokens if t.level == 0 and not t.type.endswith("_close") and t.type != "inline"]
    html: Counter = Counter()
    roles: Counter = Counter()
    targets = set(link_targets(text))
    for token in tokens:
        for t in [token, *(token.children or [])]:
            if t.type in ("html_block", "html_inline"):
                html[t.content.strip()] += 1
            if t.type == "myst_role":  # {name}`target` or {name}`title <target>`
                target = re.fullmatch(r"(?s).*<([^<>]+)>\s*", t.content)
                roles[t.meta.get("name", ""), (target.group(1) if target else t.content).strip()] += 1
            for attribute in ("href", "src"):
                if t.attrGet(attribute):
                    targets.add(str(t.attrGet(attribute)))
    return shape, html, targets, roles


def _invisible(text: str) -> set[str]:
    return set(_INVISIBLE.findall(text))


def translation_problems(msgid: str, msgstr: str) -> list[str]:
    """What a translation adds that the English does not have: raw HTML, link
    targets, another block shape, invisible control characters."""
    problems = []
    id_shape, id_html, id_targets, id_roles = _read(msgid)
    str_shape, str_html, str_targets, str_roles = _read(msgstr)
    if str_shape != id_shape:
        problems.append(
            f"the translation reads as {_describe(str_shape)}, the English as {_describe(id_shape)}: "
            "the build could not use it (check what the translation starts with: #, -, >, 1., ---, :::)"
        )
    for fragment in sorted((str_html - id_html).elements()):
        problems.append(f"raw HTML {_shorten(fragment)!r} is not in the English; write the text without tags")
    for target in sorted(str_targets - id_targets):
        problems.append(f"link target {_shorten(target)!r} is not in the English; links must keep the English targets")
    if str_roles != id_roles and str_shape == id_shape:
        # Sphinx would drop the translation with a warning at the page, not here.
        problems.append(f"the translation has the roles {_roles(str_roles - id_roles)} that the English does not "
                        f"have, and lacks {_roles(id_roles - str_roles)}: keep each {{role}}`target` of the English "
                        "with its target (a title of your own goes before it: {role}`标题 <target>`)")
    if _NOQA.match(msgstr) and not _NOQA.match(msgid):
        problems.append("a trailing '#noqa' is an instruction to Sphinx, which removes it: "
                        "write it as '\\#noqa' to show it")
    for char in sorted(_invisible(msgstr) - _invisible(msgid)):
        problems.append(f"invisible control character U+{ord(char):04X} ({unicodedata.name(char, 'control')})")
    return problems


def _roles(roles: Counter) -> str:
    return ", ".join(_shorten(f"{{{name}}}`{target}`", 50) for name, target in sorted(roles.elements())) or "none"


def _describe(shape: list[str]) -> str:
    if not shape:
        return "nothing (empty)"
    names = [_BLOCK_NAMES.get(kind, kind) for kind in shape]
    return names[0] if len(names) == 1 else " + ".join(names)


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def msgstr_line(lines: list[str], first_line: int) -> int:
    """The line of an entry's msgstr, from the line where the entry starts."""
    for number in range(first_line - 1, len(lines)):
        if lines[number].startswith("msgstr"):
            return number + 1
    return first_line


@lru_cache(maxsize=64)
def _msgstr_lines(path: str, mtime: float) -> dict[str, int]:
    import polib

    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    return {e.msgid: msgstr_line(lines, e.linenum) for e in polib.pofile(text, wrapwidth=0) if not e.obsolete}


class _Page:
    """The page's catalog: its translations and where each msgstr is."""

    def __init__(self, transform: SphinxTransform):
        env, config = transform.env, transform.config
        self.translations = page_translations(transform)
        domain = docname_to_domain(env.docname, config.gettext_compact)
        self.po = catalog(config.language, domain)
        root = ROOT  # catalogs are named relative to the project
        self.shown = os.path.relpath(self.po, root) if self.po.is_relative_to(root) else str(self.po)

    def where(self, msgid: str) -> str:
        try:
            line = _msgstr_lines(str(self.po), self.po.stat().st_mtime).get(msgid, 0)
        except (OSError, ValueError, UnicodeDecodeError):
            line = 0
        return f"{self.shown}:{line}"

    def warn(self, msgid: str, problem: str) -> None:
        english = msgid if len(msgid) <= 70 else msgid[:67] + "..."
        logger.warning("%s\n    msgid \"%s\"", problem, english, location=self.where(msgid),
                       type="i18n", subtype="translation")


def _links(node: nodes.Element) -> Counter:
    found: Counter = Counter()
    for ref in node.findall(nodes.reference):
        if ref.get("refuri"):
            found[ref["refuri"]] += 1
    for image in node.findall(nodes.image):
        found[image.get("uri", "")] += 1
    return found


def _raw(node: nodes.Element) -> Counter:
    return Counter((raw.get("format", ""), raw.astext()) for raw in node.findall(nodes.raw))


class CheckTranslations(SphinxTransform):
    """Before Locale: check each translation as text; note what the English has."""

    default_priority = 19

    def apply(self, **kwargs) -> None:
        if not is_translated_edition(self):
            return
        page = _Page(self)
        if not page.translations:
            return
        noted = []
        for node, msgid in messages_before_locale(self):
            msgstr = page.translations.get(msgid)
            if not msgstr or msgstr == msgid:
                continue
            problems = translation_problems(msgid, msgstr)
            for problem in problems:
                page.warn(msgid, problem)
            if not isinstance(node, addnodes.translatable):  # those apply their messages themselves
                noted.append((node, msgid, msgstr, bool(problems), _raw(node), _links(node)))
        self.document.translation_guard = (page, noted)  # read and removed after Locale


class CheckTranslationsApplied(SphinxTransform):
    """After Locale: no silent English, and nothing a translation added is markup."""

    default_priority = 21

    def apply(self, **kwargs) -> None:
        page, noted = getattr(self.document, "translation_guard", (None, []))
        if page is None:
            return
        del self.document.translation_guard  # not pickled into the doctree
        for node, msgid, msgstr, reported, raw_before, links_before in noted:
            if isinstance(node, nodes.image) and node.get("alt") == msgstr:
                continue  # an image's alt text: applied in place
            if not node.get("translated"):
                if not reported:
                    page.warn(msgid, "the build could not apply this translation and showed the English "
                                     "(an empty or blank translation, or markup that changes what the text is)")
                continue
            for raw in list(node.findall(nodes.raw)):
                key = (raw.get("format", ""), raw.astext())
                if raw_before[key] > 0:
                    raw_before[key] -= 1
                    continue
                if not reported:
                    page.warn(msgid, f"raw HTML {_shorten(raw.astext())!r} is not in the English")
                raw.replace_self(nodes.Text(raw.astext()))
            for target in [*node.findall(nodes.reference), *node.findall(nodes.image)]:
                uri = target.get("refuri") if isinstance(target, nodes.reference) else target.get("uri", "")
                if uri is None or isinstance(target, nodes.reference) and "refuri" not in target:
                    continue  # an internal reference: its target is Sphinx's, not the translator's
                if links_before[uri] > 0:
                    links_before[uri] -= 1
                    continue
                if not reported:
                    page.warn(msgid, f"link target {_shorten(uri)!r} is not in the English")
                text = target.astext() if isinstance(target, nodes.reference) else target.get("alt", "")
                target.replace_self(nodes.Text(text))


def setup(app: Sphinx) -> dict:
    app.add_transform(CheckTranslations)
    app.add_transform(CheckTranslationsApplied)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
