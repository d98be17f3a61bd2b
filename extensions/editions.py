"""Per-edition settings, read from ``languages.toml`` (the one place that
declares a language).

``-D language=zh_CN`` is applied after ``conf.py`` runs, so values that
depend on the language (title, author) are set here, once the configuration
is complete.
"""

from __future__ import annotations

import copy
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily: tools read languages.toml without Sphinx
    from sphinx.application import Sphinx
    from sphinx.config import Config

LANGUAGES_FILE = Path(__file__).resolve().parent.parent / "languages.toml"


def load_editions(path: Path = LANGUAGES_FILE) -> dict[str, dict]:
    """The editions in file order; the first is the source language.

    Parsed once per version of the file (transforms ask for every page)."""
    status = path.stat()
    return copy.deepcopy(_parsed(path, status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=4)
def _parsed(path: Path, _mtime_ns: int, _size: int) -> dict[str, dict]:
    with path.open("rb") as file:
        return tomllib.load(file)


def apply_edition(app: Sphinx, config: Config) -> None:
    from sphinx.errors import ConfigError

    editions = load_editions()
    edition = editions.get(config.language)
    if edition is None:
        raise ConfigError(
            f"{LANGUAGES_FILE}: no edition for language {config.language!r}; "
            f"known: {', '.join(editions)}"
        )
    config.project = edition["project"]
    config.author = edition["author"]
    config.copyright = f"%Y, {edition['author']}"  # %Y honours SOURCE_DATE_EPOCH
    config.html_title = edition["project"]
    config.html_context = {
        **config.html_context,
        "source_language": next(iter(editions)),
        "pdf_filename": f"python-ipc-{config.language}.pdf",
        "edition_languages": [
            {"code": code, "name": data["name"], "current": code == config.language}
            for code, data in editions.items()
        ],
    }


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", apply_edition)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
