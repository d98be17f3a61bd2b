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

MISSING = re.compile(r"Missing character: There is no (.+?) \((U\+[0-9A-F]+)\) in font (.*)$")
# TeX wraps log lines at 79 bytes (max_print_line): a long font name
# continues on the next lines, up to the "!" that ends the message.
MAX_CONTINUATION_LINES = 5


def missing_glyphs(log: Path) -> list[str]:
    problems = []
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, line in enumerate(lines, 1):
        if "Missing character" not in line:
            continue
        if not (match := MISSING.search(line)):  # another engine's wording: report it as it is
            problems.append(f"{log}:{number}: {line.strip()}")
            continue
        char, code, font = match.groups()
        for continuation in lines[number : number + MAX_CONTINUATION_LINES]:
            if font.endswith("!"):
                break
            font += continuation
        # "Noto Serif Regular/OT:script=latn;...!": the font's name, without its features.
        font = font.rstrip("!").split("/")[0].split(":")[0]
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
