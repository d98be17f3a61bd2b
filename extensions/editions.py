"""Per-edition settings, from ``languages.toml`` (the one place that
declares a language; parsed by ``book.load_editions``).

``-D language=zh_CN`` is applied after ``conf.py`` runs, so values that
depend on the language (title, author) are set here, once the configuration
is complete.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from book import LANGUAGES_FILE, is_translation, language_tag, load_editions


def apply_edition(app: Sphinx, config: Config) -> None:
    editions = load_editions()
    edition = editions.get(config.language)
    if edition is None:
        raise ConfigError(
            f"{LANGUAGES_FILE}: no edition for language {config.language!r}; "
            f"known: {', '.join(editions)}"
        )
    config.project = edition["project"]
    config.author = edition["author"]
    config.copyright = f"%Y, {edition['author']}"  # %Y honours SOURCE_DATE_EPOCH
    config.html_title = edition["project"]
    config.html_context = {
        **config.html_context,
        "source_language": next(iter(editions)),
        "source_language_tag": language_tag(next(iter(editions))),
        "translated_edition": is_translation(config.language),
        "pdf_filename": f"python-ipc-{config.language}.pdf",
        "edition_languages": [
            {"code": code, "tag": language_tag(code), "name": data["name"], "current": code == config.language}
            for code, data in editions.items()
        ],
    }


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", apply_edition)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
