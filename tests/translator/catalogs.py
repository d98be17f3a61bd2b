"""Edit catalogs the way a translator's editor does: in place, as text; and
the other inputs a rebuild must notice (an extension's code)."""

from __future__ import annotations

from pathlib import Path

import polib


def set_translation(po_path: Path, msgid: str, msgstr: str) -> int:
    """Replace one msgstr in the file's text; return the msgstr's line number."""
    lines = po_path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f'msgid "{msgid}"') + 1
    assert lines[at].startswith("msgstr "), lines[at]
    lines[at] = "msgstr " + polib.escape(msgstr).join('""')
    po_path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


def entry(po_path: Path, msgid: str) -> polib.POEntry:
    return polib.pofile(str(po_path)).find(msgid)


EDIT_MARK = "（改）"


def edit_first_paragraph(po_path: Path) -> str:
    """A translator's edit of the page's first paragraph (the first message
    after the title): EDIT_MARK added to its translation. Returns the msgid."""
    msgid = [message.msgid for message in polib.pofile(str(po_path))][1]
    set_translation(po_path, msgid, entry(po_path, msgid).msgstr + EDIT_MARK)
    return msgid


# Appended to an extension module: a change to its code that shows on every page.
EXTENSION_EDIT = '''

def _mark_every_page(app, docname, source):
    source[0] += "\\n\\nMarked by a changed extension.\\n"


_original_setup = setup


def setup(app):
    app.connect("source-read", _mark_every_page)
    return _original_setup(app)
'''


def edit_extension(path: Path) -> None:
    """Change an extension module's code so that every page shows it."""
    path.write_text(path.read_text(encoding="utf-8") + EXTENSION_EDIT, encoding="utf-8")
