"""Read every page again when an input Sphinx does not track has changed.

Sphinx re-reads a page when the page, a file it includes, its own catalog or
a configuration value changed. Other inputs of the book escape it: the code
of the book's extensions, the theme's catalog (``sphinx.po``), the glossary
that Chinese search segments with, ``languages.toml``... A changed one would
leave the old output in place until the page itself changed.

They are declared once, in ``untracked-inputs.txt`` at the project's top
(glob patterns; ``{language}`` is the edition's language), which the
Makefile reads too. This extension keeps a digest of those files in Sphinx's
environment and, when it differs from the last build's, marks every page out
of date: the build's output is then a clean build's.

The digest is taken when the build sets up, as the theme's catalog is loaded
and the extensions imported: a file edited after that (the live preview sets
its next build up in advance) is not what this build used, so the next build
must still see it as changed.
"""

from __future__ import annotations

import hashlib
import weakref
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

ROOT = Path(__file__).resolve().parent.parent
DECLARED = ROOT / "untracked-inputs.txt"


def declared_patterns() -> list[str]:
    """The glob patterns of untracked-inputs.txt, comments left out."""
    lines = (line.split("#", 1)[0].strip() for line in DECLARED.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def declared_inputs(language: str) -> list[Path]:
    """The files the declared patterns find for ``language``."""
    return sorted({path for pattern in declared_patterns()
                   for path in ROOT.glob(pattern.replace("{language}", language)) if path.is_file()})


def inputs_digest(app: Sphinx) -> str:
    digest = hashlib.sha256()
    for path in [DECLARED, *declared_inputs(app.config.language)]:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_AT_SET_UP: weakref.WeakKeyDictionary[Sphinx, str] = weakref.WeakKeyDictionary()


def take_digest(app: Sphinx) -> None:
    _AT_SET_UP[app] = inputs_digest(app)


def pages_to_read_again(app: Sphinx, env: BuildEnvironment, added, changed, removed) -> list[str]:
    digest, last = _AT_SET_UP[app], getattr(env, "untracked_inputs_digest", None)
    env.untracked_inputs_digest = digest
    return sorted(env.found_docs) if last is not None and last != digest else []


def setup(app: Sphinx) -> dict:
    app.connect("builder-inited", take_digest)
    app.connect("env-get-outdated", pages_to_read_again)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
