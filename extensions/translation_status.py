"""Tell readers when a page's translation is incomplete.

Just before Sphinx's Locale transform replaces the page's messages with their
translations, every message of the page is looked up in its compiled catalog.
A message without a translation (untranslated, fuzzy, or new since the
catalog was last updated: none of them are in the ``.mo``) counts as missing.
The HTML template then shows a notice, in the page's language, with a link to
the original page.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from page_catalog import is_translated_edition, messages_before_locale, page_translations

METADATA_KEY = "untranslated-messages"


class CountUntranslatedMessages(SphinxTransform):
    default_priority = 19  # after the translatable nodes are made, before Locale (20)

    def apply(self, **kwargs) -> None:
        if not is_translated_edition(self):
            return
        translations = page_translations(self)
        missing = sum(
            1 for _node, message in messages_before_locale(self)
            if not translations.get(message, "").strip()
        )
        self.env.metadata[self.env.docname][METADATA_KEY] = missing


def add_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    missing = app.env.metadata.get(pagename, {}).get(METADATA_KEY, 0)
    context["translation_incomplete"] = missing > 0
    context["untranslated_messages"] = missing


def setup(app: Sphinx) -> dict:
    app.add_transform(CountUntranslatedMessages)
    app.connect("html-page-context", add_page_context)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
