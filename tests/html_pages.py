"""Built pages, parsed once per test process.

Most tests read the same pages of the same build, and parsing one with
BeautifulSoup (html.parser) costs 50 to 150 ms: a thousand parses made
about a seventh of `make test`'s CPU time. A text parsed before is handed
out again, shared: read it, never change it. A test that changes the tree
(``decompose``) asks for its own copy with ``page_to_edit``; a shared tree
found changed fails the test that asks for it next.
"""

from __future__ import annotations

import copy
from collections import OrderedDict
from pathlib import Path

from bs4 import BeautifulSoup

# Trees kept, the most recently used (a parsed page takes a few MB).
KEPT = 48
_trees: OrderedDict[str, tuple[BeautifulSoup, int]] = OrderedDict()


def parsed(text: str) -> BeautifulSoup:
    """``text`` as html.parser parses it; shared: do not change it."""
    if (kept := _trees.get(text)) is not None:
        tree, elements = kept
        assert len(tree.find_all(True)) == elements, (
            "a test changed a shared parsed page: it must take its own with page_to_edit()")
        _trees.move_to_end(text)
        return tree
    tree = BeautifulSoup(text, "html.parser")
    _trees[text] = (tree, len(tree.find_all(True)))
    while len(_trees) > KEPT:
        _trees.popitem(last=False)
    return tree


def parsed_page(path: Path) -> BeautifulSoup:
    """The HTML file at ``path``, parsed; shared: do not change it."""
    return parsed(path.read_text(encoding="utf-8"))


def page_to_edit(path: Path) -> BeautifulSoup:
    """The HTML file at ``path``, parsed, as a tree of the caller's own."""
    return copy.copy(parsed_page(path))
