"""Measure build and test speed; print medians and the ratios the README states.

    python tools/bench.py [--runs 5] [--skip examples,test,pdf,scaling]   (or: make bench)

Everything runs in scratch copies of the project (its tracked files, sharing
.venv and the installed axe-core), so nothing in the working tree is touched.
Timings are wall-clock medians of --runs repetitions; the ratios compare
figures taken in this same run, on this same machine, so they hold across
machines better than seconds do. jieba's dictionary cache is warm, as on any
machine that has built once.

What is measured (the numbers are those of the issue "Fast at chapter size"):

1-3. cold `make html` (both editions), one bare `sphinx-build` per edition,
     a no-op `make html`;
4-5. one `.po` message, then one English paragraph, edited: `make html`,
     and which pages each edition wrote again;
6.   `make serve`: one `.po` message saved until the page is rebuilt;
7.   the examples under every start method, concurrently and one after another;
8.   `make test` on a warm copy (after `make html`), and its costliest tests;
9.   cold `make pdf` and `make epub`, and where their time goes;
10.  the book made 2x and 4x larger (pages and catalogs duplicated): cold
     `make html` and a one-message edit;
11.  the peak memory (max RSS) of one edition's cold build.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sphinx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "extensions"))
from book import catalog, translations  # noqa: E402
from preview_process import builds, fetch, running_preview  # noqa: E402
from project_copy import copy_project, pages_written  # noqa: E402
from run_example import START_METHODS, run_example  # noqa: E402

MAKE = ["make", "--no-print-directory"]  # PYTHON, exported by `make bench PYTHON=...`, keeps the stack
# The stack being measured: the venv whose Python runs this (make bench runs
# it with $(BIN)/python: .venv for Sphinx 8.2, .venv-py313 for 9.2).
VENV_BIN = Path(sys.executable).parent
EDITED_PAGE = "processes"  # its first paragraph is edited, in the catalog and in the source
ENGLISH_EDIT = ("to run correctly under\nall of them.", "to run correctly under\nall of them ({}).")
PARTS = ("examples", "test", "pdf", "scaling")


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def timed_with_rss(command: list[str], cwd: Path) -> tuple[float, int]:
    """Wall time and the peak resident memory (KiB) of the command's process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return time.perf_counter() - started, usage.ru_maxrss


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def bare_sphinx(project: Path, language: str) -> tuple[float, int]:
    """One plain sphinx-build of one edition, cold (fresh output and doctrees)."""
    subprocess.run([str(VENV_BIN / "python"), "tools/compile_catalogs.py", language], cwd=project, check=True)
    out = project / "build" / "bare"
    shutil.rmtree(out, ignore_errors=True)
    return timed_with_rss([str(VENV_BIN / "sphinx-build"), "-q", "-c", ".", "-D", f"language={language}",
                           "-d", str(out / "doctrees"), "source", str(out / "html")], project)


def edited_message(project: Path) -> tuple[Path, str]:
    """The catalog of EDITED_PAGE and the msgid of its first paragraph."""
    po = catalog("zh_CN", EDITED_PAGE, project)
    msgids = re.findall(r'^msgid "(.+)"$', po.read_text(encoding="utf-8"), re.M)
    return po, msgids[1]  # [0] is the page title


def edit_one_message(project: Path, run: int, label: str = "") -> str:
    """Change one translation the way a translator would: in the .po, in place.
    Returns the new translation (it differs from every earlier run's)."""
    po, msgid = edited_message(project)
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgid "{msgid}"') + 1
    original = re.sub(r"（[^（）]*第 \d+ 次修改）$", "", lines[at][len('msgstr "'):-1])
    translation = f"{original}（{label}第 {run + 1} 次修改）"
    lines[at] = f'msgstr "{translation}"'
    po.write_text("\n".join(lines), encoding="utf-8")
    return translation.rsplit("。", 1)[-1]


def edit_english_paragraph(project: Path, run: int) -> None:
    source = project / f"source/{EDITED_PAGE}.md"
    text = source.read_text(encoding="utf-8")
    old, new = ENGLISH_EDIT
    assert old in text, f"{source} no longer has the paragraph the benchmark edits: {old!r}"
    source.write_text(text.replace(old, new.format(run + 1), 1), encoding="utf-8")


def timed_pages_written(project: Path, command: list[str]) -> tuple[float, dict[str, list[str]]]:
    """Run a build; return its time and, per edition, the pages it wrote."""
    seconds = []
    written = pages_written(project / "build/html", lambda: seconds.append(timed(command, project)))
    return seconds[0], {edition: sorted(pages) for edition, pages in sorted(written.items())}


def verdict(value: float, goal: str) -> str:
    if not goal.startswith("<= "):
        return ""
    return "met" if value <= float(goal[3:]) else "NOT MET"


def wait_until(condition, timeout: float = 60) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not update")
        time.sleep(0.005)


def bench_preview(project: Path, runs: int) -> list[float]:
    """`make serve`: from saving one .po message to the rebuild's end (when
    the server tells the browser to reload)."""
    page = project / f"build/serve/zh_CN/{EDITED_PAGE}.html"
    log = project / "build/serve.log"
    builds_ended = lambda: builds(log)[1]  # noqa: E731
    with running_preview(project, "zh_CN", log) as url:
        # The server answers once the first build is done and files are watched.
        wait_until(lambda: fetch(url) != "", timeout=120)
        time.sleep(1)  # the next build's process prepares itself
        samples = []
        for run in range(runs):
            done = builds_ended()
            started = time.perf_counter()
            translation = edit_one_message(project, run, "预览")
            wait_until(lambda: builds_ended() > done)
            samples.append(time.perf_counter() - started)
            if translation not in page.read_text(encoding="utf-8"):
                raise RuntimeError(f"the preview did not show the edit; see {log}")
            time.sleep(1)
        return samples


def bench_examples(runs: int) -> tuple[float, float, int]:
    """Every example under every start method (the project's CPython), run as
    the test suite runs them (concurrently) and one after another."""
    scripts = sorted((ROOT / "examples").glob("*/*/main.py"))
    cases = [(script, method) for script in scripts for method in START_METHODS]
    concurrent, sequential = [], []
    for _ in range(runs):
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
            list(pool.map(lambda case: run_example(*case), cases))
        concurrent.append(time.perf_counter() - started)
        started = time.perf_counter()
        for case in cases:
            run_example(*case)
        sequential.append(time.perf_counter() - started)
    return median(concurrent), median(sequential), len(cases)


# A shell for make that logs how long each recipe line takes (BENCH_STEPS).
TIMING_SHELL = """#!/bin/bash
started=$(date +%s%N)
/bin/bash "$@"; status=$?
command="${@: -1}"
[ "${BENCH_DEPTH:-0}" = 0 ] && printf '%s\\t%s\\n' "$(( ($(date +%s%N) - started) / 1000000 ))" "${command//$'\\n'/ }" >> "$BENCH_STEPS"
exit $status
"""
STEP_KINDS = [("sphinx-build", "Sphinx"), ("all-pdf", "XeLaTeX (latexmk)"), ("epubcheck", "epubcheck")]


def where_time_goes(project: Path, target: str, shell: Path) -> dict[str, float]:
    """Run one `make pdf-<lang>` (or epub-) cold; seconds per kind of step."""
    steps = project / "build" / "steps.txt"
    shutil.rmtree(project / "build", ignore_errors=True)
    (project / "build").mkdir()
    env = {**os.environ, "BENCH_STEPS": str(steps)}
    started = time.perf_counter()
    subprocess.run([*MAKE, target, f"SHELL={shell}"], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kinds = {"total": time.perf_counter() - started}
    for line in steps.read_text(encoding="utf-8").splitlines():
        milliseconds, command = line.split("\t", 1)
        kind = next((name for marker, name in STEP_KINDS if marker in command), "the rest")
        kinds[kind] = kinds.get(kind, 0) + int(milliseconds) / 1000
    kinds["the rest"] = kinds["total"] - sum(v for k, v in kinds.items() if k != "total" and k != "the rest")
    return kinds


def scaled_copy(base: Path, factor: int) -> Path:
    """The book made ``factor`` times larger: every page but the opening one
    duplicated under a new name, with its catalog; labels renamed so that
    each stays unique (references still lead to the original pages)."""
    project = copy_project(base)
    index = project / "source/index.md"
    text = index.read_text(encoding="utf-8")
    toctree = re.search(r"```\{toctree\}\n(.*?)```", text, re.S)
    pages = [line.strip() for line in toctree.group(1).splitlines() if line.strip() and not line.startswith(":")]
    copies = []
    for n in range(2, factor + 1):
        for page in pages:
            name = f"{page}-{n}"
            source = (project / f"source/{page}.md").read_text(encoding="utf-8")
            source = re.sub(r"^\(([^)]+)\)=$", rf"(\1-{n})=", source, flags=re.M)
            source = re.sub(r"^(:name: +)(\S+)$", rf"\1\2-{n}", source, flags=re.M)
            (project / f"source/{name}.md").write_text(source, encoding="utf-8")
            for language in translations():
                page_catalog = catalog(language, page, project)
                shutil.copy2(page_catalog, page_catalog.with_name(f"{name}.po"))
            copies.append(name)
    index.write_text(text[:toctree.end(1)] + "".join(f"{name}\n" for name in copies) + text[toctree.end(1):],
                     encoding="utf-8")
    return project


def bench_scaling(tmp: Path, runs: int, factors=(1, 2, 4)) -> dict[int, tuple[float, float]]:
    """Cold `make html` and one .po message edited, at each size."""
    found = {}
    for factor in factors:
        project = scaled_copy(tmp / f"scale-{factor}", factor)
        cold, edit = [], []
        for run in range(runs):
            shutil.rmtree(project / "build", ignore_errors=True)
            cold.append(timed([*MAKE, "html"], project))
            edit_one_message(project, run)
            edit.append(timed([*MAKE, "html"], project))
        found[factor] = (median(cold), median(edit))
        shutil.rmtree(project)
    return found


def bench_make_test(tmp: Path) -> tuple[float, list[str]]:
    """`make test` in a clone of the last commit (pages show dates from git),
    warm as after the README's first command: set up, its HTML built. Gives
    the time and pytest's slowest tests."""
    project = tmp / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(project)], check=True)
    for venv in (ROOT / ".venv", ROOT / ".venv-py313"):  # each stack's, where made
        if venv.is_dir():
            (project / venv.name).symlink_to(venv)
    axe = ROOT / "tools/axe/node_modules"
    if axe.is_dir():
        (project / "tools/axe/node_modules").symlink_to(axe)
    # The set-up's inputs as old as the project's, so make sees the shared set-up as done.
    for name in ("requirements.txt", "requirements-py313.txt", "tools/axe/package.json", "tools/axe/package-lock.json"):
        shutil.copystat(ROOT / name, project / name)
    subprocess.run([*MAKE, "html"], cwd=project, check=True, capture_output=True)
    started = time.perf_counter()
    result = subprocess.run([*MAKE, "test", "PYTEST_ARGS=--durations=12 -q -p no:cacheprovider"],
                            cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        print(result.stdout[-4000:], result.stderr[-2000:], file=sys.stderr)
        raise RuntimeError("make test failed in the benchmark's copy")
    slowest = re.findall(r"^(\d+\.\d+s \w+ +\S+)$", result.stdout, re.M)
    return seconds, slowest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--skip", default="", help=f"comma-separated parts to leave out: {', '.join(PARTS)}")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    if skip - set(PARTS):
        parser.error(f"--skip takes {', '.join(PARTS)}")
    figures: dict[str, float] = {}
    notes: list[str] = []
    ratios: list[tuple[str, float, str]] = []

    with tempfile.TemporaryDirectory(prefix="ipc-bench-") as tmp_name:
        tmp = Path(tmp_name)
        project = copy_project(tmp / "project")
        cold, noop, po_edit, en_edit, bare, rss = [], [], [], [], {"en": [], "zh_CN": []}, {"en": 0, "zh_CN": 0}
        written = {}
        for run in range(args.runs):
            for language in bare:
                seconds, peak = bare_sphinx(project, language)
                bare[language].append(seconds)
                rss[language] = max(rss[language], peak)
            shutil.rmtree(project / "build", ignore_errors=True)
            cold.append(timed([*MAKE, "html"], project))
            noop.append(timed([*MAKE, "html"], project))
            edit_one_message(project, run)
            seconds, written["po"] = timed_pages_written(project, [*MAKE, "html"])
            po_edit.append(seconds)
            source = project / f"source/{EDITED_PAGE}.md"
            pristine = source.read_bytes()
            edit_english_paragraph(project, run)
            seconds, written["en"] = timed_pages_written(project, [*MAKE, "html"])
            en_edit.append(seconds)
            source.write_bytes(pristine)  # the catalog matches the source again
        figures["cold make html (both editions)"] = median(cold)
        figures["bare sphinx-build en"] = median(bare["en"])
        figures["bare sphinx-build zh_CN"] = median(bare["zh_CN"])
        figures["no-op make html"] = median(noop)
        figures["make html after editing one .po message"] = median(po_edit)
        figures["make html after editing one English paragraph"] = median(en_edit)
        figures["make serve: one .po message saved -> rebuilt"] = median(bench_preview(project, args.runs))
        notes.append(f"pages written after one .po message edited: {written['po']}")
        notes.append(f"pages written after one English paragraph edited: {written['en']}")
        notes.append(f"peak memory (max RSS) of one cold build: en {rss['en'] / 1024:.0f} MiB, "
                     f"zh_CN {rss['zh_CN'] / 1024:.0f} MiB")
        cold_html = figures["cold make html (both editions)"]
        # Ratios 1 and 2 compare figures taken back to back in each run, then
        # take the median over the runs: this host's speed drifts between runs
        # (the same cold build's CPU time varies by a quarter), and a ratio of
        # medians taken at different moments carries that drift.
        ratios += [
            ("1. cold make html / slowest bare edition",
             median([c / max(e, z) for c, e, z in zip(cold, bare["en"], bare["zh_CN"])]), "<= 1.15"),
            ("2. bare zh_CN / bare en", median([z / e for e, z in zip(bare["en"], bare["zh_CN"])]), "<= 1.3"),
            ("3. no-op make html / cold", figures["no-op make html"] / cold_html, "<= 0.05"),
            ("4. one .po message edited, make html / cold",
             figures["make html after editing one .po message"] / cold_html, "<= 0.35"),
            ("5. one English paragraph edited, make html / cold",
             figures["make html after editing one English paragraph"] / cold_html, "<= 0.45"),
            ("6. one .po message saved, make serve / cold",
             figures["make serve: one .po message saved -> rebuilt"] / cold_html, "<= 0.15"),
        ]

        if "examples" not in skip:
            concurrent, sequential, count = bench_examples(max(1, args.runs // 2 + 1))
            figures[f"examples x start methods ({count} runs), concurrent"] = concurrent
            figures[f"examples x start methods ({count} runs), one after another"] = sequential
            ratios.append(("7. examples concurrent / one after another", concurrent / sequential, "<= 0.6"))

        print(figures, file=sys.stderr, flush=True)  # so far, should a later part fail
        if "test" not in skip:
            seconds, slowest_tests = bench_make_test(tmp)
            figures["make test (warm: HTML built)"] = seconds
            ratios.append(("8. make test, minutes", seconds / 60, "<= 5"))
            notes.append("costliest tests (pytest --durations):\n    " + "\n    ".join(slowest_tests))
            print(figures, file=sys.stderr, flush=True)

        if "pdf" not in skip:
            shell = tmp / "timing-shell"
            shell.write_text(TIMING_SHELL)
            shell.chmod(0o755)
            for kind in ("pdf", "epub"):
                samples = []
                for _ in range(max(1, args.runs // 2)):
                    shutil.rmtree(project / "build", ignore_errors=True)
                    samples.append(timed([*MAKE, kind], project))
                figures[f"cold make {kind} (both editions)"] = median(samples)
                for language in ("en", "zh_CN"):
                    steps = where_time_goes(project, f"{kind}-{language}", shell)
                    notes.append(f"make {kind}-{language}, cold: " + ", ".join(
                        f"{name} {seconds:.1f} s" for name, seconds in steps.items()))

        if "scaling" not in skip:
            scaling = bench_scaling(tmp, args.runs)  # its ratios are goals: medians of --runs, as the others
            for factor, (cold_s, edit_s) in scaling.items():
                figures[f"{factor}x book: cold make html"] = cold_s
                figures[f"{factor}x book: one .po message edited, make html"] = edit_s
            for factor in (2, 4):
                ratios.append((f"10. cold make html {factor}x / 1x, per unit of size",
                               scaling[factor][0] / scaling[1][0] / factor, "<= 1.0"))
                ratios.append((f"10. one .po message edited {factor}x / 1x",
                               scaling[factor][1] / scaling[1][1], "<= 1.1"))

    report = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
              f"{platform.python_version()}, Sphinx {sphinx.__version__}, {platform.platform(terse=True)}; medians of {args.runs} runs "
              f"(PDF, EPUB: {max(1, args.runs // 2)}; examples: {max(1, args.runs // 2 + 1)})", ""]
    report += [f"{name:<62} {seconds:8.2f} s" for name, seconds in figures.items()]
    report += [""] + [f"{name:<62} {value:8.2f}   goal {goal:<8} {verdict(value, goal)}" for name, value, goal in ratios]
    report += [""] + notes
    text = "\n".join(report)
    print(text)
    (ROOT / "build").mkdir(exist_ok=True)
    # One report per stack: build/bench-sphinx-8.2.3.txt, build/bench-sphinx-9.2.0.txt.
    (ROOT / "build" / f"bench-sphinx-{sphinx.__version__}.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
