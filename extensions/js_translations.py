"""Fill the gaps of Sphinx's JavaScript catalog from the project's sphinx.po.

The search page's messages ("Search finished, found 2 pages...") come from
``_static/translations.js``, which Sphinx copies from its own catalog; in some
languages (zh_CN among them) it lacks messages, and readers see English. After
the HTML build, every translated entry of ``locale/<lang>/LC_MESSAGES/sphinx.po``
that Sphinx's JavaScript catalog lacks is added to it. Sphinx's own
translations are kept: like the server-side catalog, ours only fills gaps.
"""

from __future__ import annotations

import json
import polib
from sphinx.application import Sphinx

import book

PREFIX = "Documentation.addTranslations("


def fill_javascript_catalog(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    translations_js = app.builder.outdir / "_static" / "translations.js"
    ours = book.catalog(app.config.language, "sphinx")
    if not translations_js.is_file() or not ours.is_file():
        return
    text = translations_js.read_text(encoding="utf-8")
    catalog = json.loads(text[text.index(PREFIX) + len(PREFIX) : text.rindex(")")])
    messages = catalog["messages"]
    for entry in polib.pofile(str(ours)).translated_entries():
        if entry.msgid in messages:
            continue
        if entry.msgid_plural:
            messages[entry.msgid] = [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
        else:
            messages[entry.msgid] = entry.msgstr
    filled = PREFIX + json.dumps(catalog, ensure_ascii=False, indent=4, sort_keys=True) + ");\n"
    if filled != text:
        translations_js.write_text(filled, encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", fill_javascript_catalog)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
