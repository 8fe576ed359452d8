// On a phone the home page's long lists start folded, their headings in place: one tap opens
// each. Without JavaScript, or on a wider screen, they stay open (the markup opens them).
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 47.99em)").matches) {
    return;
  }
  document.querySelectorAll("details.phone-fold[open]").forEach(function (details) {
    details.open = false;
  });
})();
