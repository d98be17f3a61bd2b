"""Check and compile the gettext catalogs of one language, before Sphinx runs.

    python tools/compile_catalogs.py zh_CN

For each ``locale/<lang>/LC_MESSAGES/*.po``:

* ``msgfmt --check`` validates it; on error the build stops with msgfmt's own
  ``file:line: message`` lines, the ``.po`` is left exactly as it is, and its
  ``.mo`` is deleted, so no stale translation can be used by a later build;
* the ``.mo`` beside it is rewritten only when its content changes (decided by
  content, not by modification times, which a git checkout makes unreliable),
  and is never left older than its ``.po``, so Sphinx does not recompile it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_catalog(po: Path) -> str | None:
    """Compile ``po``; return msgfmt's error text, or None on success."""
    mo = po.with_suffix(".mo")
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / mo.name
        result = subprocess.run(
            ["msgfmt", "--check", "-o", str(fresh), str(po)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if result.returncode != 0:
            mo.unlink(missing_ok=True)
            return result.stderr.strip() or f"{po}: msgfmt failed"
        if not mo.exists() or mo.read_bytes() != fresh.read_bytes():
            mo.write_bytes(fresh.read_bytes())
    po_mtime = po.stat().st_mtime
    if mo.stat().st_mtime < po_mtime:
        os.utime(mo, (po_mtime, po_mtime))
    return None


def main(languages: list[str]) -> int:
    errors = []
    for language in languages:
        for po in sorted((ROOT / "locale" / language / "LC_MESSAGES").glob("*.po")):
            error = compile_catalog(po.relative_to(ROOT))
            if error:
                errors.append(error)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        print(f"{len(errors)} catalog(s) have errors; nothing was built.", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
