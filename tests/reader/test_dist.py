"""`make dist` gives one archive that any static host can serve as it is.
(A second build of the whole book: `make test-all`, not `make test`.)"""

from __future__ import annotations

import re
import tarfile
from pathlib import Path

import pytest

from conftest import BUILD
from html_pages import parsed_page


ARCHIVE = BUILD / "dist" / "python-ipc.tar.gz"


pytestmark = pytest.mark.whole_rebuild


@pytest.fixture(scope="module")
def hosted_site(clean_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive `make dist` writes, unpacked as a static host would serve it."""
    site = tmp_path_factory.mktemp("hosted")
    with tarfile.open(ARCHIVE) as archive:
        archive.extractall(site, filter="data")
    return site


def test_dist_archive_holds_both_editions_the_landing_page_both_pdfs_and_both_epubs(hosted_site: Path):
    with tarfile.open(ARCHIVE) as archive:
        names = set(archive.getnames())
        members = archive.getmembers()
    for name in ("./index.html", "./en/index.html", "./zh_CN/index.html", "./en/search.html",
                 "./zh_CN/searchindex.js", "./en/python-ipc-en.pdf", "./zh_CN/python-ipc-zh_CN.pdf",
                 "./en/python-ipc-en.epub", "./zh_CN/python-ipc-zh_CN.epub",
                 "./.nojekyll"):
        assert name in names, name
    assert not any(name.endswith((".built", ".buildinfo", "_sources")) for name in names)
    # No trace of who built it (a numeric owner 0:0 and no names: as root, a
    # plain tar writes uid 0 too, with the name "root") nor of when its files
    # were written (one fixed date).
    assert {(member.uid, member.gid, member.uname, member.gname) for member in members} == {(0, 0, "", "")}
    assert len({member.mtime for member in members}) == 1


def test_every_link_within_the_site_leads_to_a_page_and_anchor_that_exist(hosted_site: Path):
    pages = sorted(hosted_site.rglob("*.html"))
    assert len(pages) >= 5  # landing page, and each edition's chapter and search page
    soups = {path: parsed_page(path) for path in pages}
    ids = {path: {tag["id"] for tag in soup.select("[id]")} for path, soup in soups.items()}
    broken = []
    for path, soup in soups.items():
        for tag in soup.select("a[href], link[href]"):
            href = tag["href"]
            if re.match(r"[a-z]+:|//", href):
                continue  # outside the site (checked elsewhere: no request leaves it)
            target, _, anchor = href.partition("#")
            target = (path.parent / target.partition("?")[0]).resolve() if target else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or (anchor and target.suffix == ".html" and anchor not in ids[target]):
                broken.append(f"{path.relative_to(hosted_site)}: {href}")
    assert not broken, broken
