"""Declare a new edition in languages.toml (the one place languages live).

    python tools/add_language.py ja      (make add-language LANGUAGE=ja)

Appends a table for the language, with its own name from Babel's locale data,
and the source edition's title and author to be translated. The Makefile then
creates the catalogs (make gettext, then tools/update_po.py). From then on
the builds, the language switcher and the landing page include the edition.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel import Locale, UnknownLocaleError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "extensions"))
from book import LANGUAGES_FILE, load_editions  # noqa: E402

# Which Noto CJK face a CJK edition's PDF uses (see extensions/latex_editions.py).
NOTO_CJK_REGION = {"ja": "JP", "ko": "KR", "zh_TW": "TC", "zh_HK": "HK"}


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, for these values)."""
    return json.dumps(text, ensure_ascii=False)


def main(language: str) -> int:
    editions = load_editions()
    if language in editions:
        print(f"{LANGUAGES_FILE.name}: {language} is already an edition", file=sys.stderr)
        return 1
    try:
        name = Locale.parse(language).get_display_name(language)
    except (ValueError, UnknownLocaleError):
        print(f"{language!r} is not a language Babel knows (examples: ja, fr, zh_TW)", file=sys.stderr)
        return 1
    source = next(iter(editions.values()))
    table = [
        "",
        f"[{language}]",
        f"name = {toml_string(name[:1].upper() + name[1:])}",
        f"project = {toml_string(source['project'])}  # translate",
        f"author = {toml_string(source['author'])}  # translate",
        f"about = {toml_string(source.get('about', ''))}  # translate",
        "complete = false  # true once every catalog is fully translated",
    ]
    if language in NOTO_CJK_REGION:
        table.append(f'noto_cjk = "{NOTO_CJK_REGION[language]}"')
    with LANGUAGES_FILE.open("a", encoding="utf-8") as file:
        file.write("\n".join(table) + "\n")
    print(f"{LANGUAGES_FILE.name}: added [{language}] ({name})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
