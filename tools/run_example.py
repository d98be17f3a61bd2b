"""Run one example program under a chosen multiprocessing start method.

The program runs in a subprocess of its own, in a new session, so that a
program that hangs is killed together with every child it started: on time-out
the whole process group gets SIGKILL and nothing is left behind.

Command line (used by ``make run-examples``)::

    python tools/run_example.py --start-method spawn examples/queues/queue-producer-consumer/main.py
    python tools/run_example.py --python 3.13 --start-method fork examples/...

``--python`` takes one of the CPython versions the chapter is tested on
(``tools/pythons.py`` finds them, or gets them).

A listing's ``output.txt`` is what the newest Pythons print. Where older
versions print something else, their output sits beside it, named for the
last version it applies to: ``output-3.13.txt`` is what 3.13 and earlier
print. For a given version, the file with the smallest such version at or
above it applies, else ``output.txt`` (``expected_output()``).

Some listings import NumPy: ``make pythons`` installs the pinned wheels of
``requirements-examples.txt`` into ``.pythons/site/3.X/``, and a run puts the
folder of the interpreter's own version (asked of it, not read from its path)
on ``PYTHONPATH``, which the program's children inherit. A run whose folder
is missing or older than the lock file fails at once, saying so.

Library use (used by the tests)::

    result = run_example(path, "forkserver", timeout=20)
    result.stdout  # bytes, exactly as the program wrote them
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pythons import VERSIONS as PYTHON_VERSIONS  # noqa: E402  (tools/ is this file's folder)
from pythons import find, how_to_get, interpreters  # noqa: E402,F401  (interpreters: for the tests)
from pythons import interpreter_release, site, site_problem  # noqa: E402

START_METHODS = ("fork", "spawn", "forkserver")
# output.txt, or output-3.13.txt: what 3.13 and earlier print.
OUTPUT_FILE = re.compile(r"output(?:-(\d+)\.(\d+))?\.txt")


def output_files(listing: Path) -> dict[tuple[int, int] | None, Path]:
    """A listing's documented outputs: None for output.txt, (3, 13) for output-3.13.txt."""
    found = {}
    for path in listing.iterdir():
        if match := OUTPUT_FILE.fullmatch(path.name):
            found[tuple(map(int, match.groups())) if match.group(1) else None] = path
    return found


def expected_output(listing: Path, version: str) -> Path:
    """The output file that applies to CPython ``version`` ("3.13")."""
    wanted = tuple(map(int, version.split(".")))
    bounds = sorted(v for v in output_files(listing) if v is not None and v >= wanted)
    return listing / (f"output-{bounds[0][0]}.{bounds[0][1]}.txt" if bounds else "output.txt")


# Set the start method, then run the file as ``__main__`` so that spawn and
# forkserver children can re-import it by path, exactly as with ``python file``.
# SIGINT is handled as in a terminal, where Python turns it into
# KeyboardInterrupt: a runner started in the background by a non-interactive
# shell has it ignored, and the program and its children would inherit that.
_BOOTSTRAP = (
    "import multiprocessing, runpy, signal, sys\n"
    "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
    "multiprocessing.set_start_method(sys.argv[1])\n"
    "sys.argv = sys.argv[2:]\n"
    "runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


class ExampleTimeout(RuntimeError):
    """The program ran past its time box; its whole process group was killed."""

    def __init__(self, path: Path, start_method: str, timeout: float, pgid: int):
        super().__init__(
            f"{path}: still running after {timeout:g} s under {start_method!r}; "
            f"killed process group {pgid}"
        )
        self.pgid = pgid


class ExamplePackagesMissing(RuntimeError):
    """The examples' packages (NumPy) are not installed for this interpreter's version."""


@cache
def packages_path(python: str) -> str:
    """The folder of the examples' packages for ``python``'s version."""
    release = interpreter_release(python)
    if release is None:
        raise ExamplePackagesMissing(f"{python} does not run")
    version = f"{release[0]}.{release[1]}"
    if problem := site_problem(version):
        raise ExamplePackagesMissing(f"{python}: {problem}")
    return str(site(version))


@dataclass
class ExampleRun:
    path: Path
    start_method: str
    returncode: int
    stdout: bytes
    stderr: bytes


def run_example(path: Path | str, start_method: str, timeout: float = 30, python: str = sys.executable) -> ExampleRun:
    """Run ``path`` under ``start_method`` with ``python``; raise ExampleTimeout if it hangs."""
    path = Path(path).resolve()
    if start_method not in START_METHODS:
        raise ValueError(f"unknown start method {start_method!r}")
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [packages_path(python), env.get("PYTHONPATH")]))
    # Readers' stdout is block-buffered when it is a pipe or a file; an
    # inherited PYTHONUNBUFFERED=1 would hide output-ordering bugs.
    env.pop("PYTHONUNBUFFERED", None)
    process = subprocess.Popen(
        [python, "-c", _BOOTSTRAP, start_method, str(path)],
        cwd=path.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # own process group: children die with it
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_process_group(process.pid)
        process.communicate()
        raise ExampleTimeout(path, start_method, timeout, process.pid) from None
    # A finished program may still leave orphans (a forkserver, a stray
    # child); they belong to its group, so end them too.
    kill_process_group(process.pid)
    return ExampleRun(path, start_method, process.returncode, stdout, stderr)


def run_examples(runs: list[tuple[Path, str, str]], timeout: float = 60) -> list[ExampleRun]:
    """Run each (path, start method, python) at the same time as the others,
    a few per core (each in its own process group); the results in the order
    asked. The programs that show a timeout expiring wait seconds doing
    nothing: started first, their waits overlap the other runs."""
    def waits(run: tuple[Path, str, str]) -> int:
        return Path(run[0]).read_text(encoding="utf-8").count("timeout=")

    order = sorted(range(len(runs)), key=lambda index: -waits(runs[index]))
    with ThreadPoolExecutor(max_workers=4 * (os.cpu_count() or 1)) as pool:
        done = dict(zip(order, pool.map(lambda index: run_example(runs[index][0], runs[index][1], timeout=timeout,
                                                                  python=runs[index][2]), order)))
    return [done[index] for index in range(len(runs))]


def kill_process_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start-method", choices=START_METHODS, default="spawn")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--python", choices=PYTHON_VERSIONS, help="CPython version (default: this one)")
    parser.add_argument("--check", action="store_true",
                        help="compare stdout with the output file that applies to this version, stderr with "
                             "nothing; print `ok` or the differences, exit 1 on any")
    parser.add_argument("script", type=Path)
    args = parser.parse_args()
    python = sys.executable
    if args.python:
        found = find(args.python)
        if found is None:
            print(how_to_get(args.python), file=sys.stderr)
            return 2
        python = found[0]
    try:
        result = run_example(args.script, args.start_method, args.timeout, python)
    except ExampleTimeout as error:
        print(error, file=sys.stderr)
        return 124
    except ExamplePackagesMissing as error:
        print(error, file=sys.stderr)
        return 2
    if args.check:
        version = args.python or f"{sys.version_info.major}.{sys.version_info.minor}"
        return check(result, expected_output(args.script.parent, version), f"{version}, {args.start_method}")
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.buffer.write(result.stderr)
    return result.returncode


def check(result: ExampleRun, expected: Path, label: str) -> int:
    """Print ``ok`` and the run, or how it differs from ``expected``; 0 or 1."""
    got = result.stdout.decode("utf-8", "replace").splitlines(keepends=True)
    want = expected.read_text(encoding="utf-8").splitlines(keepends=True)
    shown = expected.relative_to(Path.cwd()) if expected.is_relative_to(Path.cwd()) else expected
    problems = list(difflib.unified_diff(want, got, str(shown), f"{result.path.name} ({label})"))
    if result.stderr:
        problems.append(f"stderr ({label}):\n{result.stderr.decode('utf-8', 'replace')}")
    if result.returncode:
        problems.append(f"exit status {result.returncode} ({label})\n")
    if problems:
        sys.stdout.write("".join(problems))
        return 1
    print(f"ok  {label}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
