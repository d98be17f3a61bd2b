"""Check and compile the gettext catalogs of one language, before Sphinx runs.

    python tools/compile_catalogs.py zh_CN [--stamp build/catalogs/zh_CN.stamp]

For each ``locale/<lang>/LC_MESSAGES/*.po``:

* ``msgfmt --check`` validates it; on an error or a warning the build stops with msgfmt's own
  ``file:line: message`` lines, the ``.po`` is left exactly as it is, and its
  ``.mo`` is deleted, so no stale translation can be used by a later build;
* the ``.mo`` beside it is rewritten only when its content changes (decided by
  content, not by modification times, which a git checkout makes unreliable),
  and is never left older than its ``.po``, so Sphinx does not recompile it;
* with ``--stamp``, a digest of the compiled catalogs is written to the stamp
  file when it differs, or when a ``.mo`` was written again: make rebuilds an
  edition when its catalogs' content changed, whatever the files'
  modification times say, and whenever Sphinx, which judges a ``.mo`` by its
  date, would see a newer one (a catalog repaired after an error, its ``.mo``
  written anew with the old content, is read by this build, not left to
  the next one);
* msgfmt runs only for a catalog whose content it has not compiled before:
  the digests of each ``.po`` compiled and of the ``.mo`` it gave are
  recorded (beside the stamp, ``build/catalogs/<lang>.json``; ``make serve``
  keeps the same record), and a ``.po`` whose bytes are those of its last
  successful compile, beside that same ``.mo``, is not compiled again: msgfmt
  would check and write the same bytes. An edit to one catalog runs msgfmt
  once, whatever the number of pages.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_catalog(po: Path) -> tuple[str | None, bool]:
    """Compile ``po``; return msgfmt's error text (None on success) and
    whether the ``.mo`` was written."""
    mo = po.with_suffix(".mo")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / mo.name
        result = subprocess.run(
            ["msgfmt", "--check", "-o", str(fresh), str(po)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        # A warning is an error too: a header msgfmt warns about (charset,
        # Language, Plural-Forms) gives wrong or no translations at run time.
        if result.returncode != 0 or result.stderr.strip():
            mo.unlink(missing_ok=True)
            return result.stderr.strip() or f"{po}: msgfmt failed", False
        written = not mo.exists() or mo.read_bytes() != fresh.read_bytes()
        if written:
            # Written beside it, then renamed: a build running at the same
            # time (make serve, a second make) never reads half a catalog.
            staged = mo.with_name(f".{mo.name}.{os.getpid()}")
            staged.write_bytes(fresh.read_bytes())
            staged.replace(mo)
    return None, keep_newer_than_po(po, mo) or written


def keep_newer_than_po(po: Path, mo: Path) -> bool:
    """Date ``mo`` as its ``po`` if it is older (else Sphinx would compile the
    ``.po`` itself); whether it did."""
    po_mtime = po.stat().st_mtime
    if mo.stat().st_mtime >= po_mtime:
        return False
    os.utime(mo, (po_mtime, po_mtime))
    return True


def write_stamp(path: Path, text: str, always: bool) -> None:
    if always or not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def compile_language(language: str, digest: "hashlib._Hash | None" = None,
                     record: Path | None = None) -> tuple[list[str], bool]:
    """Compile every catalog of ``language``; print and return msgfmt's
    errors, and whether any ``.mo`` was written.

    ``digest``, if given, is fed each compiled catalog. ``record``, if given,
    is the file of the catalogs compiled before (see above)."""
    previous, compiled = read_record(record), {}
    catalogs = sorted((ROOT / "locale" / language / "LC_MESSAGES").glob("*.po"))
    po_digests = {po: sha256(po.read_bytes()) for po in catalogs}

    def compile_if_new(po: Path) -> tuple[str | None, bool]:
        mo, known = po.with_suffix(".mo"), previous.get(po.name)
        if known and known[0] == po_digests[po] and mo.is_file() and sha256(mo.read_bytes()) == known[1]:
            return None, keep_newer_than_po(po, mo)
        return compile_catalog(po.relative_to(ROOT))

    # msgfmt runs on every core (a clean build compiles them all); results in file order.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        results = list(pool.map(compile_if_new, catalogs))
    errors, written = [], False
    for po, (error, wrote) in zip(catalogs, results):
        mo, po_digest = po.with_suffix(".mo"), po_digests[po]
        written = written or wrote
        if error:
            errors.append(error)
            print(error, file=sys.stderr)
            continue
        mo_bytes = mo.read_bytes()
        compiled[po.name] = (po_digest, sha256(mo_bytes))
        if digest is not None:
            digest.update(po.name.encode() + b"\0" + mo_bytes)
    write_record(record, compiled)
    return errors, written


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_record(record: Path | None) -> dict[str, tuple[str, str]]:
    try:
        return {name: tuple(pair) for name, pair in json.loads(record.read_text(encoding="utf-8")).items()}
    except (AttributeError, OSError, ValueError, TypeError):  # no record, or an unreadable one: compile all
        return {}


def write_record(record: Path | None, compiled: dict[str, tuple[str, str]]) -> None:
    if record is None:
        return
    text = json.dumps(compiled, indent=1, sort_keys=True) + "\n"
    if read_record(record) != compiled:
        record.parent.mkdir(parents=True, exist_ok=True)
        staged = record.with_name(f".{record.name}.{os.getpid()}")  # builds may run side by side
        staged.write_text(text, encoding="utf-8")
        staged.replace(record)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--stamp", type=Path, help="file to hold a digest of the compiled catalogs")
    args = parser.parse_args()
    digest = hashlib.sha256()
    errors, written = [], False
    for language in args.languages:
        record = args.stamp.with_name(f"{language}.json") if args.stamp else None
        found, wrote = compile_language(language, digest, record)
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
