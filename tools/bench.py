"""Measure build and test speed; print medians and ratios measured in one run.

    python tools/bench.py [--runs 5] [--no-pdf]      (or: make bench)

Everything runs in a scratch copy of the project (its tracked files, sharing
.venv), so nothing in the working tree is touched. Timings are wall-clock
medians of --runs repetitions; the ratios compare figures taken in this same
run, on this same machine, so they hold across machines better than seconds.
jieba's dictionary cache (in the system temp dir) is warm, as on any machine
that has built once.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from preview_process import fetch, running_preview  # noqa: E402
from project_copy import copy_project  # noqa: E402
from run_example import START_METHODS, run_example  # noqa: E402

EDITED_MESSAGE = "Start methods"  # a heading (not a page title): one message, one page
EDITED_PAGE = "processes"  # the page whose catalog holds it
MAKE = ["make", "--no-print-directory"]


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def bare_sphinx(project: Path, language: str) -> float:
    """One plain sphinx-build of one edition, cold (fresh output and doctrees)."""
    subprocess.run([".venv/bin/python", "tools/compile_catalogs.py", language], cwd=project, check=True)
    out = project / "build" / "bare"
    shutil.rmtree(out, ignore_errors=True)
    return timed([".venv/bin/sphinx-build", "-q", "-c", ".", "-D", f"language={language}",
                  "-d", str(out / "doctrees"), "source", str(out / "html")], project)


def edit_one_message(project: Path, run: int, label: str = "") -> str:
    """Change one translation the way a translator would: in the .po, in place.
    Returns the new translation (it differs from every earlier run's)."""
    po = project / f"locale/zh_CN/LC_MESSAGES/{EDITED_PAGE}.po"
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgid "{EDITED_MESSAGE}"') + 1
    translation = f"启动方法（{label}第 {run + 1} 次修改）"
    lines[at] = f'msgstr "{translation}"'
    po.write_text("\n".join(lines), encoding="utf-8")
    return translation


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
    builds_done = lambda: log.read_text(encoding="utf-8", errors="replace").count("Serving on")  # noqa: E731
    with running_preview(project, "zh_CN", log) as url:
        # The server answers once the first build is done and files are watched.
        wait_until(lambda: fetch(url) != "", timeout=120)
        time.sleep(1)  # the next build's process prepares itself
        samples = []
        for run in range(runs):
            done = builds_done()
            started = time.perf_counter()
            translation = edit_one_message(project, run, "预览")
            wait_until(lambda: builds_done() > done)
            samples.append(time.perf_counter() - started)
            if translation not in page.read_text(encoding="utf-8"):
                raise RuntimeError(f"the preview did not show the edit; see {log}")
            time.sleep(1)
        return samples


def bench_examples() -> tuple[float, float]:
    scripts = sorted((ROOT / "examples").glob("*/*/main.py"))
    cases = [(script, method) for script in scripts for method in START_METHODS]
    started = time.perf_counter()
    for case in cases:
        run_example(*case)
    sequential = time.perf_counter() - started
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2 * (os.cpu_count() or 1)) as pool:
        list(pool.map(lambda case: run_example(*case), cases))
    concurrent = time.perf_counter() - started
    return concurrent, sequential


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-pdf", action="store_true", help="skip the (slow) PDF figure")
    args = parser.parse_args()
    figures: dict[str, float] = {}

    with tempfile.TemporaryDirectory(prefix="ipc-bench-") as tmp:
        project = copy_project(Path(tmp))
        cold, noop, edit, bare = [], [], [], {"en": [], "zh_CN": []}
        for run in range(args.runs):
            for language in bare:
                bare[language].append(bare_sphinx(project, language))
            shutil.rmtree(project / "build", ignore_errors=True)
            cold.append(timed([*MAKE, "html"], project))
            noop.append(timed([*MAKE, "html"], project))
            edit_one_message(project, run)
            edit.append(timed([*MAKE, "html"], project))
        figures["cold make html (both editions)"] = median(cold)
        figures["bare sphinx-build en"] = median(bare["en"])
        figures["bare sphinx-build zh_CN"] = median(bare["zh_CN"])
        figures["no-op make html"] = median(noop)
        figures["make html after editing one .po message"] = median(edit)
        figures["make serve: one .po message saved -> rebuilt"] = median(bench_preview(project, args.runs))
        examples = [bench_examples() for _ in range(args.runs)]
        figures["examples, all start methods, concurrent"] = median([c for c, _ in examples])
        figures["examples, all start methods, one after another"] = median([s for _, s in examples])
        # The example test suite as `make test` runs it: pytest start-up included.
        suite = [timed([".venv/bin/python", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "tests/reader/test_examples.py", "-k", "match_documented_output"], project)
                 for _ in range(args.runs)]
        figures["example test suite (pytest)"] = median(suite)
        if not args.no_pdf:
            pdf = []
            for _ in range(max(1, args.runs // 2)):
                shutil.rmtree(project / "build", ignore_errors=True)
                pdf.append(timed([*MAKE, "pdf"], project))
            figures["cold make pdf (both editions)"] = median(pdf)

    slowest = max(figures["bare sphinx-build en"], figures["bare sphinx-build zh_CN"])
    ratios = [
        ("cold make html / slowest bare edition", figures["cold make html (both editions)"] / slowest, "<= 1.15"),
        ("bare zh_CN / bare en", figures["bare sphinx-build zh_CN"] / figures["bare sphinx-build en"], "reported"),
        ("no-op make html / cold", figures["no-op make html"] / figures["cold make html (both editions)"], "<= 0.15"),
        ("one .po message edited, make html / cold", figures["make html after editing one .po message"]
         / figures["cold make html (both editions)"], "reported"),
        ("one .po message edited, make serve / cold", figures["make serve: one .po message saved -> rebuilt"]
         / figures["cold make html (both editions)"], "<= 0.5"),
        ("examples concurrent / one after another", figures["examples, all start methods, concurrent"]
         / figures["examples, all start methods, one after another"], "reported"),
        ("example test suite / examples one after another", figures["example test suite (pytest)"]
         / figures["examples, all start methods, one after another"], "reported"),
    ]
    report = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
              f"{platform.python_version()}, {platform.platform(terse=True)}; medians of {args.runs} runs", ""]
    report += [f"{name:<50} {seconds:8.2f} s" for name, seconds in figures.items()]
    report += [""] + [f"{name:<50} {value:8.2f}   goal {goal:<10} {verdict(value, goal)}" for name, value, goal in ratios]
    text = "\n".join(report)
    print(text)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "bench.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
