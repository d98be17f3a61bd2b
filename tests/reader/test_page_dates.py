"""Each page shows when it was created and last updated, from the git
history, not the build clock (extensions/page_dates.py, on top of
sphinx-last-updated-by-git): a page's dates cover its source and the files
it includes (examples, diagrams) and, in a translated edition, its own
catalog, where a commit that only moves `#:` location lines does not count.
A build outside a git checkout shows no dates and no warning.

The history is written in a scratch copy of the project, one commit at a
time with fixed dates, and built with `make html` after each step."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PAGES, run_make
from project_copy import copy_project

D0, D1, D2, D3, D4 = "2024-01-02", "2024-02-03", "2024-03-04", "2024-04-05", "2024-05-06"


def commit(repo: Path, day: str, message: str) -> None:
    when = f"{day}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.org",
           "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.org"}
    subprocess.run(["git", "add", "-A", "."], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", message], cwd=repo, check=True, env=env)


def page_dates(site: Path) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """(language, page) -> (created, updated), as the pages show them."""
    shown = {}
    for language in ("en", "zh_CN"):
        for name in PAGES:
            meta = BeautifulSoup((site / language / f"{name}.html").read_text(encoding="utf-8"),
                                 "html.parser").select_one("p.page-meta")
            created, updated = meta.select_one(".page-created time"), meta.select_one(".page-updated time")
            shown[language, name] = (created and created["datetime"], updated and updated["datetime"])
    return shown


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict[str, dict]:
    """The pages' dates after each step of a small history."""
    repo = copy_project(tmp_path_factory.mktemp("dates") / "project")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / ".git/info/exclude").write_text(".venv\n")
    site, steps = repo / "build/html", {}
    commit(repo, D0, "the chapter")
    run_make("html", cwd=repo)
    steps["first commit"] = page_dates(site)
    # An author edits the English page (a comment: no message changes).
    source = repo / "source/queues.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n% An author's note.\n", encoding="utf-8")
    commit(repo, D1, "queues: source edited")
    run_make("html", cwd=repo)
    steps["source edited"] = page_dates(site)
    # A translator edits the page's catalog: built before and after the commit.
    po = repo / "locale/zh_CN/LC_MESSAGES/queues.po"
    edit(po, 'msgstr "队列"', 'msgstr "队列（新译）"')
    run_make("html", cwd=repo)
    steps["catalog edited, not committed"] = page_dates(site)
    commit(repo, D2, "queues.po: a translation edited")
    run_make("html", cwd=repo)
    steps["catalog edited"] = page_dates(site)
    # `make update-po` after an edit elsewhere: only location lines and the header move.
    po = repo / "locale/zh_CN/LC_MESSAGES/pipes.po"
    text = po.read_text(encoding="utf-8")
    text = re.sub(r"^(#: source/pipes\.md:)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text, flags=re.M)
    text = re.sub(r'^"POT-Creation-Date: [^"]*"', r'"POT-Creation-Date: 2024-04-05 12:00+0000\\n"', text, flags=re.M)
    po.write_text(text, encoding="utf-8")
    commit(repo, D3, "pipes.po: locations moved")
    run_make("html", cwd=repo)
    steps["locations moved"] = page_dates(site)
    # A diagram the shared-memory page includes.
    diagram = repo / "source/diagrams/shared-memory-block.dot"
    diagram.write_text(diagram.read_text(encoding="utf-8") + "// edited\n", encoding="utf-8")
    commit(repo, D4, "a diagram edited")
    run_make("html", cwd=repo)
    steps["diagram edited"] = page_dates(site)
    # An extension edited, not committed: every page is read again (untracked_inputs).
    module = repo / "extensions/reading_time.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    run_make("html", cwd=repo)
    steps["every page read again"] = page_dates(site)
    return steps


def test_dates_come_from_the_commits(history):
    assert set(history["first commit"].values()) == {(D0, D0)}


def test_a_source_edit_moves_the_pages_date_in_every_edition(history):
    dates = history["source edited"]
    assert dates["en", "queues"] == dates["zh_CN", "queues"] == (D0, D1)
    assert dates["en", "pipes"] == dates["zh_CN", "pipes"] == (D0, D0)


def test_a_catalog_edit_moves_only_the_translated_pages_date_once_committed(history):
    assert history["catalog edited, not committed"]["zh_CN", "queues"] == (D0, D1)  # not the build clock
    dates = history["catalog edited"]
    assert dates["zh_CN", "queues"] == (D0, D2)
    assert dates["en", "queues"] == (D0, D1)
    assert {dates[key] for key in dates if key[1] != "queues"} == {(D0, D0)}


def test_a_commit_that_only_moves_location_lines_does_not_count(history):
    assert history["locations moved"]["zh_CN", "pipes"] == (D0, D0)


def test_an_included_diagram_moves_its_pages_date(history):
    dates = history["diagram edited"]
    assert dates["en", "shared-memory"] == dates["zh_CN", "shared-memory"] == (D0, D4)
    assert dates["zh_CN", "queues"] == (D0, D2) and dates["en", "pipes"] == (D0, D0)


def test_pages_read_again_keep_their_dates(history):
    assert history["every page read again"] == history["diagram edited"]


def test_a_build_outside_a_git_checkout_shows_no_dates_and_no_warning(project_copy: Path):
    assert not (project_copy / ".git").exists()
    built = run_make("html", "LANGUAGES=zh_CN", cwd=project_copy)  # -n -W: a warning fails it
    assert "WARNING" not in built.stdout + built.stderr
    page = BeautifulSoup((project_copy / "build/html/zh_CN/queues.html").read_text(encoding="utf-8"), "html.parser")
    meta = " ".join(page.select_one("p.page-meta").get_text().split())
    assert re.fullmatch(r"约 \d+ 字 · 约 \d+ 分钟", meta), meta
