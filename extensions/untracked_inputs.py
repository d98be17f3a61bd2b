"""Read every page again when an input Sphinx does not track has changed.

Sphinx re-reads a page when the page, a file it includes, its own catalog or
a configuration value changed. Two inputs of every page escape it:

* the code of the book's extensions: a fixed extension would leave the old
  output in place until the page itself changed;
* the theme's catalog (``sphinx.po``: header, switcher, permalink titles):
  an edited translation would show only on pages rebuilt for another reason.

This extension keeps a digest of both in Sphinx's environment and, when it
differs from the last build's, marks every page out of date.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

EXTENSIONS = Path(__file__).resolve().parent


def inputs_digest(app: Sphinx) -> str:
    inputs = sorted(EXTENSIONS.glob("*.py"))
    for locale_dir in app.config.locale_dirs:  # absolute in conf.py
        inputs += sorted(Path(locale_dir, app.config.language, "LC_MESSAGES").glob("sphinx.mo"))
    digest = hashlib.sha256()
    for path in inputs:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pages_to_read_again(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    digest, last = inputs_digest(app), getattr(env, "untracked_inputs_digest", None)
    env.untracked_inputs_digest = digest
    return sorted(env.found_docs) if last is not None and last != digest else []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", pages_to_read_again)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
