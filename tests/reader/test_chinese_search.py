"""The reduced jieba dictionary (extensions/search_dictionary.py) segments the
book exactly as jieba's whole dictionary does: search quality is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import jieba
import polib

from built_pages import soup
from conftest import ROOT

sys.path.insert(0, str(ROOT / "extensions"))
from search_dictionary import book_characters, glossary_terms, reduced_dictionary  # noqa: E402


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

    # What is indexed: every page's text.
    texts = [soup(page).select_one("div.body").get_text() for page in sorted((html_site / "zh_CN").glob("*.html"))
             if soup(page).select_one("div.body")]
    for catalog in (ROOT / "locale" / "zh_CN" / "LC_MESSAGES").glob("*.po"):
        texts += [entry.msgstr for entry in polib.pofile(str(catalog))]
    assert any("进程" in text for text in texts)
    for text in texts:
        assert list(reduced.cut_for_search(text)) == list(whole.cut_for_search(text))
    assert reduced.total == whole.total  # so every word's probability is unchanged
    # A glossary term stays whole, so a reader's search for it finds its page.
    assert "进程池" in list(reduced.cut_for_search("使用进程池并行计算"))
    assert sum(1 for _ in dictionary.open(encoding="utf-8")) < 100_000  # from 349,046
