"""Run one example program under a chosen multiprocessing start method.

The program runs in a subprocess of its own, in a new session, so that a
program that hangs is killed together with every child it started: on time-out
the whole process group gets SIGKILL and nothing is left behind.

Command line (used by ``make run-examples``)::

    python tools/run_example.py --start-method spawn examples/queues/queue-producer-consumer/main.py
    python tools/run_example.py --python 3.13 --start-method fork examples/...

``--python`` (and ``interpreters()``) find the CPython versions the chapter
supports, 3.10 to 3.13: ``python3.X`` on the PATH, else pyenv's.

Library use (used by the tests)::

    result = run_example(path, "forkserver", timeout=20)
    result.stdout  # bytes, exactly as the program wrote them
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

START_METHODS = ("fork", "spawn", "forkserver")
PYTHON_VERSIONS = ("3.10", "3.11", "3.12", "3.13")  # every example is tested on each


def find_interpreter(version: str) -> str | None:
    """The CPython ``version`` (``"3.12"``): pyenv's newest 3.12.x, else ``python3.12`` on the PATH."""
    root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    builds = sorted(Path(root, "versions").glob(f"{version}.*/bin/python{version}"),
                    key=lambda p: [int(n) for n in p.parts[-3].split(".") if n.isdigit()])
    if builds:
        return str(builds[-1])
    # pyenv's shims answer for versions that are not selected, then fail: not those.
    path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep) if not d.endswith("/shims"))
    return shutil.which(f"python{version}", path=path)


def interpreters() -> dict[str, str | None]:
    """Every supported version: its interpreter, or None where it is missing."""
    return {version: find_interpreter(version) for version in PYTHON_VERSIONS}

# Set the start method, then run the file as ``__main__`` so that spawn and
# forkserver children can re-import it by path, exactly as with ``python file``.
_BOOTSTRAP = (
    "import multiprocessing, runpy, sys\n"
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
    parser.add_argument("script", type=Path)
    args = parser.parse_args()
    python = sys.executable
    if args.python:
        python = find_interpreter(args.python)
        if python is None:
            print(f"CPython {args.python} not found (neither python{args.python} on the PATH nor in pyenv); "
                  f"install it, e.g. `pyenv install {args.python}`", file=sys.stderr)
            return 2
    try:
        result = run_example(args.script, args.start_method, args.timeout, python)
    except ExampleTimeout as error:
        print(error, file=sys.stderr)
        return 124
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.buffer.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
