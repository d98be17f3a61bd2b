"""A scratch copy of the project: its tracked (and new, unignored) files,
without build products, sharing the installed venvs (.venv, .venv-py313). Used by the tests and
the benchmark, which edit files and build without touching the work tree."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_project(target: Path) -> Path:
    files = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    for venv in sorted(ROOT.glob(".venv*")):  # each stack's (.venv: Sphinx 8.2, .venv-py313: 9.2)
        if (venv / "bin").is_dir():
            (target / venv.name).symlink_to(venv)
    return target


def pages_written(site: Path, build) -> dict[str, set[str]]:
    """Call ``build()``; per edition under ``site`` (build/html), the pages it
    wrote. Sphinx writes the search page at every build: left out."""
    pages = lambda: {page: page.stat().st_mtime_ns for page in site.glob("*/*.html")}  # noqa: E731
    before = pages()
    build()
    written: dict[str, set[str]] = {}
    for page, mtime in pages().items():
        if before.get(page) != mtime and page.name != "search.html":
            written.setdefault(page.parent.name, set()).add(page.stem)
    return written
