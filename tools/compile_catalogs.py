"""Check and compile the gettext catalogs of one language, before Sphinx runs.

    python tools/compile_catalogs.py zh_CN [--stamp build/catalogs/zh_CN.stamp]

For each ``locale/<lang>/LC_MESSAGES/*.po``:

* ``msgfmt --check`` validates it; on an error or a warning the build stops with msgfmt's own
  ``file:line: message`` lines, the ``.po`` is left exactly as it is, and its
  ``.mo`` is deleted, so no stale translation can be used by a later build;
* a NUL in a string (the byte itself, or the escapes ``\0``, ``\000``,
  ``\x00``) is refused the same way, with its ``file:line``: msgfmt accepts
  it and ends the translation there without a word (its strings are C
  strings), so the build would show the text cut short. (The other control
  characters reach the compiled catalog, where the build's translation guard
  refuses them.)
* the ``.mo`` beside it is rewritten only when its content changes (decided by
  content, not by modification times, which a git checkout makes unreliable),
  and is never left older than its ``.po``, so Sphinx does not recompile it;
* msgfmt runs only for a catalog whose content it has not compiled before:
  beside the ``.mo`` files, ``.compiled.json`` records the digest of each
  ``.po`` compiled and of the ``.mo`` it gave (a build product, like the
  ``.mo`` files: ignored by git, deleted by ``make clean``). A ``.po`` whose
  bytes are those of its last successful compile, beside that same ``.mo``,
  is not compiled again: msgfmt would check and write the same bytes. An
  edit to one catalog runs msgfmt once, whatever the number of pages; when
  several need it (a new clone: every catalog), they are compiled all at once;
* with ``--stamp``, a digest of the compiled catalogs is written to the stamp
  file when it differs, or when a ``.mo`` was written again: make rebuilds an
  edition when its catalogs' content changed, whatever the files'
  modification times say, and whenever Sphinx, which judges a ``.mo`` by its
  date, would see a newer one (a catalog repaired after an error, its ``.mo``
  written anew with the old content, is read by this build, not left to
  the next one).

``make serve`` (tools/serve.py) calls ``compile_language`` before each rebuild.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "extensions"))  # the book's facts (extensions/book.py)
from book import catalog_dir, write_atomically  # noqa: E402

RECORD = ".compiled.json"  # beside the .mo files
# A NUL in a line of a .po: the byte, or an escape that msgfmt reads as one (an
# odd number of backslashes: octal, up to three digits, or hexadecimal, all zeros).
NUL = re.compile(r"\x00|(?<!\\)(?:\\\\)*\\(?:000|00?(?![0-7])|x0+(?![0-9A-Fa-f]))")


def compile_language(language: str, digest: "hashlib._Hash | None" = None) -> tuple[list[str], bool]:
    """Compile every catalog of ``language``; print and return msgfmt's
    errors, and whether any ``.mo`` was written.

    ``digest``, if given, is fed each compiled catalog."""
    folder = catalog_dir(language)
    catalogs = sorted(folder.glob("*.po"))
    record = folder / RECORD
    previous = read_record(record)
    po_digests = {po: sha256(po.read_bytes()) for po in catalogs}

    def compiled_before(po: Path) -> bool:
        mo, known = po.with_suffix(".mo"), previous.get(po.name)
        return bool(known) and known[0] == po_digests[po] and mo.is_file() and sha256(mo.read_bytes()) == known[1]

    # Every msgfmt at once (they are independent processes), then their results in file order.
    running = {po: start_msgfmt(po) for po in catalogs if not compiled_before(po)}
    compiled: dict[str, tuple[str, str]] = {}
    errors, written = [], False
    for po in catalogs:
        mo = po.with_suffix(".mo")
        error, wrote = finish_msgfmt(po, *running[po]) if po in running else (None, False)
        if error:
            errors.append(error)
            print(error, file=sys.stderr)
            continue
        written = keep_newer_than_po(po, mo) or wrote or written
        mo_bytes = mo.read_bytes()
        compiled[po.name] = (po_digests[po], sha256(mo_bytes))
        if digest is not None:
            digest.update(po.name.encode() + b"\0" + mo_bytes)
    write_record(record, compiled)
    return errors, written


def start_msgfmt(po: Path) -> tuple[subprocess.Popen, Path]:
    """msgfmt compiling ``po`` into a file of its own beside its ``.mo``."""
    staged = po.with_name(f".{po.stem}.mo.{os.getpid()}")
    process = subprocess.Popen(["msgfmt", "--check", "-o", str(staged), str(po.relative_to(ROOT))],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return process, staged


def finish_msgfmt(po: Path, process: subprocess.Popen, staged: Path) -> tuple[str | None, bool]:
    """msgfmt's error text (None on success), and whether the ``.mo`` was written."""
    stderr = process.communicate()[1].strip()
    mo = po.with_suffix(".mo")
    try:
        # A warning is an error too: a header msgfmt warns about (charset,
        # Language, Plural-Forms) gives wrong or no translations at run time.
        if process.returncode != 0 or stderr:
            mo.unlink(missing_ok=True)
            return stderr or f"{po.relative_to(ROOT)}: msgfmt failed", False
        nuls = nul_characters(po)
        if nuls:
            mo.unlink(missing_ok=True)
            return "\n".join(nuls), False
        if mo.exists() and mo.read_bytes() == staged.read_bytes():
            return None, False
        # Renamed into place: a build running at the same time (make serve, a
        # second make) never reads half a catalog.
        staged.replace(mo)
        return None, True
    finally:
        staged.unlink(missing_ok=True)


def nul_characters(po: Path) -> list[str]:
    """A ``file:line: ...`` line for each line of ``po`` (outside comments) that holds a NUL."""
    shown = po.relative_to(ROOT) if po.is_relative_to(ROOT) else po
    return [f"{shown}:{number}: a NUL character (U+0000) in this string: msgfmt would end the translation "
            "there, silently; delete it"
            for number, line in enumerate(po.read_bytes().decode("utf-8", "replace").split("\n"), 1)
            if not line.startswith("#") and NUL.search(line)]


def keep_newer_than_po(po: Path, mo: Path) -> bool:
    """Date ``mo`` as its ``po`` if it is older (else Sphinx would compile the
    ``.po`` itself); whether it did."""
    po_mtime = po.stat().st_mtime_ns  # in nanoseconds: a float loses the last digits
    if mo.stat().st_mtime_ns >= po_mtime:
        return False
    os.utime(mo, ns=(po_mtime, po_mtime))
    return True


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(record: Path) -> dict[str, tuple[str, str]]:
    try:
        return {name: tuple(pair) for name, pair in json.loads(record.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError, AttributeError):  # no record, or an unreadable one: compile all
        return {}


def write_record(record: Path, compiled: dict[str, tuple[str, str]]) -> None:
    if read_record(record) != compiled:
        write_atomically(record, json.dumps(compiled, indent=1, sort_keys=True) + "\n")  # builds may run side by side


def write_stamp(path: Path, text: str, always: bool) -> None:
    if always or not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--stamp", type=Path, help="file to hold a digest of the compiled catalogs")
    args = parser.parse_args()
    digest = hashlib.sha256()
    errors, written = [], False
    for language in args.languages:
        found, wrote = compile_language(language, digest)
        errors += found
        written = written or wrote
    if errors:
        print(f"{len(errors)} catalog(s) have errors; nothing was built.", file=sys.stderr)
        return 1
    if args.stamp:
        write_stamp(args.stamp, digest.hexdigest() + "\n", always=written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
