"""Refresh the catalogs of every translation from the templates.

    python tools/update_po.py build/gettext zh_CN [ja ...]      (make update-po)
    python tools/update_po.py --pages queues,pipes build/gettext zh_CN   (make update-po PAGES="queues pipes")
    python tools/update_po.py --templates-only build/gettext     (make gettext)

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
page gets one from msginit. A catalog msgmerge cannot read (a syntax error)
is left exactly as it is, and msgmerge's ``file:line: message`` is reported.

The templates are normalised first (``make gettext`` does it too): ``#:``
locations relative to the project root, whichever tool wrote them (Sphinx
writes them relative to the template, Babel relative to the working
directory), and POT-Creation-Date from SOURCE_DATE_EPOCH (Sphinx honours it,
Babel does not), so extracting twice gives identical templates.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))  # the book's facts (extensions/book.py)
from book import catalog  # noqa: E402
MSG_OPTIONS = ["--no-wrap"]


def project_path(pot: Path, place: str) -> str:
    """``place`` (``path:line`` as a template names it) relative to the root."""
    path, _, number = place.rpartition(":")
    if not path:
        return place
    for base in (pot.parent, ROOT):  # Sphinx's convention, then Babel's
        candidate = (base / path).resolve()
        if candidate.exists():
            try:
                return f"{candidate.relative_to(ROOT).as_posix()}:{number}"
            except ValueError:
                break
    return place


def creation_date() -> str:
    """The template date: SOURCE_DATE_EPOCH's (the Makefile sets it from the
    last commit), in UTC, as Sphinx writes it."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    stamp = time.gmtime(int(epoch)) if epoch else time.gmtime()
    return time.strftime("%Y-%m-%d %H:%M+0000", stamp)


def normalise_template(pot: Path) -> None:
    """Make a template the same whatever tool, build directory or time made it."""
    lines = pot.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("#: "):
            lines[i] = "#: " + " ".join(project_path(pot, place) for place in line[3:].split()) + "\n"
        elif line.startswith('"Project-Id-Version:'):
            lines[i] = line.replace(' \\n"', '\\n"')  # Sphinx's, for a book without a version
        elif line.startswith('"POT-Creation-Date:'):
            lines[i] = f'"POT-Creation-Date: {creation_date()}\\n"\n'
    text = "".join(lines)
    if text != pot.read_text(encoding="utf-8"):
        pot.write_text(text, encoding="utf-8")


def without_creation_date(text: str) -> str:
    return "".join(line for line in text.splitlines(keepends=True) if not line.startswith('"POT-Creation-Date:'))


class MergeError(Exception):
    """msgmerge or msginit failed; the message names the file and line."""


def run_gettext_tool(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise MergeError(result.stderr.strip() or f"{command[0]} exited {result.returncode}")


def update_catalog(pot: Path, po: Path, language: str) -> str:
    """Merge ``pot`` into ``po``; return what happened, for the report."""
    if not po.exists():
        po.parent.mkdir(parents=True, exist_ok=True)
        run_gettext_tool(["msginit", "--no-translator", *MSG_OPTIONS, "-l", language, "-i", str(pot), "-o", str(po)])
        update_catalog(pot, po, language)  # msgmerge orders the header its own way: the one style from the start
        return "created"
    with tempfile.TemporaryDirectory() as tmp:
        merged = Path(tmp) / po.name
        # The catalog's path as the translator knows it, for msgmerge's messages.
        run_gettext_tool(["msgmerge", "--quiet", "--previous", *MSG_OPTIONS, "-o", str(merged),
                          str(po.relative_to(ROOT)) if po.is_relative_to(ROOT) else str(po), str(pot)])
        old, new = po.read_text(encoding="utf-8"), merged.read_text(encoding="utf-8")
        if without_creation_date(old) == without_creation_date(new):
            return "unchanged"
        po.write_text(new, encoding="utf-8")
        return "updated"


def main(argv: list[str]) -> int:
    templates_only = argv[:1] == ["--templates-only"]
    if templates_only:
        argv = argv[1:]
    pages = None
    if argv[:1] == ["--pages"]:
        pages, argv = set(argv[1].replace(",", " ").split()), argv[2:]
    pot_dir, languages = argv[0], argv[1:]
    templates = sorted(Path(pot_dir).glob("*.pot"))
    if not templates:
        print(f"{pot_dir}: no templates; run `make gettext` first", file=sys.stderr)
        return 1
    if pages is not None:
        unknown = pages - {pot.stem for pot in templates}
        if unknown:
            print(f"no such page: {', '.join(sorted(unknown))} (templates in {pot_dir})", file=sys.stderr)
            return 2
    for pot in templates:
        normalise_template(pot)
    if templates_only:
        return 0
    failures = 0
    for language in languages:
        for pot in templates:
            if pages is not None and pot.stem not in pages:
                continue  # only the pages asked for (others may be mid-edit)
            po = catalog(language, pot.stem)
            try:
                outcome = update_catalog(pot.resolve(), po, language)
            except MergeError as error:
                print(error, file=sys.stderr)
                outcome, failures = "FAILED", failures + 1
            print(f"{outcome:>9}  {po.relative_to(ROOT)}")
    if failures:
        print(f"{failures} catalog(s) could not be read and were left as they are; fix the lines above "
              "(`make check-po` shows them too), then run `make update-po` again.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
