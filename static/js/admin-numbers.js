// Beside each number field of the editor, what the server understood of what is being typed:
// "= 160 000" or why it is refused. The rule lives on the server (practices/numbers.py); without
// this script the form still parses and validates on save.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.dataset.url;
  if (!url) return;
  var timers = new WeakMap();

  function hintFor(input) {
    var id = input.id + "-understood";
    var hint = document.getElementById(id);
    if (!hint) {
      hint = document.createElement("span");
      hint.id = id;
      hint.className = "number-understood";
      hint.setAttribute("aria-live", "polite");
      hint.style.display = "block";
      hint.style.marginTop = "0.25rem";
      input.insertAdjacentElement("afterend", hint);
      var described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? described + " " + id : id);
    }
    return hint;
  }

  function explain(input) {
    var hint = hintFor(input);
    var value = input.value.trim();
    if (!value) {
      hint.textContent = "";
      return;
    }
    fetch(url + "?value=" + encodeURIComponent(value), { credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (body) {
          if (input.value.trim() !== value) return; // typed on meanwhile
          hint.textContent = response.ok ? "= " + body.display : body.error;
          hint.dataset.state = response.ok ? "understood" : "refused";
          hint.style.color = response.ok ? "" : "var(--w-color-text-error, #cd4444)";
        });
      })
      .catch(function () {
        hint.textContent = "";
      });
  }

  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.hasAttribute("data-localized-number")) return;
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(function () { explain(input); }, 250));
  });
})();
