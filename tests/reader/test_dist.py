"""`make dist` gives one archive that any static host can serve as it is."""

from __future__ import annotations

import tarfile

from conftest import BUILD, run_make


def test_dist_archive_holds_both_editions_the_landing_page_and_both_pdfs():
    run_make("dist")
    with tarfile.open(BUILD / "dist" / "python-ipc.tar.gz") as archive:
        names = set(archive.getnames())
        members = archive.getmembers()
    for name in ("./index.html", "./en/index.html", "./zh_CN/index.html", "./en/search.html",
                 "./zh_CN/searchindex.js", "./en/python-ipc-en.pdf", "./zh_CN/python-ipc-zh_CN.pdf",
                 "./.nojekyll"):
        assert name in names, name
    assert not any(name.endswith((".built", ".buildinfo")) for name in names)
    assert {member.uid for member in members} == {0}  # no trace of who built it
