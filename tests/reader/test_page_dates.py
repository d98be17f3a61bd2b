"""Each page shows when it was created and last updated, from the git
history, not the build clock (extensions/page_dates.py, on top of
sphinx-last-updated-by-git): a page's dates cover its source and the files
it includes (examples, diagrams) and, in a translated edition, its own
catalog, where a commit that only moves `#:` location lines does not count.
A new commit rewrites only the pages whose dates it changes. A build outside
a git checkout shows no dates and no warning.

The history is written in a scratch copy of the project, one commit at a
time with fixed dates, and built with `make html` after each step: the first
build writes every page, the next ones only what each step changes."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from book import catalog
from conftest import PAGES, run_make
from html_pages import parsed_page
from project_copy import copy_project, pages_written

D0, D1, D2, D3, D4, D5 = "2024-01-02", "2024-02-03", "2024-03-04", "2024-04-05", "2024-05-06", "2024-06-07"
READ_AGAIN = ("queues", "pipes", "shared-memory")


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
            meta = parsed_page(site / language / f"{name}.html").select_one("p.page-meta")
            created, updated = meta.select_one(".page-created time"), meta.select_one(".page-updated time")
            shown[language, name] = (created and created["datetime"], updated and updated["datetime"])
    return shown


def build(repo: Path) -> dict:
    """`make html`; the dates the pages show and, per edition, the pages it
    wrote (Sphinx writes the search page at every build: left out)."""
    site = repo / "build/html"
    written = pages_written(site, lambda: run_make("html", cwd=repo))
    return {"dates": page_dates(site), "written": written}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> dict[str, dict]:
    """After each step of a small history, the dates the pages show and the
    pages written."""
    repo = copy_project(tmp_path_factory.mktemp("dates") / "project")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / ".git/info/exclude").write_text(".venv\n")
    steps = {}
    commit(repo, D0, "the chapter")
    steps["first commit"] = build(repo)
    # An author edits the English page (a comment: no message changes).
    source = repo / "source/queues.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n% An author's note.\n", encoding="utf-8")
    commit(repo, D1, "queues: source edited")
    steps["source edited"] = build(repo)
    # A translator edits the page's catalog: built before and after the commit.
    po = catalog("zh_CN", "queues", repo)
    edit(po, '先进先出。"', '先进先出（新译）。"')
    steps["catalog edited, not committed"] = build(repo)
    commit(repo, D2, "queues.po: a translation edited")
    steps["catalog edited"] = build(repo)
    # `make update-po` after an edit elsewhere: only location lines and the header move.
    po = catalog("zh_CN", "pipes", repo)
    text = po.read_text(encoding="utf-8")
    text = re.sub(r"^(#: source/pipes\.md:)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text, flags=re.M)
    text = re.sub(r'^"POT-Creation-Date: [^"]*"', r'"POT-Creation-Date: 2024-04-05 12:00+0000\\n"', text, flags=re.M)
    po.write_text(text, encoding="utf-8")
    commit(repo, D3, "pipes.po: locations moved")
    steps["locations moved"] = build(repo)
    # A diagram the shared-memory page includes.
    diagram = repo / "source/diagrams/shared-memory-block.dot"
    diagram.write_text(diagram.read_text(encoding="utf-8") + "// edited\n", encoding="utf-8")
    commit(repo, D4, "a diagram edited")
    steps["diagram edited"] = build(repo)
    # A file no page includes.
    readme = repo / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nA note.\n", encoding="utf-8")
    commit(repo, D5, "README edited")
    steps["README edited"] = build(repo)
    # Saved again unchanged, not committed: the pages whose dates come from
    # each kind of file (source, catalog, included diagram) are read again.
    for name in READ_AGAIN:
        page = repo / f"source/{name}.md"
        page.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    steps["pages read again"] = build(repo)
    return steps


def dates(history, step: str) -> dict:
    return history[step]["dates"]


def test_dates_come_from_the_commits(history):
    assert set(dates(history, "first commit").values()) == {(D0, D0)}


def test_a_source_edit_moves_the_pages_date_in_every_edition(history):
    shown = dates(history, "source edited")
    assert shown["en", "queues"] == shown["zh_CN", "queues"] == (D0, D1)
    assert shown["en", "pipes"] == shown["zh_CN", "pipes"] == (D0, D0)


def test_a_catalog_edit_moves_only_the_translated_pages_date_once_committed(history):
    assert dates(history, "catalog edited, not committed")["zh_CN", "queues"] == (D0, D1)  # not the build clock
    shown = dates(history, "catalog edited")
    assert shown["zh_CN", "queues"] == (D0, D2)
    assert shown["en", "queues"] == (D0, D1)
    assert {shown[key] for key in shown if key[1] != "queues"} == {(D0, D0)}


def test_a_commit_that_only_moves_location_lines_does_not_count(history):
    assert dates(history, "locations moved")["zh_CN", "pipes"] == (D0, D0)


def test_an_included_diagram_moves_its_pages_date(history):
    shown = dates(history, "diagram edited")
    assert shown["en", "shared-memory"] == shown["zh_CN", "shared-memory"] == (D0, D4)
    assert shown["zh_CN", "queues"] == (D0, D2) and shown["en", "pipes"] == (D0, D0)


def test_pages_read_again_keep_their_dates(history):
    assert history["pages read again"]["written"] == {"en": set(READ_AGAIN), "zh_CN": set(READ_AGAIN)}
    assert dates(history, "pages read again") == dates(history, "diagram edited")


def test_a_commit_rewrites_only_the_pages_whose_files_it_changes_in_each_edition(history):
    assert history["source edited"]["written"] == {"en": {"queues"}, "zh_CN": {"queues"}}
    assert history["diagram edited"]["written"] == {"en": {"shared-memory"}, "zh_CN": {"shared-memory"}}
    # Built before the commit: the commit changes only the Chinese page's date.
    assert history["catalog edited"]["written"] == {"zh_CN": {"queues"}}


def test_a_commit_that_changes_nothing_a_page_shows_rewrites_no_page(history):
    assert history["README edited"]["written"] == {}
    assert dates(history, "README edited") == dates(history, "diagram edited")


def test_a_build_outside_a_git_checkout_shows_no_dates_and_no_warning(built_copy: Path):
    # The shared copy is outside git, and was built from nothing with -n -W
    # (a warning fails the build); a page read again warns no more.
    assert not (built_copy / ".git").exists()
    source = built_copy / "source/queues.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n% An author's note.\n", encoding="utf-8")
    builds = []
    written = pages_written(built_copy / "build/html",
                            lambda: builds.append(run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)))
    assert written == {"zh_CN": {"queues"}}
    assert "WARNING" not in builds[0].stdout + builds[0].stderr
    for name in PAGES:
        page = parsed_page(built_copy / f"build/html/zh_CN/{name}.html")
        meta = " ".join(page.select_one("p.page-meta").get_text().split())
        assert re.fullmatch(r"约 \d+ 字 · 约 \d+ 分钟", meta), (name, meta)
