"""`LANGUAGES` chooses the editions a build makes, `LANGUAGE` the one edition
`make serve` and `make add-language` work on. The wrong one on make's command
line stops make with a message naming the right one, before anything runs
(make would otherwise build every edition, or serve another). PYTHON chooses
the stack, and a Python 3.13 the machine lacks is fetched, venv and all."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_make


@pytest.mark.parametrize("target", ["html", "pdf", "epub", "html-zh_CN"])
def test_a_build_given_language_names_languages_and_builds_nothing(project_copy: Path, target: str):
    result = run_make(target, "LANGUAGE=zh_CN", cwd=project_copy, check=False)
    assert result.returncode != 0
    assert "to build one edition, write LANGUAGES=zh_CN" in result.stderr, result.stderr
    assert result.stdout == ""  # no command ran
    assert not (project_copy / "build").exists()


@pytest.mark.parametrize("target", ["serve", "add-language"])
def test_serve_and_add_language_given_languages_name_language(project_copy: Path, target: str):
    result = run_make(target, "LANGUAGES=zh_CN", cwd=project_copy, check=False)
    assert result.returncode != 0
    assert "take one edition: LANGUAGE=zh_CN" in result.stderr, result.stderr
    assert result.stdout == ""


def test_gettexts_language_in_the_environment_is_not_taken_for_either(project_copy: Path):
    # Desktops set LANGUAGE=en_US:en for program messages: not a choice of edition.
    result = run_make("-n", "html", cwd=project_copy, check=False, LANGUAGE="en_US:en")
    assert result.returncode == 0, result.stderr
    assert "-D language=zh_CN" in result.stdout and "-D language=en" in result.stdout


# PYTHON=python3.13 on a machine with no Python 3.13 (no pyenv, none on the
# PATH): the stack takes Debian unstable's, which tools/python-stack.sh has
# tools/pythons.py unpack into .pythons/ when it is not there yet, and names
# it by its real path: a venv made from the .pythons/bin symlink would not
# find that build's standard library.
BARE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


@pytest.fixture(scope="module")
def debian_python313(tmp_path_factory) -> Path:
    """What tools/python-stack.sh answers for python3.13 on such a machine."""
    result = subprocess.run([str(ROOT / "tools" / "python-stack.sh"), "python3.13"], capture_output=True, text=True,
                            env={**os.environ, "PATH": BARE_PATH,
                                 "PYENV_ROOT": str(tmp_path_factory.mktemp("no-pyenv"))})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and lines[1] == "PYTHON_VERSION := 3.13", result.stdout
    return Path(lines[0].removeprefix("PYTHON_EXE := "))


def test_a_python_the_machine_lacks_is_debian_unstables_by_its_real_path(debian_python313: Path):
    private = ROOT / ".pythons" / "bin" / "python3.13"
    assert private.exists()  # got by the set-up if it was not there
    assert debian_python313 == private.resolve() != private


def test_a_venv_of_a_python_without_ensurepip_gets_the_locks_pip(debian_python313: Path, tmp_path: Path):
    # Debian unstable's CPython has no ensurepip: tools/make-venv.sh installs the
    # lock with the lock's own pip, run from its wheel. Here a lock of pip alone.
    python = debian_python313
    assert subprocess.run([str(python), "-c", "import ensurepip"], capture_output=True).returncode != 0
    lock_text = (ROOT / "requirements-py313.txt").read_text()
    pip_block = lock_text[lock_text.index("\npip==") + 1:]
    lock = tmp_path / "lock.txt"
    lock.write_text(pip_block)
    venv = tmp_path / "venv"
    result = subprocess.run([str(ROOT / "tools" / "make-venv.sh"), str(python), str(venv), str(lock)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "has no ensurepip" in result.stderr
    version = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"], capture_output=True, text=True)
    pinned = pip_block.split()[0].split("==")[1]
    assert version.stdout.startswith(f"pip {pinned} from {venv}"), version.stdout + version.stderr
