"""The reduced jieba dictionary (extensions/search_dictionary.py) segments the
book exactly as jieba's whole dictionary does, and segmenting each distinct
block once changes no word: search quality is unchanged."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import jieba
import polib

from html_pages import parsed_page
from book import catalogs
from conftest import ROOT

sys.path.insert(0, str(ROOT / "extensions"))
from search_dictionary import (book_characters, forget_all_but_recent, glossary_terms,  # noqa: E402
                               load_prefix_dictionary, reduced_dictionary, segment_each_block_once)


def book_texts(html_site: Path) -> list[str]:
    """What is indexed: every page's text, and every translation."""
    bodies = [parsed_page(page).select_one("div.body") for page in sorted((html_site / "zh_CN").glob("*.html"))]
    texts = [body.get_text() for body in bodies if body]
    for catalog in catalogs("zh_CN"):
        texts += [entry.msgstr for entry in polib.pofile(str(catalog))]
    return texts


def test_segmenting_each_block_once_gives_the_same_words(html_site: Path, tmp_path: Path):
    fresh, memoized = jieba.Tokenizer(), jieba.Tokenizer()
    fresh.tmp_dir = memoized.tmp_dir = str(tmp_path)
    segment_each_block_once(memoized)
    texts = book_texts(html_site)
    for _ in range(2):  # the second time, every block comes from the memo
        for text in texts:
            assert list(memoized.cut_for_search(text)) == list(fresh.cut_for_search(text)), text[:80]
    segment_each_block_once(memoized)  # again (a second build in one process): a new memo, not stacked
    assert memoized.__dict__["_Tokenizer__cut_DAG_unmemoized"].__func__ is jieba.Tokenizer._Tokenizer__cut_DAG


def test_reduced_dictionary_segments_the_book_like_the_whole_one(html_site: Path, tmp_path: Path):
    dictionary = tmp_path / "dict.txt"
    reduced_dictionary(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME, book_characters("zh_CN"), dictionary)
    whole, reduced = jieba.Tokenizer(), jieba.Tokenizer(str(dictionary))
    whole.tmp_dir = reduced.tmp_dir = str(tmp_path)
    terms = glossary_terms("zh_CN")
    assert "进程池" in terms
    for term in terms:  # as the build does, on both
        whole.add_word(term)
        reduced.add_word(term)

    texts = book_texts(html_site)
    assert any("进程" in text for text in texts)
    for text in texts:
        assert list(reduced.cut_for_search(text)) == list(whole.cut_for_search(text))
    assert reduced.total == whole.total  # so every word's probability is unchanged
    # A glossary term stays whole, so a reader's search for it finds its page.
    assert "进程池" in list(reduced.cut_for_search("使用进程池并行计算"))
    assert sum(1 for _ in dictionary.open(encoding="utf-8")) < 100_000  # from 349,046


def test_the_prefix_dictionary_kept_between_builds_is_the_one_jieba_makes(tmp_path: Path):
    words = tmp_path / "dict-0123.txt"
    reduced_dictionary(Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME, book_characters("zh_CN"), words)
    jiebas = jieba.Tokenizer(str(words))
    jiebas.tmp_dir = str(tmp_path / "jieba-cache")
    jiebas.initialize()
    for _ in range(2):  # made, then read back
        ours = jieba.Tokenizer(str(words))
        load_prefix_dictionary(ours, words, words.with_suffix(".marshal"))
        assert ours.initialized and ours.FREQ == jiebas.FREQ and ours.total == jiebas.total
    assert words.with_suffix(".marshal").is_file()


def test_the_dictionary_cache_keeps_the_dictionaries_used_last(tmp_path: Path):
    for number in range(12):
        (tmp_path / f"dict-{number:02}.txt").write_text("")
        (tmp_path / f"dict-{number:02}.marshal").write_text("")
        os.utime(tmp_path / f"dict-{number:02}.txt", (1000 + number, 1000 + number))
    (tmp_path / "jieba.u0123.cache").write_text("")  # jieba's own, from earlier versions
    forget_all_but_recent(tmp_path, tmp_path / "dict-00.txt", keep=8)
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == sorted([f"dict-{n:02}.{kind}" for n in (0, 5, 6, 7, 8, 9, 10, 11) for kind in ("txt", "marshal")])


def test_the_characters_kept_between_builds_are_those_of_the_files_as_they_are(tmp_path: Path, monkeypatch):
    import search_dictionary

    kept = tmp_path / "book-characters.json"
    monkeypatch.setattr(search_dictionary, "_file_characters", {})
    read = book_characters("zh_CN", kept)
    assert "进" in read and kept.is_file()
    entries = json.loads(kept.read_text(encoding="utf-8"))
    assert any(path.endswith(".po") for path in entries) and any(path.endswith(".md") for path in entries)
    # Two entries get a character no file has (U+E001, U+E002): one as the
    # file still is (its size and date), one for a file changed since.
    unchanged, changed = sorted(entries)[:2]
    entries[unchanged][2] += "\ue001"
    entries[changed] = [entries[changed][0], entries[changed][1] - 1, entries[changed][2] + "\ue002"]
    kept.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    # The next build (a new process) takes the characters of an unchanged file
    # from what was kept (U+E001 shows it was not read again), and reads the
    # changed file again (no U+E002).
    monkeypatch.setattr(search_dictionary, "_file_characters", {})
    assert book_characters("zh_CN", kept) == read | {"\ue001"}
    # What it kept now is the changed file as it is.
    again = json.loads(kept.read_text(encoding="utf-8"))
    assert "\ue002" not in again[changed][2] and again[changed][:2] == entries[changed][:1] + [entries[changed][1] + 1]
