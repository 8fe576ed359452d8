// « Ma collectivité »: suggest names while the visitor types. The form works without this:
// it only fills the field's datalist from /ma-collectivite/suggestions.json.
(function () {
  "use strict";
  var field = document.querySelector("input[data-suggest]");
  if (!field || !window.fetch) return;
  var list = document.getElementById(field.getAttribute("list"));
  var timer = null;
  var asked = "";

  function show(results) {
    list.textContent = "";
    results.forEach(function (result) {
      var option = document.createElement("option");
      option.value = result.name;
      option.label = result.label;
      list.appendChild(option);
    });
  }

  field.addEventListener("input", function () {
    clearTimeout(timer);
    var query = field.value.trim();
    if (query.length < 2 || query === asked) return;
    timer = setTimeout(function () {
      asked = query;
      fetch(field.dataset.suggest + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (field.value.trim() === query) show(data.results); })
        .catch(function () { /* no suggestions: the form still works */ });
    }, 200);
  });
})();
