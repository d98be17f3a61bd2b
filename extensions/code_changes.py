"""Read every page again when the book's own extension code has changed.

Sphinx re-reads a page when the page, a file it includes, a catalog or a
configuration value changed, but not when the code of an extension did: a
fixed extension would leave the old output in place until the page itself
changed. This extension keeps a digest of the extension modules' contents in
Sphinx's environment and, when it differs from the last build's, marks
every page out of date.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

EXTENSIONS = Path(__file__).resolve().parent


def code_digest() -> str:
    digest = hashlib.sha256()
    for module in sorted(EXTENSIONS.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


def pages_to_read_again(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    digest, last = code_digest(), getattr(env, "book_extensions_digest", None)
    env.book_extensions_digest = digest
    return sorted(env.found_docs) if last is not None and last != digest else []


def setup(app: Sphinx) -> dict:
    app.connect("env-get-outdated", pages_to_read_again)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
