/* The rich-text editor's menu in French. django-prose-editor writes its buttons' titles and
   its block types (« bold », « Heading 2 », « Paragraph ») in English, outside any catalogue;
   this replaces each by its translation in the admin's JavaScript catalogue
   (locale/libraries/fr/LC_MESSAGES/djangojs.po), as the menu is built and each time it
   changes. Icons are ligatures of their own text and are left alone. */
(function () {
  "use strict";
  if (typeof window.gettext !== "function") {
    return;
  }

  function translated(text) {
    var french = window.gettext(text);
    return french !== text ? french : null;
  }

  function translate(root) {
    root.querySelectorAll("[title], [aria-label]").forEach(function (element) {
      ["title", "aria-label"].forEach(function (name) {
        var french = element.hasAttribute(name) && translated(element.getAttribute(name));
        if (french) {
          element.setAttribute(name, french);
        }
      });
    });
    root.querySelectorAll(".prose-menubar__option > *").forEach(function (label) {
      var french = translated(label.textContent);
      if (french) {
        label.textContent = french;
      }
    });
  }

  function watch(menubar) {
    translate(menubar);
    new MutationObserver(function () {
      translate(menubar);
    }).observe(menubar, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    });
  }

  // The editors are built after this script runs: watch for their menus.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) {
          return;
        }
        if (node.classList.contains("prose-menubar")) {
          watch(node);
        } else {
          node.querySelectorAll(".prose-menubar").forEach(watch);
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
