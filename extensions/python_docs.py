"""Links to the Python documentation in the edition's language, naming no
version the chapter does not target.

conf.py's ``intersphinx_mapping["python"]`` reads the inventory from the
local copy Debian's python3-doc installs (builds never touch the network)
and links to the English documentation. Each edition may name the Python
documentation in its language in ``languages.toml`` (``python_docs``, e.g.
``https://docs.python.org/zh-cn/3``): its links go there, with the object
paths of the same inventory (they are the same in every language's
documentation).

The inventory says which Python it documents (Debian's: 3.11), and
intersphinx puts that in every link's tooltip: "(in Python v3.11)". The
links go to ``/3/``, the documentation of the newest Python 3, and the
chapter is tested on 3.11 to 3.15: the tooltip names Python 3 (the version
in the link's URL). intersphinx is given a copy of the local inventory whose
header says so, kept in the edition's doctree directory and written only
when it changes (so the parsed inventory, cached per content by
inventory_cache, is reused from build to build).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.locale import _
from sphinx.transforms.post_transforms import SphinxPostTransform

import book

INVENTORY = "python"  # the name in conf.py's intersphinx_mapping
VERSION = "3"  # the links go to /3/: the newest Python 3's documentation


def version_named(inventory: bytes, version: str) -> bytes:
    """The inventory with its header's ``# Version:`` line set to ``version``
    (the header is plain text; the objects after it are compressed)."""
    return re.sub(rb"^# Version: [^\n]*$", b"# Version: " + version.encode(), inventory, count=1, flags=re.M)


def set_python_docs(app: Sphinx, config: Config) -> None:
    """Before intersphinx reads its mapping (config-inited, priority 800)."""
    mapping = dict(config.intersphinx_mapping)
    if INVENTORY not in mapping:
        return
    uri, location = mapping[INVENTORY]
    edition = book.load_editions().get(config.language, {})
    uri = edition.get("python_docs", uri)
    if location and "://" not in location and Path(location).is_file():
        copy = Path(app.doctreedir) / "python-docs" / "objects.inv"
        content = version_named(Path(location).read_bytes(), VERSION)
        if not copy.is_file() or copy.read_bytes() != content:
            copy.parent.mkdir(parents=True, exist_ok=True)
            book.write_atomically(copy, content)  # builds may run side by side
        location = str(copy)
    mapping[INVENTORY] = (uri, location)
    config.intersphinx_mapping = mapping


class TooltipsAsOnSphinx8(SphinxPostTransform):
    """Sphinx 9 words intersphinx's tooltip ``(in %s %s)``, the version given
    with its "v" (``v3``), where Sphinx 8.2 says ``(in %s v%s)``: in English
    the same text, but a translation of the new message cannot drop the "v"
    (（Python v3 文档）), and Sphinx's own Chinese is a fallback string
    ((位于 Python v3)). Each such tooltip is worded with Sphinx 8.2's message,
    which sphinx.po translates: the same tooltips on both stacks. (On Sphinx
    8.2 the new message is never used, and nothing matches.)"""

    default_priority = 11  # after intersphinx has resolved the references (10)

    def run(self, **kwargs) -> None:
        pattern = re.compile(re.escape(_("(in %s %s)")).replace("%s", "(.+)", 1).replace("%s", r"v(\d.*)", 1) + "$")
        for node in self.document.findall(nodes.reference):
            match = pattern.match(node.get("reftitle", ""))
            if match:
                node["reftitle"] = _("(in %s v%s)") % match.groups()


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", set_python_docs, priority=700)
    app.add_post_transform(TooltipsAsOnSphinx8)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
