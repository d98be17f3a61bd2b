"""Write build/html/index.html: send readers to their language's edition.

    python tools/write_landing_page.py build/html

The page lists every edition from languages.toml. With JavaScript it goes
straight to the edition the reader chose last time (remembered by the language
switcher), else to the first edition matching the browser's languages;
``index.html?choose`` stays on the list.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "extensions"))
from editions import load_editions  # noqa: E402

TEMPLATE = """<!DOCTYPE html>
<html lang="{source_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titles}</title>
<style>
  :root {{ color-scheme: light dark; font-family: system-ui, sans-serif; }}
  body {{ max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.6; }}
  a {{ display: block; font-size: 1.25rem; margin: .75rem 0; }}
</style>
<script>
(function () {{
  var editions = {codes};
  if (location.search.indexOf("choose") !== -1) return;
  var chosen = null;
  try {{ chosen = localStorage.getItem("edition-language"); }} catch (e) {{}}
  if (editions.indexOf(chosen) === -1) {{
    chosen = null;
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length && !chosen; i++) {{
      var tag = wanted[i].replace("-", "_").toLowerCase();
      for (var j = 0; j < editions.length && !chosen; j++) {{
        var code = editions[j].toLowerCase();
        if (tag === code || tag.split("_")[0] === code.split("_")[0]) chosen = editions[j];
      }}
    }}
  }}
  location.replace((chosen || editions[0]) + "/index.html");
}})();
</script>
</head>
<body>
<nav aria-label="Languages">
{links}
</nav>
</body>
</html>
"""


def landing_page() -> str:
    editions = load_editions()
    links = "\n".join(
        f'<a href="{code}/index.html" hreflang="{code.replace("_", "-")}" '
        f'lang="{code.replace("_", "-")}">{html.escape(data["name"])} · {html.escape(data["project"])}</a>'
        for code, data in editions.items()
    )
    return TEMPLATE.format(
        source_lang=next(iter(editions)).replace("_", "-"),
        titles=" · ".join(html.escape(d["project"]) for d in editions.values()),
        codes=json.dumps(list(editions)),
        links=links,
    )


if __name__ == "__main__":
    out = Path(sys.argv[1]) / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(landing_page(), encoding="utf-8")
