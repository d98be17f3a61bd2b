"""Keep the parsed intersphinx inventory between builds of an edition.

Speed only. intersphinx keeps a remote inventory in Sphinx's environment, but
reads and parses a local file at every build, and the Python documentation's
inventory is a local file (Debian's python3-doc, so that builds need no
network): 15,600 entries parsed again for every rebuild, 0.05 s of the 0.7 s
that one edited message costs.

The parsed inventory is also kept out of Sphinx's stored environment (1.8 of
its 2.2 MB, written after every build's reading and read before the next):
intersphinx reads a local inventory again at every build anyway, so the
copy in the environment is never used. When an inventory is remote, whose
copy Sphinx does use (it downloads it again only when it expires), the
environment keeps them all.

Parsing is Sphinx's ``InventoryFile.loads(content, uri=...)``; its result
depends on nothing else. This extension keeps each result, pickled, in the
edition's doctree directory (``inventories/``, beside Sphinx's own caches),
under a digest of the file's bytes and the URI, and hands it back when they
are the same: a new inventory (python3-doc upgraded) is parsed, and the one
it replaces is deleted. A cold build, in an empty doctree directory, parses
as before.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util.inventory import InventoryFile

from book import write_atomically

# Sphinx's own, as a plain function (kept on the class: a second import of
# this module, in a process that builds twice, must not wrap the wrapper).
_parse = getattr(InventoryFile, "_loads_every_time", None) or InventoryFile.loads.__func__
InventoryFile._loads_every_time = _parse
_directory: Path | None = None  # this build's cache (set at builder-inited)
_used: set[Path] = set()


def loads(cls, content: bytes, *, uri: str):
    """Sphinx's ``InventoryFile.loads``, kept per content and URI."""
    if _directory is None:
        return _parse(cls, content, uri=uri)
    digest = hashlib.sha256(content + b"\0" + uri.encode()).hexdigest()[:32]
    kept = _directory / f"{digest}.pickle"
    _used.add(kept)
    try:
        return pickle.loads(kept.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        inventory = _parse(cls, content, uri=uri)
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, pickle.dumps(inventory, protocol=pickle.HIGHEST_PROTOCOL))  # builds may run side by side
        return inventory


def use_doctree_directory(app: Sphinx) -> None:
    global _directory
    _directory = Path(app.doctreedir) / "inventories"
    _used.clear()


class _NotStored(dict):
    """A dict that is stored (pickled) as an empty one."""

    def __reduce__(self):
        return dict, ()


def keep_inventories_out_of_the_environment(app: Sphinx) -> None:
    """After intersphinx has loaded them (see above)."""
    for _name, (uri, locations) in app.config.intersphinx_mapping.values():  # as intersphinx normalized it
        if any("://" in (location or uri) for location in locations):
            return  # a remote inventory: Sphinx's stored copy saves a download
    for name in ("intersphinx_cache", "intersphinx_inventory", "intersphinx_named_inventory"):
        if isinstance(getattr(app.env, name, None), dict):
            setattr(app.env, name, _NotStored(getattr(app.env, name)))


def forget_replaced_inventories(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and _directory is not None and _used:
        for path in _directory.glob("*.pickle"):
            if path not in _used:
                path.unlink(missing_ok=True)


def setup(app: Sphinx) -> dict:
    # Internal (extensions/internals.py): intersphinx parses with this classmethod and caches nothing.
    InventoryFile.loads = classmethod(loads)
    # Before intersphinx reads the inventories (builder-inited, priority 500).
    app.connect("builder-inited", use_doctree_directory, priority=100)
    app.connect("builder-inited", keep_inventories_out_of_the_environment, priority=900)
    app.connect("build-finished", forget_replaced_inventories)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
