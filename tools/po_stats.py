"""Translation progress, per language and per page.

    python tools/po_stats.py zh_CN [ja ...]      (make stats)

Only real translations count as translated: a fuzzy entry is shown in the
original language at build time, so it counts as fuzzy, not as done (unlike
``sphinx-intl stat``). Obsolete entries are not counted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))  # the book's facts (extensions/book.py)
from book import catalogs  # noqa: E402


def counts(po: polib.POFile) -> tuple[int, int, int]:
    live = [entry for entry in po if not entry.obsolete]
    fuzzy = sum(1 for entry in live if entry.fuzzy)
    translated = sum(1 for entry in live if entry.translated() and not entry.fuzzy)
    return translated, fuzzy, len(live) - translated - fuzzy


def percent(translated: int, total: int) -> str:
    return f"{100 * translated / total:.1f}%" if total else "-"


def main(languages: list[str]) -> int:
    header = f"{'catalog':<46} {'translated':>10} {'fuzzy':>6} {'untranslated':>12} {'done':>7}"
    print(header)
    print("-" * len(header))
    for language in languages:
        totals = [0, 0, 0]
        for path in catalogs(language):
            row = counts(polib.pofile(str(path)))
            totals = [a + b for a, b in zip(totals, row)]
            print(f"{str(path.relative_to(ROOT)):<46} {row[0]:>10} {row[1]:>6} {row[2]:>12} "
                  f"{percent(row[0], sum(row)):>7}")
        print(f"{language + ' (all pages)':<46} {totals[0]:>10} {totals[1]:>6} {totals[2]:>12} "
              f"{percent(totals[0], sum(totals)):>7}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
