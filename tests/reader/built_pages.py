"""Read what readers get: code, outputs and diagrams from the built HTML."""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

from html_pages import parsed_page


def shown_listings(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(code, documented outputs) pairs, in page order, as the page shows them:
    a listing's outputs are the output blocks after it (one, or one for each
    group of versions that prints something else)."""
    listings: list[tuple[str, list[str]]] = []
    for block in parsed_page(path).select("div.highlight-python, div.output"):
        text = block.select_one("pre").get_text()
        if "output" in block["class"]:
            assert listings, f"{path}: an output before any listing"
            listings[-1][1].append(text)
        else:
            listings.append((text, []))
    for code, outputs in listings:
        assert outputs, f"{path}: a listing without its output: {code[:60]!r}"
    return [(code, tuple(outputs)) for code, outputs in listings]


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
