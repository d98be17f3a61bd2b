"""A broken catalog stops the build with its file and line, is left exactly
as the translator wrote it, and no stale translation is ever shown."""

from __future__ import annotations

import os
from pathlib import Path

from catalogs import set_translation
from book import catalog
from conftest import run_make

QUEUES_PO = catalog("zh_CN", "queues", Path())


def test_a_malformed_po_fails_make_html_naming_file_and_line_and_is_not_touched(built_copy: Path):
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    po, mo = built_copy / QUEUES_PO, (built_copy / QUEUES_PO).with_suffix(".mo")
    assert mo.exists()
    lines = po.read_text(encoding="utf-8").split("\n")
    at = lines.index('msgid "Create queue"') + 1
    lines[at] = 'msgstr "创建队列'  # an unterminated string
    broken = "\n".join(lines).encode("utf-8")
    po.write_bytes(broken)

    result = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, check=False)

    assert result.returncode != 0
    assert f"{QUEUES_PO}:{at + 1}: " in result.stderr or f"{QUEUES_PO}:{at + 2}: " in result.stderr, result.stderr
    assert po.read_bytes() == broken  # exactly as the translator left it
    assert not mo.exists()  # the previous translation cannot be used by any later build


def test_a_bad_header_fails_the_build_too(built_copy: Path):
    po = built_copy / QUEUES_PO
    text = po.read_text(encoding="utf-8").replace('"Content-Type: text/plain; charset=UTF-8\\n"\n', "")
    po.write_text(text, encoding="utf-8")
    result = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, check=False)
    assert result.returncode != 0 and str(QUEUES_PO) in result.stderr, result.stderr


def test_a_catalog_restored_with_an_old_timestamp_is_still_used(built_copy: Path):
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    po = built_copy / QUEUES_PO
    set_translation(po, "Queues", "队列（新译）")
    os.utime(po, (0, 0))  # older than the compiled catalog and the last build
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    page = (built_copy / "build/html/zh_CN/queues.html").read_text(encoding="utf-8")
    assert "队列（新译）" in page


def test_a_repaired_catalog_leaves_no_page_to_read_again_later(built_copy: Path):
    # The broken catalog's .mo is deleted; once repaired, it is compiled again
    # (a new file, content as before): that build must read the page again,
    # not leave it to the next edit of another catalog.
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    po = built_copy / QUEUES_PO
    pristine = po.read_bytes()
    po.write_bytes(pristine.replace(b'msgstr "', b'msgstr "\\', 1))  # an invalid escape
    assert run_make("html", "LANGUAGES=zh_CN", cwd=built_copy, check=False).returncode != 0
    po.write_bytes(pristine)
    run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    set_translation(catalog("zh_CN", "pipes", built_copy), "Pipes and connections", "管道与连接（改）")
    rebuilt = run_make("html", "LANGUAGES=zh_CN", cwd=built_copy)
    assert "0 added, 1 changed, 0 removed" in rebuilt.stdout, rebuilt.stdout[-3000:]
