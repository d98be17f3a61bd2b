"""Adding a language is one command; the new edition appears in the builds,
the language switcher and the landing page."""

from __future__ import annotations

from pathlib import Path

from book import catalog, catalogs, load_editions
from conftest import PAGES, run_make


def test_add_language_creates_catalogs_and_a_new_edition(project_copy: Path):
    run_make("add-language", "LANGUAGE=ja", cwd=project_copy)

    editions = load_editions(project_copy / "languages.toml")
    assert editions["ja"]["name"] == "日本語"
    assert editions["ja"]["complete"] is False
    for template in [*PAGES, "sphinx"]:
        page_catalog = catalog("ja", template, project_copy)
        assert page_catalog.exists()
        assert 'Language: ja\\n' in page_catalog.read_text(encoding="utf-8")

    # The new catalogs are in the project's one style: updating them again changes nothing.
    before = {path: path.read_bytes() for path in catalogs("ja", project_copy)}
    assert f"unchanged  {catalog('ja', 'index', Path())}" in run_make("update-po", cwd=project_copy).stdout
    assert {path: path.read_bytes() for path in catalogs("ja", project_copy)} == before
    stats = run_make("stats", cwd=project_copy).stdout
    assert "ja (all pages)" in stats and "zh_CN (all pages)" in stats

    run_make("html", "LANGUAGES=en ja", cwd=project_copy)  # the new edition, and one that links to it
    site = project_copy / "build" / "html"
    assert (site / "ja" / "index.html").exists()
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert 'href="../ja/index.html"' in english
    assert 'href="ja/index.html"' in (site / "index.html").read_text(encoding="utf-8")
    # Untranslated so far, and the page says so.
    assert "translation-incomplete" in (site / "ja" / "index.html").read_text(encoding="utf-8")
    run_make("check-po", cwd=project_copy)  # not complete: untranslated is not an error


def test_adding_an_existing_language_is_refused(project_copy: Path):
    before = (project_copy / "languages.toml").read_bytes()
    result = run_make("add-language", "LANGUAGE=zh_CN", cwd=project_copy, check=False)
    assert result.returncode != 0 and "already" in result.stderr
    assert (project_copy / "languages.toml").read_bytes() == before
