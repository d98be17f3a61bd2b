"""Keep the theme's compiled Jinja templates between builds.

Sphinx compiles every HTML template it renders anew in each build: about
0.1 s of a one-page rebuild. Jinja's own bytecode cache (a public Jinja API)
keeps the compiled code in the edition's doctree directory, beside Sphinx's
other caches; Jinja compares each template's source with the cached copy's
and compiles it again when they differ, so a theme edit is always seen.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from sphinx.application import Sphinx


def cache_compiled_templates(app: Sphinx) -> None:
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None:  # builders without HTML templates (LaTeX, gettext)
        return
    directory = Path(app.doctreedir) / "templates"
    directory.mkdir(parents=True, exist_ok=True)
    # Internal (extensions/internals.py): the loader's .environment (Jinja's bytecode cache is public).
    environment.bytecode_cache = FileSystemBytecodeCache(str(directory))


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", cache_compiled_templates)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
