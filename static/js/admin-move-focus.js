// After « Monter » / « Descendre », the list comes back with the moved row's button in the
// address (#move-down-12): focus it, and have it read the message that says the new place,
// so a keyboard user goes on moving the same row without tabbing from the top again.
(function () {
  "use strict";
  function restore() {
    var match = /^#(move-(?:up|down)-[\w-]+)$/.exec(window.location.hash);
    var button = match && document.getElementById(match[1]);
    if (!button) return;
    var status = document.querySelector(".messagelist li");
    if (status) {
      status.id = status.id || "move-status";
      status.setAttribute("role", "status");
      button.setAttribute("aria-describedby", status.id);
    }
    button.focus();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", restore);
  } else {
    restore();
  }
})();
