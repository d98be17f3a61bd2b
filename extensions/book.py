"""The book's facts, each in one place (not an extension: a module that the
extensions, the tools, the tests and the Makefile share).

- The editions: ``languages.toml``, parsed here only (:func:`load_editions`);
  the first is the source language, every other one a translation
  (:func:`source_language`, :func:`translations`, :func:`is_translation`).
- A language's tag in HTML, EPUB and PDF: BCP 47, ``zh_CN`` -> ``zh-CN``
  (:func:`language_tag`).
- The catalogs: ``locale/<lang>/LC_MESSAGES/<domain>.po`` (:data:`LOCALE_DIR`,
  which ``conf.py`` gives Sphinx as ``locale_dirs``; :func:`catalog`,
  :func:`catalogs`) and the glossary, ``locale/<lang>/glossary.csv``
  (:func:`glossary`).
- Files the build writes while other builds may read them: written whole or
  not at all (:func:`write_atomically`).

Standard library only: tools and the Makefile use it without Sphinx.
``python extensions/book.py make-variables`` prints the editions for make.
"""

from __future__ import annotations

import copy
import csv
import os
import sys
import tomllib
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES_FILE = ROOT / "languages.toml"
LOCALE_DIR = ROOT / "locale"


# -- Editions (languages.toml) ------------------------------------------------------


def load_editions(path: Path = LANGUAGES_FILE) -> dict[str, dict]:
    """The editions in file order; the first is the source language.

    Parsed once per version of the file (transforms ask for every page)."""
    status = path.stat()
    return copy.deepcopy(_parsed(path, status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=4)
def _parsed(path: Path, _mtime_ns: int, _size: int) -> dict[str, dict]:
    with path.open("rb") as file:
        return tomllib.load(file)


def source_language() -> str:
    """The language the book is written in (the first edition)."""
    return next(iter(load_editions()))


def translations() -> list[str]:
    """Every edition but the source language: those made from catalogs."""
    return list(load_editions())[1:]


def is_translation(language: str) -> bool:
    """Whether ``language``'s edition is translated (has catalogs)."""
    return language != source_language()


def language_tag(language: str) -> str:
    """The BCP 47 tag of a Sphinx language code (``lang``, EPUB, PDF): zh_CN -> zh-CN."""
    return language.replace("_", "-")


# -- Catalogs and glossary ------------------------------------------------------------


def catalog_dir(language: str, root: Path = ROOT) -> Path:
    """The folder of ``language``'s catalogs (in the project at ``root``)."""
    return root / LOCALE_DIR.relative_to(ROOT) / language / "LC_MESSAGES"


def catalog(language: str, domain: str, root: Path = ROOT) -> Path:
    """The catalog of one page (its docname) or of the theme (``sphinx``)."""
    return catalog_dir(language, root) / f"{domain}.po"


def catalogs(language: str, root: Path = ROOT) -> list[Path]:
    """Every catalog of ``language``, sorted (none for the source language)."""
    return sorted(catalog_dir(language, root).glob("*.po"))


def glossary_path(language: str, root: Path = ROOT) -> Path:
    return root / LOCALE_DIR.relative_to(ROOT) / language / "glossary.csv"


def glossary(language: str) -> list[dict[str, str]]:
    """The glossary's rows (``english``: the term and its forms, ``|``-separated;
    ``<language>``: its translation; ``note``); none without a glossary."""
    path = glossary_path(language)
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


# -- Files --------------------------------------------------------------------------


def write_atomically(path: Path, content: bytes | str) -> None:
    """Write ``path`` whole: a reader (another build running side by side)
    sees the old file or the new one, never half of one."""
    staged = path.with_name(f".{path.name}.{os.getpid()}")
    if isinstance(content, str):
        staged.write_text(content, encoding="utf-8")
    else:
        staged.write_bytes(content)
    staged.replace(path)


if __name__ == "__main__":
    # For the Makefile (it includes what this prints: see "Editions" there).
    if sys.argv[1:] != ["make-variables"]:
        sys.exit("usage: python extensions/book.py make-variables")
    print(f"ALL_LANGUAGES := {' '.join(load_editions())}")
    print(f"LOCALE_DIR := {LOCALE_DIR.relative_to(ROOT)}")
    # An edition's catalog folder, % for its language (make's pattern rules).
    print(f"CATALOG_DIR := {catalog_dir('%').relative_to(ROOT)}")
