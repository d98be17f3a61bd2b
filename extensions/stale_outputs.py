"""An incremental build leaves only what a clean build writes.

Sphinx writes a diagram's or chart's image into the edition's ``_images/``
under a name derived from its content (``graphviz-<sha1>.svg``,
``ipc-chart-<sha1>.svg``), and never deletes one: after a label's translation
changed, the image of the old label stayed beside the new one, a file a clean
build does not have (tests/reader/test_reproducible_html.py compares both
ways, tests/translator/test_rebuilds.py after each input's edit).

At the end of a successful HTML build, every file of ``_images/`` that no page
of the edition refers to any more is deleted. The pages a build did not write
still refer to their images, so the edition's pages are read, not the build's
own list.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx

IMAGE_REFERENCE = re.compile(r'(?:src|data|href)="(?:\./)?_images/([^"#?/]+)"')


def delete_images_no_page_shows(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    outdir = Path(app.builder.outdir)
    images = outdir / "_images"
    if not images.is_dir():
        return
    shown = {name for page in outdir.glob("*.html")
             for name in IMAGE_REFERENCE.findall(page.read_text(encoding="utf-8"))}
    for image in images.iterdir():
        if image.is_file() and image.name not in shown:
            image.unlink()


def setup(app: Sphinx) -> dict:
    # After every other build-finished handler (diagram_labels rewrites the SVGs).
    app.connect("build-finished", delete_images_no_page_shows, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
