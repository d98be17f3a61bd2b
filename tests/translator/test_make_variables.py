"""`LANGUAGES` chooses the editions a build makes, `LANGUAGE` the one edition
`make serve` and `make add-language` work on. The wrong one on make's command
line stops make with a message naming the right one, before anything runs
(make would otherwise build every edition, or serve another)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_make


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
