"""Every program the chapter shows prints exactly the output the chapter shows
for the reader's Python, under every multiprocessing start method, with stdout
block-buffered as on readers' machines, and nothing on stderr: on the
newest tested CPython (what `make test` runs: the output most readers will
see, within its time), and with `--all-pythons` (`make test-all`, what CI
runs) on every CPython the chapter is tested on (tools/pythons.py: 3.11 to
3.15)."""

from __future__ import annotations

import os
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from run_example import (PYTHON_VERSIONS, START_METHODS, ExampleTimeout, expected_output,  # noqa: E402
                         how_to_get, interpreters, output_files, run_example, run_examples)

EXAMPLES = sorted((ROOT / "examples").glob("*/*/main.py"))


def test_every_example_has_its_expected_output_beside_it():
    assert EXAMPLES, "no examples found under examples/<page>/<listing>/main.py"
    oldest, newest = (tuple(map(int, v.split("."))) for v in (PYTHON_VERSIONS[0], PYTHON_VERSIONS[-1]))
    for script in EXAMPLES:
        outputs = output_files(script.parent)
        assert None in outputs, f"{script} has no output.txt beside it"
        for version, path in outputs.items():
            # An output file for versions no tested Python has would never be checked.
            assert version is None or oldest <= version < newest, f"{path}: no tested CPython reads it"


def test_the_output_file_for_a_version_is_the_nearest_at_or_above_it(tmp_path: Path):
    for name in ("output.txt", "output-3.12.txt", "output-3.13.txt"):
        (tmp_path / name).write_text(name)
    assert [expected_output(tmp_path, v).name for v in ("3.11", "3.12", "3.13", "3.14", "3.15")] == [
        "output-3.12.txt", "output-3.12.txt", "output-3.13.txt", "output.txt", "output.txt"]


ALL_PYTHONS = interpreters()
THIS_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"
NEWEST = PYTHON_VERSIONS[-1]


def pythons(config: pytest.Config) -> dict[str, str | None]:
    """The CPythons the examples run on: the newest, or with --all-pythons
    every tested one."""
    if config.getoption("all_pythons"):
        return ALL_PYTHONS
    return {NEWEST: ALL_PYTHONS[NEWEST]}


def test_every_tested_cpython_is_installed(pytestconfig: pytest.Config):
    # The project's own CPython must be a tested one; the others, installed.
    assert THIS_PYTHON in ALL_PYTHONS, sys.version
    missing = [version for version, path in pythons(pytestconfig).items() if path is None]
    assert not missing, "; ".join(how_to_get(version) for version in missing)


@pytest.fixture(scope="session")
def example_runs(pytestconfig: pytest.Config) -> dict:
    """Every example under every start method on every CPython asked for, run
    concurrently (tools/run_example.py: run_examples)."""
    chosen = pythons(pytestconfig)
    cases = [(script, method, version) for script in EXAMPLES for method in START_METHODS
             for version, python in chosen.items() if python]
    runs = run_examples([(script, method, chosen[version]) for script, method, version in cases])
    return dict(zip(cases, runs))


def pytest_generate_tests(metafunc: pytest.Metafunc):
    if "version" in metafunc.fixturenames:
        found = [version for version, path in pythons(metafunc.config).items() if path]
        metafunc.parametrize("version", found or ["none"])


@pytest.mark.parametrize("start_method", START_METHODS)
@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_examples_match_documented_output(example_runs: dict, script: Path, start_method: str, version: str):
    result = example_runs[script, start_method, version]
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b"", result.stderr.decode()
    assert result.stdout == expected_output(script.parent, version).read_bytes()


@pytest.mark.parametrize("start_method", START_METHODS)
def test_each_run_is_under_the_start_method_asked_for(tmp_path: Path, start_method: str):
    # The examples print the same under every method, so their runs alone
    # would pass with the method never set: a program that shows it, by name
    # and by what a child sees (a global set under the guard reaches a child
    # only when it is forked).
    script = tmp_path / "main.py"
    script.write_text(textwrap.dedent("""\
        import multiprocessing

        value = "imported"

        def show(queue):
            queue.put(value)

        if __name__ == "__main__":
            value = "set under the guard"
            queue = multiprocessing.Queue()
            child = multiprocessing.Process(target=show, args=(queue,))
            child.start()
            print(multiprocessing.get_start_method(allow_none=True), queue.get(), sep="\\n")
            child.join()
        """))
    result = run_example(script, start_method, timeout=60)
    assert result.returncode == 0 and result.stderr == b"", result.stderr.decode()
    seen = "set under the guard" if start_method == "fork" else "imported"
    assert result.stdout.decode() == f"{start_method}\n{seen}\n"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead; only its parent can reap it.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


@pytest.mark.parametrize("start_method", START_METHODS)
def test_a_hung_example_fails_fast_and_leaves_no_process(tmp_path: Path, start_method: str):
    script = tmp_path / "main.py"
    pid_file = tmp_path / "child.pid"
    script.write_text(textwrap.dedent(f"""\
        import os, time
        from multiprocessing import Process

        def hang():
            open({str(pid_file)!r}, "w").write(str(os.getpid()))
            time.sleep(600)

        if __name__ == '__main__':
            p = Process(target=hang)
            p.start()
            p.join()
        """))
    started = time.monotonic()
    with pytest.raises(ExampleTimeout) as error:
        run_example(script, start_method, timeout=3)
    assert time.monotonic() - started < 10
    child = int(pid_file.read_text())
    deadline = time.monotonic() + 5
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child), f"child {child} outlived the time box"
    assert not _alive(error.value.pgid)
