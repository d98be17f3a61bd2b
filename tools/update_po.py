"""Refresh the catalogs of every translation from the templates.

    python tools/update_po.py build/gettext zh_CN [ja ...]      (make update-po)

For each template ``build/gettext/<page>.pot`` and each language, GNU msgmerge
merges it into ``locale/<lang>/LC_MESSAGES/<page>.po``:

* a translated message whose English changed keeps its translation, marked
  ``#, fuzzy``, with the previous English as ``#| msgid`` (``--previous``), so
  the translator sees what changed; nothing translated is ever dropped;
* a message no longer in the sources stays as an obsolete ``#~`` entry until a
  translator removes it;
* one wrapping style for every catalog: none (``--no-wrap``). GNU tools wrap
  CJK text between any two characters and Babel differently; long lines keep
  a diff to the message that changed.

A catalog is rewritten only when its messages changed: a new
POT-Creation-Date alone (each commit moves it) is no change, so running this
on an up-to-date tree changes no file. A language without a catalog for a
page gets one from msginit.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MSG_OPTIONS = ["--no-wrap"]


def normalise_template(pot: Path) -> None:
    """Make '#:' locations relative to the project root, whatever the build
    directory, so catalogs do not change when the build directory does."""
    lines = pot.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("#: "):
            places = []
            for place in line[3:].split():
                path, _, number = place.rpartition(":")
                absolute = (pot.parent / path).resolve()
                try:
                    path = absolute.relative_to(ROOT).as_posix()
                except ValueError:
                    pass
                places.append(f"{path}:{number}")
            lines[i] = "#: " + " ".join(places) + "\n"
    pot.write_text("".join(lines), encoding="utf-8")


def without_creation_date(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith('"POT-Creation-Date:'))


def update_catalog(pot: Path, po: Path, language: str) -> str:
    """Merge ``pot`` into ``po``; return what happened, for the report."""
    if not po.exists():
        po.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["msginit", "--no-translator", *MSG_OPTIONS, "-l", language, "-i", str(pot), "-o", str(po)],
                       check=True, capture_output=True)
        return "created"
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / po.name
        subprocess.run(["msgmerge", "--quiet", "--previous", *MSG_OPTIONS, "-o", str(merged), str(po), str(pot)],
                       check=True)
        old, new = po.read_text(encoding="utf-8"), merged.read_text(encoding="utf-8")
        if without_creation_date(old) == without_creation_date(new):
            return "unchanged"
        po.write_text(new, encoding="utf-8")
        return "updated"


def main(pot_dir: str, languages: list[str]) -> int:
    templates = sorted(Path(pot_dir).glob("*.pot"))
    if not templates:
        print(f"{pot_dir}: no templates; run `make gettext` first", file=sys.stderr)
        return 1
    for pot in templates:
        normalise_template(pot)
    for language in languages:
        for pot in templates:
            po = ROOT / "locale" / language / "LC_MESSAGES" / pot.with_suffix(".po").name
            outcome = update_catalog(pot, po, language)
            print(f"{outcome:>9}  {po.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
