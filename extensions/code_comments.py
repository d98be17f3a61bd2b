"""Translate the comments of Python code blocks through the catalogs.

Each comment of each Python code block (fenced, ``code-block`` or
``literalinclude``) becomes one gettext message, holding only the comment's
text. Translators never see the code, and the code itself (names, strings,
layout) is the same in every language, so the program prints the same output.

This is the idea of mdbook-i18n-helpers, done the Sphinx way: code blocks are
turned into ``commented_code`` nodes, which implement Sphinx's
``addnodes.translatable`` protocol; the stock gettext builder extracts their
messages and the stock Locale transform applies the translations.

Known limit: a translation must fit on one line; line breaks in a msgstr are
turned into spaces so that line numbers stay the same in every language.
"""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass
from functools import lru_cache

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from translatable import PerMessageTranslatable

PYTHON_LANGUAGES = {"python", "python3", "py"}
# Comments that are instructions to tools, not prose for readers.
PRAGMA_PREFIXES = ("!", "type:", "noqa", "pragma", "-*-", "fmt:")


@dataclass(frozen=True)
class Comment:
    start: int  # offset of "#" in the code
    end: int  # offset just past the comment
    text: str  # what a reader reads: the comment without "#" and spaces


@lru_cache(maxsize=512)
def find_comments(code: str) -> tuple[Comment, ...]:
    """The translatable comments of ``code``, in order; () if not Python.

    Kept per code text: a block's comments are asked for once per message
    applied to it, and by each transform that lists the page's messages."""
    line_offsets = [0]
    for line in code.splitlines(keepends=True):
        line_offsets.append(line_offsets[-1] + len(line))
    comments = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type != tokenize.COMMENT:
                continue
            text = token.string[1:].strip()
            if not text or text.startswith(PRAGMA_PREFIXES):
                continue
            (row, col), (end_row, end_col) = token.start, token.end
            comments.append(
                Comment(line_offsets[row - 1] + col, line_offsets[end_row - 1] + end_col, text)
            )
    except (tokenize.TokenError, SyntaxError):
        return ()
    return tuple(comments)


def translate_comments(code: str, translations: dict[str, str]) -> str:
    """``code`` with each comment found in ``translations`` replaced."""
    pieces, position = [], 0
    for comment in find_comments(code):
        translated = translations.get(comment.text)
        if translated is None:
            continue
        pieces.append(code[position : comment.start])
        pieces.append("# " + " ".join(translated.split()))
        position = comment.end
    pieces.append(code[position:])
    return "".join(pieces)


class commented_code(PerMessageTranslatable, nodes.literal_block):
    """A Python code block whose comments are translatable messages.

    Writers handle it as the ``literal_block`` it extends (Sphinx dispatches
    visitors along the class hierarchy).
    """

    def preserve_original_messages(self) -> None:
        self.setdefault("original_code", self.astext())

    def extract_original_messages(self) -> list[str]:
        return [c.text for c in find_comments(self["original_code"])]

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        translations = self.setdefault("comment_translations", {})
        translations[original_message] = translated_message
        code = translate_comments(self["original_code"], translations)
        self.rawsource = code  # the HTML writer highlights rawsource
        self[:] = [nodes.Text(code)]


class MakeCommentsTranslatable(SphinxTransform):
    """Turn every Python literal block with comments into ``commented_code``."""

    default_priority = 5  # before PreserveTranslatableMessages (10) and Locale (20)

    def apply(self, **kwargs) -> None:
        for node in list(self.document.findall(nodes.literal_block)):
            if isinstance(node, commented_code):
                continue
            if node.get("language") not in PYTHON_LANGUAGES:
                continue
            code = node.astext()
            if not find_comments(code):
                continue
            new = commented_code(code, code, **node.attributes)
            new["original_code"] = code
            new.source, new.line = node.source, node.line
            node.replace_self(new)


def setup(app: Sphinx) -> dict:
    app.add_transform(MakeCommentsTranslatable)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
