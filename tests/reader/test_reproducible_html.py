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
    assert different_files(session, clean) == []


def different_files(built: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    """Files that differ, that only the clean build has, or that only the
    other build has (a stale file an incremental build left)."""
    return sorted(name for name in built.keys() | clean.keys() if built.get(name) != clean.get(name))


def test_a_stale_file_counts_as_a_difference():
    clean = {"en/index.html": b"page", "en/_images/graphviz-1.svg": b"<svg/>"}
    assert different_files(clean, dict(clean)) == []
    assert different_files({**clean, "en/_images/graphviz-0.svg": b"<svg/>"}, clean) == ["en/_images/graphviz-0.svg"]
    assert different_files({"en/index.html": b"page"}, clean) == ["en/_images/graphviz-1.svg"]
    assert different_files({**clean, "en/index.html": b"other"}, clean) == ["en/index.html"]
