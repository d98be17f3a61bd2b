"""Fixtures shared by every group of tests.

Tests drive the project through its Makefile, the same interface a person
uses, and check what it produced under build/.

`make test` runs them on every core (pytest-xdist): each worker process has
its own session fixtures, so the ones that build into the project's build/
(HTML, PDF, EPUB) take a lock; the first worker builds, the others find the
build up to date (make's own check) and wait only for it.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "extensions"))  # book: the editions, catalogs, glossary (one place)
from project_copy import copy_project  # noqa: E402


def pytest_configure(config: pytest.Config) -> None:
    """An API Sphinx deprecated, used in the tests' own process, is an error
    (as in every build: conf.py). The class names differ by stack: Sphinx
    8.2 has RemovedInSphinx90Warning and 10, Sphinx 9.2 10 and 11."""
    import sphinx.deprecation

    for name in dir(sphinx.deprecation):
        if name.startswith("RemovedInSphinx"):
            config.addinivalue_line("filterwarnings", f"error::sphinx.deprecation.{name}")


# One id for all the worker processes of one test run.
TEST_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())


@contextlib.contextmanager
def project_build_lock(cwd: Path, name: str = "build"):
    """One make at a time in the project's own build/ (scratch copies have their own)."""
    if cwd.resolve() != ROOT:
        yield
        return
    BUILD.mkdir(exist_ok=True)
    with open(BUILD / f".tests-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def run_make(*targets: str, cwd: Path = ROOT, check: bool = True, lock: bool = True,
             **env: str) -> subprocess.CompletedProcess:
    """Run ``make TARGETS`` in ``cwd``; on failure, fail the test with its output."""
    # The HTML, the PDFs and the EPUBs are separate outputs: one may build while another is read.
    name = targets[0] if targets and targets[0] in ("html", "pdf", "epub") else "build"
    with project_build_lock(cwd, name) if lock else contextlib.nullcontext():
        result = subprocess.run(
            ["make", "--no-print-directory", *targets],
            cwd=cwd,
            # English tool messages (msgfmt, msgmerge) whatever the machine's locale.
            env={**os.environ, "LC_ALL": "C.UTF-8", **env},
            capture_output=True,
            text=True,
        )
    if check and result.returncode != 0:
        pytest.fail(
            f"make {' '.join(targets)} exited {result.returncode}\n"
            f"--- stdout ---\n{result.stdout[-6000:]}\n--- stderr ---\n{result.stderr[-6000:]}"
        )
    return result


def run_make_once(target: str, lock: str | None = None, **env: str) -> None:
    """``make TARGET`` in the project, once per test run whatever the number
    of workers: for a target that always does its whole work (make dist
    starts from nothing)."""
    with project_build_lock(ROOT, lock or target):
        done = BUILD / f".tests-{target}.done"
        if done.exists() and done.read_text() == TEST_RUN:
            return
        done.unlink(missing_ok=True)
        run_make(target, lock=False, **env)
        done.write_text(TEST_RUN)


def chapter_pages() -> list[str]:
    """The book's pages in reading order: the opening page, then its toctree."""
    index = (ROOT / "source" / "index.md").read_text(encoding="utf-8")
    toctree = re.search(r"```\{toctree\}\n(.*?)```", index, re.S).group(1)
    return ["index"] + [line.strip() for line in toctree.splitlines() if line.strip() and not line.startswith(":")]


PAGES = chapter_pages()


# -- The order of the test files ---------------------------------------------------
# make test runs a file at a time on each core (xdist's loadfile, in the order
# collected: --no-loadscope-reorder). The files that took longest in the last
# run (pytest's cache) start first, so that the last ones to start are short
# and the cores finish together; with no record yet (a fresh clone), the files
# with most tests first, as xdist would order them.
FILE_SECONDS = "ipc-book/seconds-per-test-file"


def test_file(nodeid: str) -> str:
    return nodeid.split("::")[0]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    seconds = config.cache.get(FILE_SECONDS, {}) if config.pluginmanager.has_plugin("cacheprovider") else {}
    tests = Counter(test_file(item.nodeid) for item in items)

    def order(item: pytest.Item) -> tuple:
        name = test_file(item.nodeid)
        return -seconds.get(name, 0), -tests[name], name

    items.sort(key=order)  # stable: a file's tests keep their order


_seconds_this_run: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _seconds_this_run[test_file(report.nodeid)] += report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    if hasattr(config, "workerinput") or not config.pluginmanager.has_plugin("cacheprovider"):
        return  # a worker's share, or no cache: the run's own process records the whole
    if _seconds_this_run:
        recorded = config.cache.get(FILE_SECONDS, {})
        config.cache.set(FILE_SECONDS, {**recorded, **{name: round(value, 1) for name, value in _seconds_this_run.items()}})


def pytest_unconfigure(config: pytest.Config) -> None:
    # The pages the tests keep parsed (tests/html_pages.py) are trees of
    # cycles: the garbage collector would walk them all as the process exits,
    # seconds after the last test. Frozen, they are left to the exit.
    gc.freeze()


def pytest_addoption(parser: pytest.Parser):
    parser.addoption("--all-pythons", action="store_true",
                     help="run the examples on every supported CPython, not only this one (make test-all)")


@pytest.fixture(scope="session")
def html_site() -> Path:
    """The HTML of every edition, built once per session by ``make html``."""
    run_make("html")
    return BUILD / "html"


# The date of the commit being built, as the Makefile takes it; fixed here so
# that a commit made while the tests run does not change a rebuild's date.
BUILD_DATE = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "0"


@pytest.fixture(scope="session")
def pdfs(html_site: Path) -> Path:
    """Both PDFs (build/pdf/), built after the HTML (so each is also put beside
    its edition); make's own check, as for the HTML: XeLaTeX runs only when an
    input changed since the last build."""
    run_make("pdf")
    return BUILD / "pdf"


@pytest.fixture(scope="session")
def epubs(html_site: Path) -> dict[str, Path]:
    """Both EPUBs, built by `make epub` after the HTML (so each is also put
    beside its HTML edition)."""
    run_make("epub", SOURCE_DATE_EPOCH=BUILD_DATE)
    return {language: BUILD / "epub" / f"python-ipc-{language}.epub" for language in ("en", "zh_CN")}


def earlier_pdfs(project: Path, language: str) -> list[Path]:
    """An earlier build's PDF of ``language`` in ``project``, in build/pdf/ and
    beside the HTML edition, as old as the edition's last HTML build: a build
    that fails after an edit must not leave it to pass for the book as it is."""
    built = (project / "build/html" / language / ".built").stat().st_mtime_ns
    pdfs = [project / "build/pdf" / f"python-ipc-{language}.pdf",
            project / "build/html" / language / f"python-ipc-{language}.pdf"]
    for pdf in pdfs:
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(b"%PDF-1.5 an earlier build's\n")
        os.utime(pdf, ns=(built, built))
    return pdfs


@pytest.fixture(scope="session")
def clean_build() -> Path:
    """`make dist`: every edition's HTML, PDF and EPUB built from nothing in a
    directory of its own (build/dist-build), and the archive to host. The
    reproducibility tests compare it with the session's builds under build/.
    A second build of the whole book: the tests that use it are marked
    `whole_rebuild`, which `make test` leaves to `make test-all` (CI)."""
    run_make_once("dist", lock="dist")
    return BUILD / "dist-build"


# Never part of a copy's state: the shared venvs (symlinks) and bytecode.
NOT_COPY_STATE = {".venv", ".venv-py313", "__pycache__"}
# Kept as a test left them: results stored under a key of everything they
# depend on (tools/check_po.py), which a later test may use as a person's
# later run would.
KEPT_ACROSS_TESTS = {Path("build/check-po.json")}


def copy_state(project: Path) -> dict[Path, tuple[bytes, int] | str | None]:
    """Every file of a scratch copy, sources and build outputs alike, with its
    bytes and modification time (make and Sphinx decide what is out of date
    by both); every folder, as None; every symbolic link, as its target."""
    state: dict[Path, tuple[bytes, int] | str | None] = {}
    for folder, subfolders, files in os.walk(project):
        subfolders[:] = [name for name in subfolders if name not in NOT_COPY_STATE]
        state[Path(folder)] = None
        for name in files + subfolders:
            path = Path(folder, name)
            if path.relative_to(project) in KEPT_ACROSS_TESTS:
                continue
            if path.is_symlink():
                state[path] = os.readlink(path)
            elif name in files:
                state[path] = (path.read_bytes(), path.stat().st_mtime_ns)
    return state


def restore_state(project: Path, state: dict[Path, tuple[bytes, int] | str | None]) -> None:
    """Put the copy back as ``copy_state`` saw it: what a test added is
    deleted, what it changed or deleted is written again, and every
    modification time is restored."""
    now = copy_state(project)
    # Added, or of another kind (a folder is None, a link its target, a file its bytes and time).
    gone = {path for path, saved in now.items() if path not in state or type(saved) is not type(state[path])}
    for path in sorted(gone, key=lambda path: len(path.parts), reverse=True):  # a folder's files first
        shutil.rmtree(path) if now[path] is None else path.unlink()
    for path, saved in state.items():
        if path in now and path not in gone and now[path] == saved:
            continue
        if saved is None:
            path.mkdir(parents=True, exist_ok=True)
        elif isinstance(saved, str):
            path.unlink(missing_ok=True)
            path.symlink_to(saved)
        else:
            data, mtime = saved
            if path in gone or now.get(path, (None,))[0] != data:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            os.utime(path, ns=(mtime, mtime))


@pytest.fixture(scope="session")
def _built_project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    run_make("html", "gettext", cwd=project)  # the editions, and the templates check-po and update-po read
    return project, copy_state(project)


@pytest.fixture
def built_copy(_built_project: tuple[Path, dict]) -> Iterator[Path]:
    """A scratch copy of the project with both editions' HTML and the message
    templates built, shared by the tests that edit and build again (a copy
    built from nothing for each would cost a cold build each). After each test the copy is put back
    exactly as it was once built, build outputs and modification times
    included: the next test starts from a built book with nothing out of
    date, as if it had its own. (The live preview compiles the catalogs
    itself, out of make's sight: its tests take a copy of their own.)"""
    project, state = _built_project
    yield project
    restore_state(project, state)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A scratch copy of the project (sources, catalogs, tools; no build/),
    for tests that edit files the way an author or translator would."""
    return copy_project(tmp_path / "project")
