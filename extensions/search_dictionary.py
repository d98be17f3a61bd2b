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

A page's text comes to jieba a node at a time, and jieba cuts each node into
blocks (runs of Chinese characters, letters and digits between punctuation)
that it segments one by one: in this book, 10,400 blocks of which 3,600
differ (``multiprocessing``, ``Queue``, 进程, 例如...). Segmenting a block
depends only on the block and the dictionary, so each distinct block is
segmented once per build (jieba's default tokenizer is given a memo of its
own block segmenter, once its dictionary is complete); the words are the
same, in the same order, which a test checks on the whole book.

Latin words in the Chinese pages (``Queue``, ``put``...) are stemmed by the
Snowball English stemmer, which Sphinx memoizes a page at a time: here once
per build (a pure function of the word; 6,600 calls for a few hundred words).

Speed, built on internals (fenced: ``extensions/internals.py`` lists them,
``tests/translator/test_internals.py`` fails naming the one that moved):
jieba's ``Tokenizer.__cut_DAG`` (name-mangled, looked up on the tokenizer at
each block; jieba has no hook for a memo), ``Tokenizer.FREQ``/``total``/
``initialized``/``gen_pfdict`` (its prefix dictionary; ``set_dictionary``
alone reads it in small pieces), the ``SearchChinese`` class's ``stemmer``
attribute and ``sphinx.search.languages`` (the table Sphinx picks the
search language from; ``html_search_scorer`` and ``html_search_options`` do
not reach the stemmer). Without ``__cut_DAG`` the memo steps aside.

The book's characters are those of its catalogs, sources and examples; the
reduced dictionary, and jieba's prefix dictionary of it, are kept in the
user's cache directory (``$XDG_CACHE_HOME/python-ipc-book/jieba``, else
``~/.cache/...``) under a name derived from that character set: every build
of the same text, clean or not, in any copy of the project, reuses them, and
a new character makes a new one (the eight used last are kept). Nothing in
the output depends on them.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import marshal
import os
import re
import sys
from pathlib import Path

from sphinx.application import Sphinx

from book import catalogs, glossary, write_atomically

ROOT = Path(__file__).resolve().parent.parent
# Never in any text: carries the frequency of the words left out.
PLACEHOLDER = "\ue000"


_file_characters: dict[str, tuple[int, int, str]] = {}  # path -> (mtime, size, its characters)


def book_characters(language: str, kept: Path | None = None) -> set[str]:
    """The characters of the book's catalogs, sources and examples. A file is
    read again only when its size or modification time changed: since the
    last call, or since the build that wrote ``kept`` (a JSON file, rewritten
    when something changed), so that a rebuild does not read the whole book."""
    texts = [*catalogs(language),
             *(ROOT / "source").rglob("*.md"), *(ROOT / "examples").rglob("*.py")]
    if kept is not None and not _file_characters:
        try:
            _file_characters.update({path: tuple(entry) for path, entry in
                                     json.loads(kept.read_text(encoding="utf-8")).items()})
        except (OSError, ValueError, TypeError):
            pass  # read the files
    characters: set[str] = set()
    changed = False
    for path in map(str, texts):
        status = os.stat(path)
        known = _file_characters.get(path)
        if known is None or tuple(known[:2]) != (status.st_mtime_ns, status.st_size):
            text = Path(path).read_text(encoding="utf-8")
            known = _file_characters[path] = (status.st_mtime_ns, status.st_size, "".join(sorted(set(text))))
            changed = True
        characters.update(known[2])
    if kept is not None and changed:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(kept, json.dumps({path: _file_characters[path] for path in map(str, texts)},
                                          ensure_ascii=False, sort_keys=True))
    return characters


def glossary_terms(language: str) -> list[str]:
    """The glossary's translations that are words of one script (进程池, not 子进程 / 父进程)."""
    return sorted({row[language] for row in glossary(language)
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
    write_atomically(target, "".join(kept))  # builds may run side by side


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


def use_reduced_dictionary(app: Sphinx, env: object = None) -> None:
    """At builder-inited, for the book as it is then (``make serve`` prepares
    its next build in advance: the dictionary is ready before the save); at
    env-updated, checked against the catalogs this build read, and loaded
    again only if the characters or the glossary changed."""
    if app.builder.format != "html" or not app.config.language.startswith("zh"):
        return
    try:
        jieba = import_jieba_without_pkg_resources()
    except ImportError:
        return  # Sphinx itself reports that Chinese search needs jieba
    characters = book_characters(app.config.language, Path(app.doctreedir) / "book-characters.json")
    digest = hashlib.sha256("".join(sorted(characters)).encode()).hexdigest()[:16]
    terms = glossary_terms(app.config.language)
    if getattr(jieba.dt, "book_dictionary", None) == (digest, terms):
        return
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "python-ipc-book" / "jieba"
    dictionary = cache / f"dict-{digest}.txt"
    if not dictionary.exists():
        full = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
        reduced_dictionary(full, characters, dictionary)
    jieba.set_dictionary(str(dictionary))
    load_prefix_dictionary(jieba.dt, dictionary, dictionary.with_suffix(".marshal"))
    forget_all_but_recent(cache, dictionary)
    for term in terms:
        jieba.add_word(term)
    segment_each_block_once(jieba.dt)
    jieba.dt.book_dictionary = (digest, terms)


def load_prefix_dictionary(tokenizer, words: Path, prefixes: Path) -> None:
    """Give ``tokenizer`` jieba's prefix dictionary of ``words``, kept in
    ``prefixes`` (marshal) after the first build that makes it.

    jieba keeps one too, but reads it with ``marshal.load`` from a file
    object, which reads it in small pieces: 0.06 s a build, where reading the
    bytes and ``marshal.loads`` takes 0.015 s. Same dictionary, same total."""
    try:
        tokenizer.FREQ, tokenizer.total = marshal.loads(prefixes.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        with words.open("rb") as file:
            tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(file)
        write_atomically(prefixes, marshal.dumps((tokenizer.FREQ, tokenizer.total)))  # builds may run side by side
    tokenizer.initialized = True


def forget_all_but_recent(cache: Path, used: Path, keep: int = 8) -> None:
    """Each new character set makes a new dictionary: keep the ``keep`` used
    last (``used`` is now one of them), delete the others and what was
    derived from them (and jieba's own caches of earlier versions)."""
    os.utime(used)
    dictionaries = sorted(cache.glob("dict-*.txt"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in [*dictionaries[keep:], *cache.glob("jieba.u*.cache")]:
        for path in (old, old.with_suffix(".marshal")):
            path.unlink(missing_ok=True)


def segment_each_block_once(tokenizer) -> None:
    """Give ``tokenizer`` (complete: no word is added after this) a memo of
    the segmenter that ``cut`` and ``cut_for_search`` call for each block.

    jieba 0.42 names it ``__cut_DAG`` (the one used with its HMM, as Sphinx
    uses it); ``cut`` looks it up on the tokenizer, so an attribute of the
    tokenizer stands in for it. Without that method, nothing is changed."""
    segment = tokenizer.__dict__.get("_Tokenizer__cut_DAG_unmemoized") or getattr(
        tokenizer, "_Tokenizer__cut_DAG", None)
    if segment is None:
        return
    segmented: dict[str, tuple[str, ...]] = {}

    def segment_once(block: str):
        words = segmented.get(block)
        if words is None:
            words = segmented[block] = tuple(segment(block))
        return iter(words)

    tokenizer._Tokenizer__cut_DAG_unmemoized = segment
    tokenizer._Tokenizer__cut_DAG = segment_once


def use_stemmer_memo(app: Sphinx, config) -> None:
    """For a Chinese edition: Sphinx's Chinese search language, its stemmer memoized."""
    if not config.language.startswith("zh"):
        return
    from sphinx import search

    try:
        import_jieba_without_pkg_resources()  # before sphinx.search.zh imports it
    except ImportError:
        return  # Sphinx itself reports that Chinese search needs jieba
    search.languages["zh"] = search_chinese_class()


def search_chinese_class():
    from sphinx.search.zh import SearchChinese

    class SearchChineseStemmedOnce(SearchChinese):
        # Sphinx 8.2 makes the stemmer in init(), which its __init__ calls;
        # Sphinx 9 in __init__ and calls no init(): after __init__ it exists
        # on both (tests/translator/test_internals.py checks the memo is there).
        def __init__(self, options: dict[str, str]) -> None:
            super().__init__(options)
            self.stemmer.stemWord = functools.cache(self.stemmer.stemWord)

    return SearchChineseStemmedOnce


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", use_stemmer_memo)
    # Loaded once the builder exists, checked after reading, before the search
    # index is built: the characters are those of the catalogs this build read.
    app.connect("builder-inited", use_reduced_dictionary)
    app.connect("env-updated", use_reduced_dictionary)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
