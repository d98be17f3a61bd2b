"""`make html` rebuilds what a change affects, and only that: nothing for no
change, one edition for one catalog, one page for one edited message or
paragraph (the pages that show a title too, for a title), every page for
changed extension code or a changed theme catalog."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from sphinx.util.i18n import CatalogInfo

from catalogs import edit_extension, edit_first_paragraph, set_translation
from book import catalog, catalog_dir
from conftest import PAGES, run_make
from project_copy import pages_written



def test_nothing_changed_runs_no_sphinx_at_all(built_copy: Path):
    run_make("html", cwd=built_copy)
    again = run_make("html", cwd=built_copy)
    assert "sphinx-build" not in again.stdout + again.stderr


def test_a_catalog_saved_unchanged_settles_after_one_build(built_copy: Path, monkeypatch):
    # A checkout or a save without change makes a .po newer than its .mo. The
    # .mo must then be dated so that Sphinx does not compile the .po itself
    # (its .mo would differ from msgfmt's, and the next make would build again).
    # Sphinx judges in whole microseconds, rounded up: a date copied through a
    # float (seconds) fell below it for about one modification time in fifteen.
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    # The copy's compile_catalogs, reading the copy's book.py: the project's
    # (imported by other test modules at collection) would compile the
    # project's own catalogs, not these.
    monkeypatch.delitem(sys.modules, "book", raising=False)
    monkeypatch.syspath_prepend(str(built_copy / "extensions"))
    spec = importlib.util.spec_from_file_location("copy_compile_catalogs", built_copy / "tools/compile_catalogs.py")
    compile_catalogs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compile_catalogs)
    folder = catalog_dir("zh_CN", built_copy)
    assert compile_catalogs.catalog_dir("zh_CN") == folder
    po, mo = folder / "pipes.po", folder / "pipes.mo"
    msgfmt_output = mo.read_bytes()
    saved = 1_765_000_000_000_000_000
    for step in range(60):
        saved += 1_013 + 7 * step * step  # nanoseconds, as file systems keep them
        os.utime(po, ns=(saved, saved))
        os.utime(mo, ns=(saved - 5_000, saved - 5_000))
        assert compile_catalogs.compile_language("zh_CN") == ([], True)
        assert not CatalogInfo(str(folder), "pipes", "utf-8").is_outdated(), f"{po} saved at {saved} ns"
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    again = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    assert "sphinx-build" not in again.stdout + again.stderr
    assert mo.read_bytes() == msgfmt_output


def test_one_catalog_edit_rebuilds_only_its_edition(built_copy: Path):
    run_make("html", cwd=built_copy)
    english = built_copy / "build/html/en/pipes.html"
    english_before = english.stat().st_mtime_ns
    set_translation(catalog("zh_CN", "pipes", built_copy), "Pipes and connections", "管道与连接（改）")
    rebuilt = run_make("html", cwd=built_copy)
    assert "language=zh_CN" in rebuilt.stdout and "language=en" not in rebuilt.stdout
    assert "0 added, 1 changed, 0 removed" in rebuilt.stdout, rebuilt.stdout[-3000:]
    assert english.stat().st_mtime_ns == english_before
    assert "管道与连接（改）" in (built_copy / "build/html/zh_CN/pipes.html").read_text(encoding="utf-8")


def pages_written_by(project: Path, *make_args: str) -> dict[str, set[str]]:
    """Run `make html ...`; per edition, the pages it wrote."""
    return pages_written(project / "build/html", lambda: run_make("html", *make_args, cwd=project))


def test_one_edited_translation_rewrites_only_its_page(built_copy: Path):
    run_make("html", cwd=built_copy)
    edit_first_paragraph(catalog("zh_CN", "queues", built_copy))
    assert pages_written_by(built_copy) == {"zh_CN": {"queues"}}


def test_one_edited_english_paragraph_rewrites_only_its_page_in_each_edition(built_copy: Path):
    run_make("html", cwd=built_copy)
    source = built_copy / "source/queues.md"
    text = source.read_text(encoding="utf-8")
    paragraph = text.split("\n\n")[1]  # after the label and the title
    assert paragraph[0].isalpha(), paragraph
    source.write_text(text.replace(paragraph, paragraph + " An added sentence.", 1), encoding="utf-8")
    assert pages_written_by(built_copy) == {"en": {"queues"}, "zh_CN": {"queues"}}


def test_a_word_no_page_has_any_more_leaves_the_search_index(built_copy: Path):
    # Sphinx would keep it with an empty list of pages (extensions/search_index.py):
    # an incremental build's index would differ from a clean build's.
    run_make("html", "LANGUAGES=en", cwd=built_copy)
    source = built_copy / "source/queues.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("first in, first out", "first in, first out, zyzzyvaword", 1), encoding="utf-8")
    run_make("html", "LANGUAGES=en", cwd=built_copy)
    index = built_copy / "build/html/en/searchindex.js"
    assert '"zyzzyvaword"' in index.read_text(encoding="utf-8")
    source.write_text(text, encoding="utf-8")
    run_make("html", "LANGUAGES=en", cwd=built_copy)
    searchable = index.read_text(encoding="utf-8")
    assert "zyzzyvaword" not in searchable and '":[]' not in searchable


def test_an_edited_section_title_rewrites_its_page_the_opening_page_and_the_pages_referring_to_it(
        built_copy: Path):
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    set_translation(catalog("zh_CN", "processes", built_copy), "Start methods", "启动方法（改）")
    # The opening page lists every page's sections; the pages that refer to
    # this section by its title ({ref}`start-methods`) show the new title too.
    referring = {name for name in PAGES
                 if "{ref}`start-methods`" in (built_copy / "source" / f"{name}.md").read_text(encoding="utf-8")}
    assert referring - {"processes"}, "no other page refers to the section any more: pick another"
    assert pages_written_by(built_copy, "LANGUAGES=zh_CN") == {"zh_CN": {"processes", "index"} | referring}
    for name in referring:
        assert "启动方法（改）" in (built_copy / f"build/html/zh_CN/{name}.html").read_text(encoding="utf-8"), name


def test_changed_extension_code_is_applied_to_every_page(built_copy: Path):
    run_make("html", cwd=built_copy)
    module = built_copy / "extensions/translation_status.py"
    edit_extension(module)
    run_make("html", cwd=built_copy)
    for language in ("en", "zh_CN"):
        for name in PAGES:
            page = (built_copy / f"build/html/{language}/{name}.html").read_text(encoding="utf-8")
            assert "Marked by a changed extension." in page, (language, name)


def test_a_theme_catalog_edit_shows_on_every_page(built_copy: Path):
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    set_translation(catalog("zh_CN", "sphinx", built_copy), "Download PDF", "下载 PDF（改）")
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    for page in [f"{name}.html" for name in PAGES] + ["search.html"]:
        assert "下载 PDF（改）" in (built_copy / "build/html/zh_CN" / page).read_text(encoding="utf-8"), page


def test_a_theme_template_edit_shows_on_every_page(built_copy: Path):
    # Compiled templates are cached between builds (extensions/template_cache.py).
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    layout = built_copy / "theme/ipcbook/layout.html"
    text = layout.read_text(encoding="utf-8")
    assert 'class="pdf-download"' in text
    layout.write_text(text.replace('class="pdf-download"', 'class="pdf-download" data-edited="layout"'),
                      encoding="utf-8")
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    for page in [f"{name}.html" for name in PAGES] + ["search.html"]:
        assert 'data-edited="layout"' in (built_copy / "build/html/zh_CN" / page).read_text(encoding="utf-8"), page
