"""Fill the gaps of Sphinx's JavaScript catalog from the project's sphinx.po,
and give the copy button its words from it too.

The search page's messages ("Search finished, found 2 pages...") come from
``_static/translations.js``, which Sphinx copies from its own catalog; in some
languages (zh_CN among them) it lacks messages, and readers see English. After
the HTML build, every translated entry of ``locale/<lang>/LC_MESSAGES/sphinx.po``
that Sphinx's JavaScript catalog lacks is added to it. Sphinx's own
translations are kept: like the server-side catalog, ours only fills gaps.

The copy button's words ("Copy", "Copied!") come from sphinx-copybutton's
``_static/copybutton.js``, which carries its own table of languages; its
Chinese ends in a half-width "!" (复制成功!). After the build, the edition's
entry of that table is set from sphinx.po (theme/ipcbook/sphinx-gaps.html
lists the strings, so translators see them), before anything reads it.
"""

from __future__ import annotations

import json
import polib
from sphinx.application import Sphinx

import book

PREFIX = "Documentation.addTranslations("


def _static_file_and_catalog(app: Sphinx, exception: Exception | None, name: str):
    """The built ``_static/<name>`` and the edition's sphinx.po, after a
    successful HTML build where both exist; else None."""
    if exception is not None or app.builder.format != "html":
        return None
    static = app.builder.outdir / "_static" / name
    ours = book.catalog(app.config.language, "sphinx")
    return (static, ours) if static.is_file() and ours.is_file() else None


def fill_javascript_catalog(app: Sphinx, exception: Exception | None) -> None:
    if not (found := _static_file_and_catalog(app, exception, "translations.js")):
        return
    translations_js, ours = found
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


# sphinx-copybutton's keys, and its English for each: our catalog's msgids.
COPY_BUTTON = {"copy": "Copy", "copy_to_clipboard": "Copy to clipboard", "copy_success": "Copied!",
               "copy_failure": "Failed to copy"}
COPY_BUTTON_LOCALE = "\nlet locale = 'en'"  # the line after copybutton.js's table of messages


def translate_copy_button(app: Sphinx, exception: Exception | None) -> None:
    if not book.is_translation(app.config.language):
        return
    if not (found := _static_file_and_catalog(app, exception, "copybutton.js")):
        return
    copybutton_js, ours = found
    text = copybutton_js.read_text(encoding="utf-8")
    if COPY_BUTTON_LOCALE not in text:
        return  # another sphinx-copybutton: nothing to set
    catalog = {entry.msgid: entry.msgstr for entry in polib.pofile(str(ours)).translated_entries()}
    words = {key: catalog[msgid] for key, msgid in COPY_BUTTON.items() if msgid in catalog}
    if not words:
        return
    # copybutton.js picks the table's entry by <html lang>, the BCP 47 tag.
    tag = json.dumps(book.language_tag(app.config.language))
    line = (f"messages[{tag}] = Object.assign({{}}, messages.en, messages[{tag}], "
            f"{json.dumps(words, ensure_ascii=False, sort_keys=True)});  // from sphinx.po (js_translations)\n")
    if line not in text:
        at = text.index(COPY_BUTTON_LOCALE) + 1
        copybutton_js.write_text(text[:at] + line + text[at:], encoding="utf-8")


def setup(app: Sphinx) -> dict:
    app.connect("build-finished", fill_javascript_catalog)
    app.connect("build-finished", translate_copy_button)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
