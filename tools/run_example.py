"""Run one example program under a chosen multiprocessing start method.

The program runs in a subprocess of its own, in a new session, so that a
program that hangs is killed together with every child it started: on time-out
the whole process group gets SIGKILL and nothing is left behind.

Command line (used by ``make run-examples``)::

    python tools/run_example.py --start-method spawn examples/queues/queue-producer-consumer/main.py

Library use (used by the tests)::

    result = run_example(path, "forkserver", timeout=20)
    result.stdout  # bytes, exactly as the program wrote them
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

START_METHODS = ("fork", "spawn", "forkserver")

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


def run_example(path: Path | str, start_method: str, timeout: float = 30) -> ExampleRun:
    """Run ``path`` under ``start_method``; raise ExampleTimeout if it hangs."""
    path = Path(path).resolve()
    if start_method not in START_METHODS:
        raise ValueError(f"unknown start method {start_method!r}")
    env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
    # Readers' stdout is block-buffered when it is a pipe or a file; an
    # inherited PYTHONUNBUFFERED=1 would hide output-ordering bugs.
    env.pop("PYTHONUNBUFFERED", None)
    process = subprocess.Popen(
        [sys.executable, "-c", _BOOTSTRAP, start_method, str(path)],
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
    parser.add_argument("script", type=Path)
    args = parser.parse_args()
    try:
        result = run_example(args.script, args.start_method, args.timeout)
    except ExampleTimeout as error:
        print(error, file=sys.stderr)
        return 124
    sys.stdout.buffer.write(result.stdout)
    sys.stderr.buffer.write(result.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
