"""A build does no work twice: a translated page is stored at the size of
what it holds and each translated message is parsed once
(extensions/message_parsing.py); the Python documentation's inventory is
parsed once per edition, not at every rebuild (extensions/inventory_cache.py)."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from docutils import nodes

from catalogs import EDIT_MARK, edit_first_paragraph, set_translation
from book import catalog, glossary_path
from conftest import BUILD, PAGES, ROOT, run_make

sys.path.insert(0, str(ROOT / "extensions"))
import inventory_cache  # noqa: E402
import message_parsing  # noqa: E402

PYTHON_INVENTORY = Path("/usr/share/doc/python3/html/objects.inv")  # conf.py's intersphinx_mapping


def test_a_translated_page_is_stored_without_the_build_environment(html_site: Path):
    # Nodes parsed from a message used to keep pointing at the throwaway
    # document they were parsed in, whose settings hold the environment:
    # every Chinese doctree pickled all of it (2.2 MB instead of 80 kB).
    for name in PAGES:
        english = BUILD / f"doctrees/html-en/{name}.doctree"
        chinese = BUILD / f"doctrees/html-zh_CN/{name}.doctree"
        # The Chinese page also keeps the English text, for the bilingual view.
        assert chinese.stat().st_size < 3 * english.stat().st_size + 20_000, name
        document = pickle.loads(chinese.read_bytes())
        foreign = [node for node in document.findall() if node._document not in (None, document)]
        assert not foreign, (name, foreign[:3])


def test_a_message_parsed_once_is_handed_out_once_and_never_after_its_nodes_moved(monkeypatch):
    parses = []

    def parse(app, source, source_path, source_line, config, settings):
        parses.append(source)
        return nodes.paragraph(source, "", nodes.Text(source))

    monkeypatch.setattr(message_parsing, "_stock_publish_msgstr", parse)
    monkeypatch.setattr(message_parsing, "_parsed_page", None)
    settings = object()
    publish = lambda text, line=3: message_parsing.publish_msgstr_once(  # noqa: E731
        None, text, "page.md", line, None, settings)

    # Sphinx's first pass reads a result, its second uses it: one parse.
    first = publish("进程")
    assert publish("进程") is first and parses == ["进程"]

    # Two messages with the same text on the same line: the first pass of the
    # second gets the kept result (it only reads it); the second pass of the
    # first parses again and moves the nodes into the page; the second pass
    # of the second must not get those moved nodes.
    parses.clear()
    read_by_a = publish("队列", line=7)
    assert publish("队列", line=7) is read_by_a  # B's first pass
    used_by_a = publish("队列", line=7)  # A's second pass
    page_node = nodes.paragraph()
    page_node.children = used_by_a.children
    for child in page_node.children:
        child.parent = page_node  # as Sphinx's update_leaves moves them
    used_by_b = publish("队列", line=7)
    assert used_by_b is not used_by_a and parses == ["队列", "队列", "队列"]

    # A code block's message, in the form Locale's first pass asks for it:
    # not parsed, and not a paragraph (so that pass passes over it); asked
    # for again (a code block Sphinx applies itself), it is parsed.
    parses.clear()
    comment = "::\n\n   # 子进程读取队列"
    first = publish(comment, line=9)
    assert parses == [] and not isinstance(first, nodes.paragraph)
    assert isinstance(publish(comment, line=9), nodes.paragraph) and parses == [comment]
    assert isinstance(publish("::\n\n   ", line=10), nodes.paragraph)  # blank: never asked for by the first pass

    # Another page: nothing of the last one is handed out.
    parses.clear()
    publish("管道")
    message_parsing.publish_msgstr_once(None, "管道", "other.md", 3, None, settings)
    assert parses == ["管道", "管道"]


def test_the_python_inventory_is_parsed_once_per_edition_and_a_new_one_replaces_it(tmp_path: Path, monkeypatch):
    parsed = []
    parse = inventory_cache._parse
    monkeypatch.setattr(inventory_cache, "_parse", lambda cls, content, *, uri: parsed.append(uri) or parse(
        cls, content, uri=uri))
    app = type("App", (), {"doctreedir": str(tmp_path)})()
    loads = lambda content, uri: inventory_cache.loads(inventory_cache.InventoryFile, content, uri=uri)  # noqa: E731
    content = PYTHON_INVENTORY.read_bytes()

    inventory_cache.use_doctree_directory(app)  # a build
    first = loads(content, uri="https://docs.python.org/3")
    inventory_cache.forget_replaced_inventories(app, None)
    inventory_cache.use_doctree_directory(app)  # the next build
    again = loads(content, uri="https://docs.python.org/3")
    assert parsed == ["https://docs.python.org/3"] and again.data == first.data
    assert "multiprocessing.Queue" in again.data["py:class"]

    # python3-doc upgraded: another inventory, parsed; the old one forgotten.
    other = (b"# Sphinx inventory version 2\n# Project: Python\n# Version: 3.99\n"
             b"# The remainder of this file is compressed using zlib.\n"
             + zlib.compress(b"multiprocessing.Queue py:class 1 library/multiprocessing.html#$ -\n"))
    kept = sorted(path.name for path in (tmp_path / "inventories").iterdir())
    inventory_cache.use_doctree_directory(app)
    newer = loads(other, uri="https://docs.python.org/3")
    inventory_cache.forget_replaced_inventories(app, None)
    assert len(parsed) == 2 and list(newer.data["py:class"]) == ["multiprocessing.Queue"]
    assert len(kept) == 1 and sorted(path.name for path in (tmp_path / "inventories").iterdir()) != kept
    monkeypatch.setattr(inventory_cache, "_directory", None)


def test_the_xml_of_a_skipped_node_is_made_only_for_a_debug_line_shown(monkeypatch):
    rendered = []
    stock = message_parsing._stock_repr_domxml
    monkeypatch.setattr(message_parsing, "_stock_repr_domxml",
                        lambda node, length=80: rendered.append(node) or stock(node, length))
    block = nodes.literal_block("print(1)\n" * 50, "print(1)\n" * 50, classes=["output"])
    shown_later = message_parsing.repr_domxml_when_shown(block)
    assert rendered == []  # nothing made while nobody reads it
    text = str(shown_later)  # as logging formats it, when the line is shown
    assert rendered == [block] and text == stock(block)
    assert text.startswith('<literal_block classes="output"') and text.endswith("...")


def test_a_rebuild_still_links_to_the_python_docs_without_storing_their_inventory(built_copy: Path):
    # The environment Sphinx stores after each build holds no copy of the
    # inventory (1.8 of its 2.2 MB): intersphinx reads the local file again.
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    stored = built_copy / "build/doctrees/html-zh_CN/environment.pickle"
    assert stored.stat().st_size < 400_000
    edit_first_paragraph(catalog("zh_CN", "queues", built_copy))
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    page = (built_copy / "build/html/zh_CN/queues.html").read_text(encoding="utf-8")
    assert EDIT_MARK in page
    assert 'href="https://docs.python.org/zh-cn/3/library/multiprocessing.html#multiprocessing.Queue"' in page


def test_an_edited_catalog_is_the_only_one_msgfmt_compiles_again(built_copy: Path, tmp_path: Path):
    # msgfmt itself, behind a script that notes each catalog it is given.
    wrapper, log = tmp_path / "bin" / "msgfmt", tmp_path / "msgfmt.log"
    wrapper.parent.mkdir()
    real = subprocess.run(["which", "msgfmt"], capture_output=True, text=True, check=True).stdout.strip()
    wrapper.write_text(f'#!/bin/bash\necho "${{@: -1}}" >> {log}\nexec {real} "$@"\n')
    wrapper.chmod(0o755)
    path = f"{wrapper.parent}:{os.environ['PATH']}"
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    edit_first_paragraph(catalog("zh_CN", "pipes", built_copy))
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, PATH=path)
    assert log.read_text().split() == [str(catalog("zh_CN", "pipes", Path()))]
    assert EDIT_MARK in (built_copy / "build/html/zh_CN/pipes.html").read_text(encoding="utf-8")
    # A build from an emptied build/ compiles none: the .mo files and their record are beside the catalogs.
    log.unlink()
    shutil.rmtree(built_copy / "build")
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, PATH=path)
    assert not log.exists()


def test_an_editions_own_inputs_leave_the_templates_as_they_are(built_copy: Path):
    # The glossary and the theme's catalog are read by the Chinese edition's
    # build and by check-po, never to extract the English messages: check-po
    # after editing them extracts nothing again (and still reads the glossary).
    glossary = glossary_path("zh_CN", built_copy)
    glossary.write_text(glossary.read_text(encoding="utf-8") + "pipe|pipes,管线,,管道\n", encoding="utf-8")
    set_translation(catalog("zh_CN", "sphinx", built_copy), "Download PDF", "下载 PDF 文件")
    result = run_make("check-po", cwd=built_copy, check=False)
    assert "-b gettext" not in result.stdout
    assert "'管道' is not the glossary's word" in result.stderr
    # The English pages are a source of the messages: an edit extracts them again.
    page = built_copy / "source/pipes.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new sentence.\n", encoding="utf-8")
    assert "-b gettext" in run_make("check-po", cwd=built_copy, check=False).stdout
