"""Every input of the book that Sphinx does not track is declared once, in
untracked-inputs.txt, and editing any of them, then `make html`, gives the
output of a clean build: byte for byte, no file more and no file less."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from book import glossary_path
from catalogs import EDIT_MARK, edit_extension
from conftest import PAGES, ROOT, run_make
from project_copy import pages_written

sys.path.insert(0, str(ROOT / "extensions"))
from untracked_inputs import declared_patterns  # noqa: E402

LANGUAGE = "zh_CN"  # the edition every declared input shows in
MARK = EDIT_MARK  # a translator's edit, as the other translator tests make it


def edit_editions(path: Path) -> None:
    # The edition's author: on every page (copyright), in its metadata.
    text = path.read_text(encoding="utf-8")
    author = 'author = "Python 教程作者"'
    assert author in text
    path.write_text(text.replace(author, f'author = "Python 教程作者{MARK}"'), encoding="utf-8")


def edit_theme_catalog(path: Path) -> None:
    # Every translation of the theme's catalog, as a translator's editor saves it.
    catalog = polib.pofile(str(path), wrapwidth=0)
    for entry in catalog:
        if entry.msgstr:
            entry.msgstr += MARK
    catalog.save(str(path))


def edit_glossary(path: Path) -> None:
    # A term more: jieba keeps it whole, so the search index has it.
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    rows += [["worker process|worker processes", "工作进程", ""]]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


EDITS = {
    "extensions/*.py": edit_extension,
    "languages.toml": edit_editions,
    "locale/{language}/LC_MESSAGES/sphinx.po": edit_theme_catalog,
    "locale/{language}/glossary.csv": edit_glossary,
}


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix not in (".pdf", ".epub")}


def different_files(built: dict[str, bytes], clean: dict[str, bytes]) -> list[str]:
    return sorted(name for name in built.keys() | clean.keys() if built.get(name) != clean.get(name))


def test_every_declared_input_has_an_edit_here_and_the_known_ones_are_declared():
    assert sorted(declared_patterns()) == sorted(EDITS)


@pytest.mark.parametrize("pattern", sorted(EDITS))
def test_editing_a_declared_input_then_make_html_gives_a_clean_builds_output(built_copy: Path, pattern: str):
    files = sorted(built_copy.glob(pattern.replace("{language}", LANGUAGE)))
    assert files, pattern
    run_make("html", f"LANGUAGES={LANGUAGE}", cwd=built_copy)  # up to date with the project's files
    before = tree(built_copy / "build/html" / LANGUAGE)

    EDITS[pattern](files[0])
    run_make("html", f"LANGUAGES={LANGUAGE}", cwd=built_copy)  # incremental
    # A clean build of the same files, in a build directory of its own.
    run_make("html", f"LANGUAGES={LANGUAGE}", "BUILD=build/clean", cwd=built_copy)
    built = tree(built_copy / "build/html" / LANGUAGE)
    clean = tree(built_copy / "build/clean/html" / LANGUAGE)

    assert different_files(before, clean), f"editing {files[0].name} changes nothing a reader gets"
    assert different_files(built, clean) == []


# A build set up before an input changed (as the live preview sets its next
# build up in advance), which then builds: it used the old input, so the build
# after it must still read every page again.
SET_UP_THEN_EDITED = """
import sys
from pathlib import Path
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

root, edit, glossary = Path.cwd(), sys.argv[1] == "edit", Path(sys.argv[2])
with patch_docutils(root), docutils_namespace():
    app = Sphinx(root / "source", root, root / "build/html/zh_CN", root / "build/doctrees/html-zh_CN", "html",
                 confoverrides={"language": "zh_CN", "nitpicky": True}, status=None, warning=sys.stderr)
    if edit:
        glossary.write_text(glossary.read_text(encoding="utf-8") + "worker pool,工作进程池,\\n", encoding="utf-8")
    app.build()
"""


@pytest.mark.parametrize("edited", [False, True], ids=["unchanged", "edited after set-up"])
def test_an_input_edited_while_a_build_runs_is_seen_by_the_next_build(built_copy: Path, edited: bool):
    run_make("html", f"LANGUAGES={LANGUAGE}", cwd=built_copy)
    script = subprocess.run([sys.executable, "-c", SET_UP_THEN_EDITED, "edit" if edited else "keep",
                             str(glossary_path(LANGUAGE, built_copy))],
                            cwd=built_copy, capture_output=True, text=True)
    assert script.returncode == 0, script.stderr
    written = pages_written(built_copy / "build/html", lambda: run_make("html", f"LANGUAGES={LANGUAGE}", cwd=built_copy))
    # Unchanged: the script's build is make's own (nothing to read again, so
    # what the edit makes read again below is the edit's doing).
    assert written.get(LANGUAGE, set()) == (set(PAGES) if edited else set())
