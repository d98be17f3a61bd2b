"""Fail when XeLaTeX dropped a character for want of a glyph.

    python tools/check_latex_log.py build/latex/zh_CN/python-ipc-zh_CN.log

XeTeX only logs ``Missing character: There is no ・ (U+30FB) in font ...``
and exits 0: the character silently disappears from the PDF. This prints
each such line as ``log:line: missing glyph ...`` and exits 1.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MISSING = re.compile(r"Missing character: There is no (.+?) \((U\+[0-9A-F]+)\) in font (.+?)!?$")


def missing_glyphs(log: Path) -> list[str]:
    problems = []
    text = log.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        if match := MISSING.search(line):
            char, code, font = match.groups()
            problems.append(f"{log}:{number}: missing glyph {code} {char!r} in font {font}")
    return problems


def main(logs: list[str]) -> int:
    problems = [problem for log in logs for problem in missing_glyphs(Path(log))]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} character(s) would be missing from the PDF; choose a font that has them.",
              file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
