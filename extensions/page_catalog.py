"""The compiled translations of the page being read (not an extension: a
helper for the transforms that look at a page's messages before Sphinx's
Locale transform applies them)."""

from __future__ import annotations

from sphinx.locale import init as init_catalog
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from editions import load_editions


def is_translated_edition(transform: SphinxTransform) -> bool:
    return transform.config.language != next(iter(load_editions()))


def page_translations(transform: SphinxTransform) -> dict[str, str]:
    """msgid -> msgstr from the page's ``.mo`` (and its fallbacks), as Locale
    reads them: untranslated and fuzzy messages are not there."""
    config, env = transform.config, transform.env
    domain = docname_to_domain(env.docname, config.gettext_compact)
    catalog, has_catalog = init_catalog([env.srcdir / d for d in config.locale_dirs], config.language, domain)
    translations: dict[str, str] = {}
    while has_catalog and catalog is not None:  # the catalog and its fallbacks
        translations = {**getattr(catalog, "_catalog", {}), **translations}
        catalog = getattr(catalog, "_fallback", None)
    return translations
