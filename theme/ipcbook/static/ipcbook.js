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
