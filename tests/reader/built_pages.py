"""Read what readers get: code, outputs and diagrams from the built HTML."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

from bs4 import BeautifulSoup


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def shown_listings(page: Path) -> list[tuple[str, str]]:
    """(code, documented output) pairs, in page order, as the page shows them."""
    document = soup(page)
    codes = [pre.get_text() for pre in document.select("div.highlight-python pre")]
    outputs = [pre.get_text() for pre in document.select("div.output pre")]
    assert len(codes) == len(outputs), f"{page}: {len(codes)} listings but {len(outputs)} outputs"
    return list(zip(codes, outputs))


def split_comments(code: str) -> tuple[list[tuple[int, str]], list[str]]:
    """The code's tokens other than comments (with their lines' layout
    irrelevant), and its comments' texts."""
    tokens, comments = [], []
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            comments.append(token.string[1:].strip())
        elif token.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT):
            tokens.append((token.start[0], token.string))
        else:
            tokens.append((token.start[0], token.type))
    return tokens, comments


def is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
