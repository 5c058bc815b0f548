// The comparison and the practice pages, progressively enhanced (everything works without it):
// - long texts of the comparison fold on a phone (they are open in the HTML);
// - "Copy link" copies the address of the comparison or search being read;
// - "Keep to compare": a list of practices kept on this device (localStorage, no account),
//   opened as a comparison from the list the comparison page shows.
(function () {
    "use strict";
    var KEY = "bp-kept-practices";
    var MAX = 4; // a comparison shows at most four practices (practices/views.py)

    if (window.matchMedia && window.matchMedia("(max-width: 40em)").matches) {
        document.querySelectorAll(".compare__long details[open]").forEach(function (details) {
            details.removeAttribute("open");
        });
    }

    // The button is shown by the style sheet when the page may use the clipboard (early.js).
    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        if (!navigator.clipboard) return;
        var label = button.textContent;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(window.location.href).then(function () {
                button.textContent = button.getAttribute("data-copied");
                setTimeout(function () { button.textContent = label; }, 3000);
            });
        });
    });

    function kept() {
        try {
            var list = JSON.parse(window.localStorage.getItem(KEY) || "[]");
            return Array.isArray(list) ? list.filter(function (item) { return item && /^\d+$/.test(String(item.id)); }) : [];
        } catch (error) {
            return [];
        }
    }

    function save(list) {
        try { window.localStorage.setItem(KEY, JSON.stringify(list.slice(-MAX))); } catch (error) { /* private mode */ }
    }

    // The buttons are shown (and their state set) here, and again when the search swaps in new cards
    // (search-page.js sends "search:updated"); one listener on the document serves them all.
    function showKeep(button) {
        var id = button.getAttribute("data-keep");
        var label = button.querySelector("[data-keep-label]") || button;
        if (!button.hasAttribute("data-keep-label-text")) button.setAttribute("data-keep-label-text", label.textContent.trim());
        var isKept = kept().some(function (item) { return String(item.id) === id; });
        button.setAttribute("aria-pressed", isKept ? "true" : "false");
        label.textContent = isKept ? button.getAttribute("data-kept") : button.getAttribute("data-keep-label-text");
    }

    function showAll() {
        document.querySelectorAll("[data-keep]").forEach(showKeep);
        linkKept();
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("[data-keep]");
        if (!button) return;
        var id = button.getAttribute("data-keep");
        var list = kept().filter(function (item) { return String(item.id) !== id; });
        if (button.getAttribute("aria-pressed") !== "true") list.push({ id: id, title: button.getAttribute("data-keep-title") });
        save(list);
        showAll(); // every button of the same practice and the links to the kept list follow
    });
    document.addEventListener("search:updated", showAll);

    // "Compare the practices kept": a link to the comparison of the list, shown once it holds two.
    function linkKept() {
        var list = kept();
        document.querySelectorAll("[data-kept-compare]").forEach(function (link) {
            link.href = link.getAttribute("href").split("?")[0] + "?" + list.map(function (item) { return "p=" + encodeURIComponent(item.id); }).join("&");
            if (!link.closest("#kept-list")) link.hidden = list.length < 2;
        });
    }
    showAll();

    // "Replace with" in the comparison: the practices kept on this device come first in each list
    // (those not already compared).
    document.querySelectorAll("[data-replace-select]").forEach(function (select) {
        var form = select.form;
        var compared = Array.prototype.map.call(form.querySelectorAll("input[name=p]"), function (input) { return input.value; });
        compared.push(select.options[0].value);
        var extra = kept().filter(function (item) { return compared.indexOf(String(item.id)) === -1; });
        if (!extra.length) return;
        var group = document.createElement("optgroup");
        group.label = select.getAttribute("data-kept-label");
        extra.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.id;
            option.textContent = item.title || ("#" + item.id);
            group.appendChild(option);
        });
        select.insertBefore(group, select.options[0].nextSibling);
    });

    var panel = document.getElementById("kept-list");
    if (panel) {
        var list = kept();
        if (list.length) {
            var items = panel.querySelector("ul");
            list.forEach(function (item) {
                var li = document.createElement("li");
                li.textContent = item.title || ("#" + item.id);
                items.appendChild(li);
            });
            panel.hidden = false;
        }
    }
}());
