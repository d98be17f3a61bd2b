"""The dates a page was created and last updated, from the git history.

The "last updated" date is sphinx-last-updated-by-git's: the newest author
date among the commits that changed the page's source or a file it includes
(examples, diagrams, the chart's data). This extension adds what that
extension lacks:

* **the catalog**: in a translated edition, the page's own catalog
  (``locale/<lang>/LC_MESSAGES/<page>.po``) counts too, so an edit to
  ``zh_CN/.../queues.po`` moves the Chinese page's date and not the English
  one. A commit whose only change to the catalog is in ``#:`` location lines
  or the ``POT-Creation-Date`` header (what ``make update-po`` writes after
  an edit elsewhere in the page) does not count;
* **the creation date**: the author date of the commit that added the
  page's source;
* **a new commit without an edit**: when ``HEAD`` moved since the last
  build, every page's dates are computed again, and the pages whose dates
  changed are written again (only those: a commit that changes one page's
  files rewrites that page, one that changes nothing a page shows, none);
* **no git**: outside a git checkout (an unpacked source archive) the
  build shows no dates, without a warning (that extension would warn, which
  fails ``-W``).

Dates are shown as ISO dates (UTC), ``2026-11-25``: from git, never from the
build clock or the working tree (an edit counts once committed), so two
builds of one commit are byte-identical. The theme reads
``page_created`` and ``page_updated`` (``None`` when unknown).
"""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

from book import catalog, is_translation

IGNORED_CATALOG_LINES = ("#:", '"POT-Creation-Date:')


def git(cwd: Path | str, *args: str) -> str | None:
    """git's output, or None when git or the checkout is missing."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return result.stdout if result.returncode == 0 else None


def git_top(srcdir: Path | str) -> Path | None:
    top = git(srcdir, "rev-parse", "--show-toplevel")
    return Path(top.strip()) if top else None


def catalog_path(app: Sphinx, docname: str) -> Path | None:
    if not is_translation(app.config.language):
        return None  # the source language has no catalogs
    path = catalog(app.config.language, docname)
    return path.resolve() if path.exists() else None


def catalog_dates(top: Path, files: list[str]) -> dict[str, int]:
    """Per catalog, the author time of the newest commit that changed it in
    more than its location lines."""
    log = git(top, "log", "-p", "--unified=0", "--no-color", "--no-renames", "--format=%x00%at", "--", *files) or ""
    dates: dict[str, int] = {}
    when, current = 0, None
    for line in log.splitlines():
        if line.startswith("\0"):
            when, current = int(line[1:]), None
        elif line.startswith("diff --git "):
            current = line.split(" b/", 1)[1]
        elif current and line[:1] in "+-" and not line.startswith(("+++ ", "--- ")):
            if not line[1:].startswith(IGNORED_CATALOG_LINES):
                dates[current] = max(dates.get(current, 0), when)
    return dates


def creation_dates(top: Path, files: list[str]) -> dict[str, int]:
    log = git(top, "log", "--diff-filter=A", "--no-renames", "--name-only", "--format=%x00%at", "--", *files) or ""
    dates: dict[str, int] = {}
    when = 0
    for line in log.splitlines():
        if line.startswith("\0"):
            when = int(line[1:])
        elif line:
            dates[line] = min(dates.get(line, when), when)
    return dates


def configure(app: Sphinx, config: Config) -> None:
    if hasattr(config, "git_last_updated_metatags"):
        config.git_last_updated_metatags = False  # the theme shows the dates itself


def note_outdated(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    """When HEAD moved, every page's dates are computed again; the dates the
    written pages show are kept to compare with. (A page read again has lost
    its dates already, in ``purge``.)"""
    head = (git(app.srcdir, "rev-parse", "HEAD") or "").strip() or None
    last = getattr(env, "page_dates_head", None)
    env.page_dates_head = head
    if not hasattr(env, "page_dates"):
        env.page_dates = {}
    app.page_dates_shown = None
    if last is not None and head != last:
        app.page_dates_shown, env.page_dates = env.page_dates, {}
        for docname in getattr(env, "git_last_updated", {}):
            # Internal (extensions/internals.py): the plugin's env.git_last_updated; it has no API
            # to compute one page again.
            env.git_last_updated[docname] = None  # sphinx-last-updated-by-git computes it again
    return []


def compute_dates(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """After sphinx-last-updated-by-git (``env-updated``, priority 500): add
    the catalog and the creation date. When HEAD moved: the pages whose dates
    changed, to be written again."""
    pending = sorted(set(env.found_docs) - set(env.page_dates))
    top = git_top(app.srcdir)
    if not pending or top is None:
        return []
    sources = {doc: Path(env.doc2path(doc)).resolve().relative_to(top).as_posix() for doc in pending}
    catalogs = {doc: path.relative_to(top).as_posix() for doc in pending if (path := catalog_path(app, doc))}
    created = creation_dates(top, sorted(set(sources.values())))
    translated = catalog_dates(top, sorted(set(catalogs.values()))) if catalogs else {}
    for doc in pending:
        data = getattr(env, "git_last_updated", {}).get(doc)
        updated = [int(data[0])] if data and data[0] is not None else []
        if doc in catalogs and catalogs[doc] in translated:
            updated.append(translated[catalogs[doc]])
        env.page_dates[doc] = (created.get(sources[doc]), max(updated) if updated else None)
    shown = getattr(app, "page_dates_shown", None)
    return [] if shown is None else [doc for doc in pending if shown.get(doc) != env.page_dates[doc]]


def purge(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    """A page read again (for whatever reason) gets its dates computed again."""
    getattr(env, "page_dates", {}).pop(docname, None)


def iso_date(timestamp: int | None) -> str | None:
    return None if timestamp is None else datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%d")


def add_to_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    created, updated = getattr(app.env, "page_dates", {}).get(pagename, (None, None))
    context["page_created"], context["page_updated"] = iso_date(created), iso_date(updated)
    context["last_updated"] = None  # shown by the theme with the creation date, not in the footer


def setup(app: Sphinx) -> dict:
    if git_top(app.srcdir) is not None:
        app.setup_extension("sphinx_last_updated_by_git")
    app.connect("config-inited", configure)
    app.connect("env-get-outdated", note_outdated)
    app.connect("env-updated", compute_dates, priority=600)
    app.connect("env-purge-doc", purge)
    app.connect("html-page-context", add_to_context, priority=600)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
