"""Write build/html/index.html: send readers to their language's edition.

    python tools/write_landing_page.py build/html

The page lists every edition from languages.toml. With JavaScript it goes
straight to the edition the reader chose last time (remembered by the language
switcher), else to the first edition matching the browser's languages;
``index.html?choose`` stays on the list.

It looks like the editions' pages: their header, their colours (copied from
the theme's stylesheet, light and dark, following the colour theme the reader
chose in an edition, else the system's), and one card per edition with its
title and the line about it from ``languages.toml`` (``about``), each in its
own language.
"""

from __future__ import annotations

import base64
import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "extensions"))
from book import language_tag, load_editions  # noqa: E402

THEME = Path(__file__).resolve().parent.parent / "theme" / "ipcbook" / "static"

TEMPLATE = """<!DOCTYPE html>
<html lang="{source_lang}" data-theme="auto">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{titles}</title>
<link rel="icon" href="{favicon}">
<style>
{site_colours}
  *, *::before, *::after {{ box-sizing: border-box; }}
  html {{ background: var(--bg); }}
  body {{
    margin: 0; background: var(--bg); color: var(--fg); line-height: 1.7;
    font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
      "PingFang SC", "Microsoft YaHei", sans-serif;
  }}
  .site-header {{
    display: flex; align-items: center; padding: 0.6rem 1.25rem;
    background: var(--header-bg); border-bottom: 1px solid var(--border);
  }}
  .site-title {{ font-weight: 600; }}
  main {{ max-width: 44rem; margin: 0 auto; padding: 2.5rem 1.25rem; }}
  h1 {{ font-size: 1.9rem; line-height: 1.3; margin: 0 0 1.5rem; }}
  nav ul {{ list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; }}
  nav a {{
    display: block; padding: 1rem 1.25rem; border: 1px solid var(--border); border-radius: 8px;
    background: var(--code-bg); color: var(--fg); text-decoration: none;
  }}
  nav a:hover {{ border-color: var(--link); }}
  nav a:focus-visible {{ outline: 3px solid var(--link); outline-offset: 2px; }}
  .edition-name {{ display: block; color: var(--muted); font-size: 0.9rem; }}
  .edition-title {{ display: block; color: var(--link); font-size: 1.35rem; font-weight: 600; text-decoration: underline; }}
  .edition-about {{ display: block; margin-top: 0.25rem; }}
</style>
<script>
(function () {{
  // The colour theme the reader chose in an edition (its header's switch).
  try {{ document.documentElement.dataset.theme = localStorage.getItem("color-theme") || "auto"; }} catch (e) {{}}
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
<header class="site-header"><span class="site-title">{heading}</span></header>
<main>
<h1>{heading}</h1>
<nav aria-label="{nav_label}">
<ul>
{links}
</ul>
</nav>
</main>
<script>
document.querySelectorAll("nav a[data-language]").forEach(function (link) {{
  link.addEventListener("click", function () {{
    try {{ localStorage.setItem("edition-language", link.dataset.language); }} catch (e) {{}}
  }});
}});
</script>
</body>
</html>
"""


def site_colours() -> str:
    """The site's colour variables, light and dark, as the theme declares
    them (its stylesheet's first rules, up to the first non-colour rule)."""
    css = (THEME / "ipcbook.css").read_text(encoding="utf-8")
    start = css.index(":root {")
    return css[start : css.index("*, *::before", start)].strip()


def landing_page() -> str:
    editions = load_editions()
    links = "\n".join(
        f'<li lang="{language_tag(code)}"><a href="{code}/index.html" hreflang="{language_tag(code)}" '
        f'data-language="{code}">'
        f'<span class="edition-name">{html.escape(data["name"])}</span>'
        f'<span class="edition-title">{html.escape(data["project"])}</span>'
        + (f'<span class="edition-about">{html.escape(data["about"])}</span>' if data.get("about") else "")
        + "</a></li>"
        for code, data in editions.items()
    )
    titles = " · ".join(html.escape(d["project"]) for d in editions.values())
    heading = " · ".join(
        f'<span lang="{language_tag(code)}">{html.escape(d["project"])}</span>' for code, d in editions.items()
    )
    favicon = "data:image/svg+xml;base64," + base64.b64encode((THEME / "favicon.svg").read_bytes()).decode()
    return TEMPLATE.format(
        source_lang=language_tag(next(iter(editions))),
        titles=titles,
        heading=heading,
        nav_label="Editions",
        favicon=favicon,
        site_colours=site_colours(),
        codes=json.dumps(list(editions)),
        links=links,
    )


if __name__ == "__main__":
    out = Path(sys.argv[1]) / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(landing_page(), encoding="utf-8")
