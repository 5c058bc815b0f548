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

    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        if (!navigator.clipboard) return;
        button.hidden = false;
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

    document.querySelectorAll("[data-keep]").forEach(function (button) {
        var id = button.getAttribute("data-keep");
        var label = button.textContent;
        function show() {
            var isKept = kept().some(function (item) { return String(item.id) === id; });
            button.setAttribute("aria-pressed", isKept ? "true" : "false");
            button.textContent = isKept ? button.getAttribute("data-kept") : label;
        }
        button.hidden = false;
        show();
        button.addEventListener("click", function () {
            var list = kept().filter(function (item) { return String(item.id) !== id; });
            if (button.getAttribute("aria-pressed") !== "true") list.push({ id: id, title: button.getAttribute("data-keep-title") });
            save(list);
            show();
            linkKept();
        });
    });

    // "Compare the practices kept": a link to the comparison of the list, shown once it holds two.
    function linkKept() {
        var list = kept();
        document.querySelectorAll("[data-kept-compare]").forEach(function (link) {
            link.href = link.getAttribute("href").split("?")[0] + "?" + list.map(function (item) { return "p=" + encodeURIComponent(item.id); }).join("&");
            if (!link.closest("#kept-list")) link.hidden = list.length < 2;
        });
    }
    linkKept();

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
