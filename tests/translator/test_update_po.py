"""When the English changes, translators keep their work and see what changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

from catalogs import entry
from conftest import ROOT, run_make

INDEX_PO = Path("locale/zh_CN/LC_MESSAGES/index.po")
OLD = "A queue can have any number of producers and consumers."
NEW = "A queue can have any number of producers and of consumers."


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "locale").rglob("*.po"))}


def edit_source(project: Path, old: str, new: str) -> None:
    page = project / "source" / "index.md"
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def test_update_po_changes_nothing_on_an_up_to_date_tree(project_copy: Path):
    before = snapshot(project_copy)
    result = run_make("update-po", cwd=project_copy)
    assert snapshot(project_copy) == before
    assert "updated" not in result.stdout and "created" not in result.stdout


def test_an_edited_sentence_keeps_its_translation_as_fuzzy_showing_the_old_english(project_copy: Path):
    translation = entry(project_copy / INDEX_PO, OLD).msgstr
    edit_source(project_copy, OLD, NEW)
    run_make("update-po", cwd=project_copy)
    text = (project_copy / INDEX_PO).read_text(encoding="utf-8")
    edited = entry(project_copy / INDEX_PO, NEW)
    assert edited.fuzzy
    assert edited.msgstr == translation  # kept, for the translator to review
    assert edited.previous_msgid == OLD  # shown as "#| msgid", what changed
    assert f'#| msgid "{OLD}"' in text
    # Progress is honest: the fuzzy entry is not counted as translated.
    stats = run_make("stats", cwd=project_copy).stdout
    row = next(line for line in stats.splitlines() if line.startswith(str(INDEX_PO)))
    assert row.split()[1:] == ["58", "1", "0", "98.3%"]
    # and the checks fail, naming the file, the line and the message.
    check = run_make("check-po", cwd=project_copy, check=False)
    assert check.returncode != 0
    line = text.split("\n").index(f'msgid "{NEW}"') + 2
    assert f"{INDEX_PO}:{line}: fuzzy:" in check.stderr
    assert NEW[:40] in check.stderr


def test_a_removed_paragraph_stays_as_an_obsolete_entry_with_its_translation(project_copy: Path):
    translation = entry(project_copy / INDEX_PO, OLD).msgstr
    edit_source(project_copy, OLD + "\n", "")
    run_make("update-po", cwd=project_copy)
    obsolete = [e for e in polib.pofile(str(project_copy / INDEX_PO)).obsolete_entries() if e.msgid == OLD]
    assert obsolete and obsolete[0].msgstr == translation


def test_committed_catalogs_match_the_english_sources():
    # Fails when the English changed and `make update-po` was not run.
    run_make("gettext")
    for template in sorted((ROOT / "build" / "gettext").glob("*.pot")):
        catalog = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / template.with_suffix(".po").name
        expected = {e.msgid for e in polib.pofile(str(template))}
        present = {e.msgid for e in polib.pofile(str(catalog)) if not e.obsolete}
        assert present == expected, f"{catalog}: run `make update-po`"


def test_catalogs_use_the_one_wrapping_style(project_copy: Path):
    po = project_copy / INDEX_PO
    subprocess.run(["msgcat", "--width=40", "-o", str(po), str(po)], check=True)  # as Poedit might
    check = run_make("check-po", cwd=project_copy, check=False)
    assert check.returncode != 0 and f"{INDEX_PO}:" in check.stderr and "wrapping" in check.stderr
    run_make("update-po", cwd=project_copy)  # normalises it again

    def messages(path: Path) -> list[str]:  # the file but its POT-Creation-Date
        return [line for line in path.read_text(encoding="utf-8").splitlines() if "POT-Creation-Date" not in line]

    assert messages(project_copy / INDEX_PO) == messages(ROOT / INDEX_PO)
