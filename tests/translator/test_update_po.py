"""When the English changes, translators keep their work and see what changed."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib

import pytest

from book import catalog, translations
from catalogs import entry, set_translation
from conftest import PAGES, ROOT, run_make

PAGE_PO = catalog("zh_CN", "queues", Path())
OLD = "Any process may put into a queue, and any process may get from it."
NEW = "Any process may put into a queue, and any other process may get from it."
PIPES_OLD = "By default the pipe is"
PIPES_NEW = "By default such a pipe is"


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "locale").rglob("*.po"))}


def edit_source(project: Path, old: str, new: str, page: str = "queues") -> None:
    path = project / "source" / f"{page}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def translated(built_copy: Path) -> Path:
    """The project copy with one more English paragraph, OLD, translated."""
    page = built_copy / "source" / "queues.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n{OLD}\n", encoding="utf-8")
    run_make("update-po", cwd=built_copy)
    set_translation(built_copy / PAGE_PO, OLD, "任何进程都可以向队列放入数据，任何进程也都可以从中取出数据。")
    return built_copy


def test_update_po_changes_nothing_on_an_up_to_date_tree(built_copy: Path):
    before = snapshot(built_copy)
    result = run_make("update-po", cwd=built_copy)
    assert snapshot(built_copy) == before
    assert "updated" not in result.stdout and "created" not in result.stdout


def test_an_edited_sentence_keeps_its_translation_as_fuzzy_showing_the_old_english(translated: Path):
    built_copy = translated
    translation = entry(built_copy / PAGE_PO, OLD).msgstr
    edit_source(built_copy, OLD, NEW)
    run_make("update-po", cwd=built_copy)
    text = (built_copy / PAGE_PO).read_text(encoding="utf-8")
    edited = entry(built_copy / PAGE_PO, NEW)
    assert edited.fuzzy
    assert edited.msgstr == translation  # kept, for the translator to review
    assert edited.previous_msgid == OLD  # shown as "#| msgid", what changed
    assert f'#| msgid "{OLD}"' in text
    # Progress is honest: the fuzzy entry is not counted as translated.
    stats = run_make("stats", cwd=built_copy).stdout
    done = len(polib.pofile(str(built_copy / PAGE_PO)).translated_entries())
    row = next(line for line in stats.splitlines() if line.startswith(str(PAGE_PO)))
    assert row.split()[1:] == [str(done), "1", "0", f"{100 * done / (done + 1):.1f}%"]
    # and the checks fail, naming the file, the line and the message.
    check = run_make("check-po", cwd=built_copy, check=False)
    assert check.returncode != 0
    line = text.split("\n").index(f'msgid "{NEW}"') + 2
    assert f"{PAGE_PO}:{line}: fuzzy:" in check.stderr
    assert NEW[:40] in check.stderr


def test_update_po_for_some_pages_leaves_the_other_catalogs_alone(built_copy: Path):
    # Two authors at work: the catalog of a page being rewritten is not merged
    # under its translator's feet when another page's catalog is updated.
    queues = built_copy / "source" / "queues.md"
    queues.write_text(queues.read_text(encoding="utf-8") + "\nA sentence added to queues.\n", encoding="utf-8")
    edit_source(built_copy, PIPES_OLD, PIPES_NEW, page="pipes")
    before = snapshot(built_copy)
    run_make("update-po", cwd=built_copy, PAGES="pipes")
    after = snapshot(built_copy)
    changed = {name for name in after if after[name] != before[name]}
    assert changed == {str(catalog("zh_CN", "pipes", Path()))}, changed
    assert "A sentence added to queues." not in (built_copy / PAGE_PO).read_text(encoding="utf-8")
    assert PIPES_NEW in catalog("zh_CN", "pipes", built_copy).read_text(encoding="utf-8")
    refused = run_make("update-po", cwd=built_copy, PAGES="no-such-page", check=False)
    assert refused.returncode != 0 and "no such page: no-such-page" in refused.stderr


def test_a_removed_paragraph_stays_as_an_obsolete_entry_with_its_translation(translated: Path):
    built_copy = translated
    translation = entry(built_copy / PAGE_PO, OLD).msgstr
    edit_source(built_copy, OLD + "\n", "")
    run_make("update-po", cwd=built_copy)
    obsolete = [e for e in polib.pofile(str(built_copy / PAGE_PO)).obsolete_entries() if e.msgid == OLD]
    assert obsolete and obsolete[0].msgstr == translation


def all_translations(po_path: Path) -> set[str]:
    """Every translation in a catalog: current, fuzzy or obsolete."""
    return {e.msgstr for e in polib.pofile(str(po_path)) if e.msgstr} | {
        e.msgstr for e in polib.pofile(str(po_path)).obsolete_entries() if e.msgstr}


def test_no_translation_is_ever_lost(translated: Path):
    built_copy = translated
    # A heavy rewrite, a removal, a new paragraph and a renamed heading, at once.
    before = all_translations(built_copy / PAGE_PO)
    edit_source(built_copy, OLD, "Any number of processes can share one queue, at either end.")
    edit_source(built_copy, "# Queues\n", "# Queues, and more\n\nA brand-new paragraph.\n")
    edit_source(built_copy, "(global-variables)=\n## Global variables are not shared", "(global-variables)=\n## Globals",
                page="processes")
    run_make("update-po", cwd=built_copy)
    assert before <= all_translations(built_copy / PAGE_PO)
    catalog = polib.pofile(str(built_copy / PAGE_PO))
    assert catalog.find("A brand-new paragraph.").msgstr == ""
    run_make("update-po", cwd=built_copy)  # and a second run changes nothing
    assert "updated" not in run_make("update-po", cwd=built_copy).stdout


def test_committed_catalogs_match_the_english_sources():
    # Fails when the English changed and `make update-po` was not run.
    run_make("gettext")
    templates = sorted((ROOT / "build" / "gettext").glob("*.pot"))
    assert {t.name for t in templates} == {f"{page}.pot" for page in PAGES} | {"sphinx.pot"}
    for language in translations():
        for template in templates:
            po = catalog(language, template.stem)
            assert po.exists(), f"{po} is missing: run `make update-po`"
            expected = {e.msgid for e in polib.pofile(str(template))}
            present = {e.msgid for e in polib.pofile(str(po)) if not e.obsolete}
            assert present == expected, (
                f"{po}: run `make update-po`; new in the sources: {sorted(expected - present)}, "
                f"gone: {sorted(present - expected)}"
            )


def test_check_po_reports_catalogs_older_than_the_sources(built_copy: Path):
    edit_source(built_copy, "# Queues\n", "# Queues, pipes\n")
    check = run_make("check-po", cwd=built_copy, check=False)
    assert check.returncode != 0
    assert f"{PAGE_PO}:1: out of date: 1 message(s) new in the sources, 1 gone; run `make update-po`" in check.stderr


def test_templates_are_the_same_at_every_extraction(built_copy: Path):
    # A template's date is SOURCE_DATE_EPOCH's (the last commit's), not now,
    # and its locations name the project's files, whoever wrote them.
    run_make("gettext", cwd=built_copy, SOURCE_DATE_EPOCH="1700000000")
    first = {p.name: p.read_bytes() for p in (built_copy / "build/gettext").glob("*.pot")}
    (built_copy / "build/gettext/.extracted").unlink()  # extract again, though nothing changed
    run_make("gettext", cwd=built_copy, SOURCE_DATE_EPOCH="1700000000")
    assert {p.name: p.read_bytes() for p in (built_copy / "build/gettext").glob("*.pot")} == first
    for name, content in first.items():
        text = content.decode("utf-8")
        assert '"POT-Creation-Date: 2023-11-14 22:13+0000\\n"' in text, name
        places = [place for line in text.splitlines() if line.startswith("#: ") for place in line[3:].split()]
        assert places, name
        for place in places:
            path, _, number = place.rpartition(":")
            assert (built_copy / path).is_file() and int(number) > 0, f"{name}: {place}"


def test_update_po_leaves_an_unreadable_catalog_as_it_is_and_names_the_line(built_copy: Path):
    po = built_copy / PAGE_PO
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index('msgid "Send data"') + 1
    lines[at] = 'msgstr "发送数据'  # the closing quote forgotten
    broken = "\n".join(lines).encode("utf-8")
    po.write_bytes(broken)
    edit_source(built_copy, "# Queues\n", "# Queues, pipes\n")  # something to merge
    result = run_make("update-po", cwd=built_copy, check=False)
    assert result.returncode != 0
    assert f"{PAGE_PO}:{at + 1}:" in result.stderr or f"{PAGE_PO}:{at + 2}:" in result.stderr, result.stderr
    assert po.read_bytes() == broken


def test_catalogs_use_the_one_wrapping_style(built_copy: Path):
    po = built_copy / PAGE_PO
    subprocess.run(["msgcat", "--width=40", "-o", str(po), str(po)], check=True)  # as Poedit might
    check = run_make("check-po", cwd=built_copy, check=False)
    assert check.returncode != 0 and f"{PAGE_PO}:" in check.stderr and "wrapping" in check.stderr
    run_make("update-po", cwd=built_copy)  # normalises it again

    def messages(path: Path) -> list[str]:  # the file but its POT-Creation-Date
        return [line for line in path.read_text(encoding="utf-8").splitlines() if "POT-Creation-Date" not in line]

    assert messages(built_copy / PAGE_PO) == messages(ROOT / PAGE_PO)
