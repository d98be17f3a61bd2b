"""Two builds of the same commit are byte-identical, so a reviewer can
trust a diff of the output."""

from __future__ import annotations

from pathlib import Path

import pytest


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix not in (".pdf", ".epub")  # compared by their own tests
            and p.name != ".nojekyll"}  # make dist's, for GitHub Pages


@pytest.mark.whole_rebuild
def test_two_html_builds_are_byte_identical(html_site: Path, clean_build: Path):
    # make dist's HTML, built from nothing in a directory of its own, and the
    # session's (on a fresh checkout also built from nothing; on a working
    # copy, the result of incremental builds, which must not differ either).
    clean, session = tree(clean_build / "html"), tree(html_site)
    assert any(name.startswith("zh_CN/") for name in clean)
    assert [name for name in clean if session.get(name) != clean[name]] == []
