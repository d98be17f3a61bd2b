"""Load only the part of jieba's dictionary the book can use (Chinese search).

Sphinx segments Chinese text with jieba to build the search index. jieba's
dictionary has 349,046 words; loading it costs about 0.7 s per build, for a
chapter that uses a few hundred distinct characters. A word whose characters
do not all occur in the book can never match its text, so this extension
gives jieba (through its public ``set_dictionary``) the words made only of
the book's characters, plus one placeholder entry that keeps the
dictionary's total frequency. Word lookups, prefix lookups and the
log-probabilities jieba compares are then the same as with the whole
dictionary, so the index is the same (tests/reader/test_chinese_search.py
proves it on the book's text).

The glossary's terms (``locale/<lang>/glossary.csv``) are what readers search
for, so jieba keeps each of them whole (``add_word``, with the frequency
jieba itself suggests): a search for 进程池 finds the page on pools instead
of nothing (jieba alone cuts it into 进程 and 池, and single characters are
not indexed).

The book's characters are those of its catalogs, sources and examples; the
reduced dictionary, and jieba's own cache of it, are kept in the user's cache
directory (``$XDG_CACHE_HOME/python-ipc-book/jieba``, else
``~/.cache/...``) under a name derived from that character set: every build
of the same text, clean or not, in any copy of the project, reuses them, and
a new character makes a new one. Nothing in the output depends on them.
"""

from __future__ import annotations

import csv
import hashlib
import importlib
import os
import re
import sys
from pathlib import Path

from sphinx.application import Sphinx

ROOT = Path(__file__).resolve().parent.parent
# Never in any text: carries the frequency of the words left out.
PLACEHOLDER = "\ue000"


def book_characters(language: str) -> set[str]:
    texts = [*(ROOT / "locale" / language / "LC_MESSAGES").glob("*.po"),
             *(ROOT / "source").rglob("*.md"), *(ROOT / "examples").rglob("*.py")]
    characters: set[str] = set()
    for path in texts:
        characters.update(path.read_text(encoding="utf-8"))
    return characters


def glossary_terms(language: str) -> list[str]:
    """The glossary's translations that are words of one script (进程池, not 子进程 / 父进程)."""
    path = ROOT / "locale" / language / "glossary.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as file:
        return sorted({row[language] for row in csv.DictReader(file)
                       if re.fullmatch(r"[\u3400-\u9fff]{2,}", row.get(language) or "")})


def reduced_dictionary(full: Path, characters: set[str], target: Path) -> None:
    kept, total, kept_total = [], 0, 0
    with full.open(encoding="utf-8") as lines:
        for line in lines:
            word, freq = line.split(" ", 2)[:2]
            total += int(freq)
            if characters.issuperset(word):
                kept.append(line if line.endswith("\n") else line + "\n")
                kept_total += int(freq)
    kept.append(f"{PLACEHOLDER} {total - kept_total}\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")  # builds may run side by side
    partial.write_text("".join(kept), encoding="utf-8")
    partial.replace(target)


def import_jieba_without_pkg_resources():
    """jieba opens its bundled files through pkg_resources when it can import
    it, and by path otherwise. pkg_resources (setuptools' deprecated API) takes
    longer to import than the reduced dictionary takes to load, so jieba is
    imported with it hidden; nothing else is affected."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` fail
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


def use_reduced_dictionary(app: Sphinx, env: object) -> None:
    if app.builder.format != "html" or not app.config.language.startswith("zh"):
        return
    try:
        jieba = import_jieba_without_pkg_resources()
    except ImportError:
        return  # Sphinx itself reports that Chinese search needs jieba
    characters = book_characters(app.config.language)
    digest = hashlib.sha256("".join(sorted(characters)).encode()).hexdigest()[:16]
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "python-ipc-book" / "jieba"
    dictionary = cache / f"dict-{digest}.txt"
    if not dictionary.exists():
        full = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        reduced_dictionary(full, characters, dictionary)
    jieba.dt.tmp_dir = str(cache)  # jieba's own cache of the parsed dictionary
    jieba.set_dictionary(str(dictionary))
    for term in glossary_terms(app.config.language):
        jieba.add_word(term)


def setup(app: Sphinx) -> dict:
    # After reading, before the search index is built: the characters are
    # those of the catalogs this build read (an application prepared in
    # advance, as `make serve` does, has not read them yet at builder-inited).
    app.connect("env-updated", use_reduced_dictionary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
