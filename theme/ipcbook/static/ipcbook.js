/* The book's header: colour theme switch and language switcher. */
(function () {
  "use strict";

  // -- Colour theme: auto (follow the system) -> light -> dark -> auto ...
  var ORDER = ["auto", "light", "dark"];
  var darkCode = document.querySelector('link[href*="pygments_dark.css"]');

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme;
    // Sphinx links the dark code style for (prefers-color-scheme: dark) only.
    if (darkCode) {
      darkCode.media = theme === "auto" ? "(prefers-color-scheme: dark)" : theme === "dark" ? "all" : "not all";
    }
    var button = document.querySelector(".theme-switch");
    if (button) button.textContent = button.dataset["label" + theme[0].toUpperCase() + theme.slice(1)];
  }

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }

  document.addEventListener("DOMContentLoaded", function () {
    applyTheme(document.documentElement.dataset.theme || "auto");
    var button = document.querySelector(".theme-switch");
    if (button) {
      button.addEventListener("click", function () {
        var current = ORDER.indexOf(document.documentElement.dataset.theme);
        var next = ORDER[(current + 1) % ORDER.length];
        store("color-theme", next);
        applyTheme(next);
      });
    }

    // -- Language switcher: same page, same section; remember the choice.
    document.querySelectorAll(".edition-switcher a.edition").forEach(function (link) {
      link.addEventListener("click", function () {
        store("edition-language", link.dataset.language);
        link.href = link.href.split("#")[0] + location.hash;
      });
    });
  });
})();

/* -- Bilingual view (extensions/bilingual.py): show or hide the original
   under each translated paragraph; the choice is remembered. The originals
   are display:none unless <html data-bilingual="on">. */
(function () {
  "use strict";

  function apply(on) {
    if (on) document.documentElement.dataset.bilingual = "on";
    else delete document.documentElement.dataset.bilingual;
    var button = document.querySelector(".bilingual-switch");
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  // Search results quote the page's text: leave the originals out of it.
  if (typeof Search !== "undefined" && typeof Search.htmlToText === "function") {
    var htmlToText = Search.htmlToText;
    Search.htmlToText = function (htmlString, anchor) {
      var page = new DOMParser().parseFromString(htmlString, "text/html");
      page.querySelectorAll(".bilingual-original").forEach(function (el) { el.remove(); });
      return htmlToText(page.documentElement.outerHTML, anchor);
    };
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".bilingual-switch");
    if (!button) return;
    button.hidden = false;
    apply(document.documentElement.dataset.bilingual === "on");
    button.addEventListener("click", function () {
      var on = document.documentElement.dataset.bilingual !== "on";
      try { localStorage.setItem("bilingual", on ? "on" : "off"); } catch (e) { /* private mode */ }
      apply(on);
    });
  });
})();
