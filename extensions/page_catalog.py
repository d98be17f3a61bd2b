"""The compiled translations and the messages of the page being read (not an
extension: a helper for the transforms that look at a page's messages before
Sphinx's Locale transform applies them)."""

from __future__ import annotations

from docutils import nodes
from sphinx.locale import init as init_catalog
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from book import is_translation


def is_translated_edition(transform: SphinxTransform) -> bool:
    return is_translation(transform.config.language)


def page_translations(transform: SphinxTransform) -> dict[str, str]:
    """msgid -> msgstr from the page's ``.mo`` (and its fallbacks), as Locale
    reads them: untranslated and fuzzy messages are not there."""
    config, env = transform.config, transform.env
    domain = docname_to_domain(env.docname, config.gettext_compact)
    catalog, has_catalog = init_catalog([env.srcdir / d for d in config.locale_dirs], config.language, domain)
    translations: dict[str, str] = {}
    while has_catalog and catalog is not None:  # the catalog and its fallbacks
        # Internal (extensions/internals.py): gettext keeps the messages in _catalog, the fallback in
        # _fallback; it has no public listing of a catalog's messages.
        translations = {**getattr(catalog, "_catalog", {}), **translations}
        catalog = getattr(catalog, "_fallback", None)
    return translations


LOCALE_PRIORITY = 20  # Sphinx's Locale transform


def messages_before_locale(transform: SphinxTransform) -> list[tuple[nodes.Element, str]]:
    """The page's (node, message) pairs as Locale will find them, listed once
    for the transforms that read them just before it (bilingual,
    translation_guard, translation_status: none of them changes which node
    holds which message). The list is kept on the page's transformer, which
    Sphinx drops before it stores the page."""
    assert transform.default_priority < LOCALE_PRIORITY, "after Locale, the messages are others"
    transformer = transform.document.transformer
    listed = getattr(transformer, "messages_before_locale", None)
    if listed is None:
        listed = transformer.messages_before_locale = list(extract_messages(transform.document))
    return listed
