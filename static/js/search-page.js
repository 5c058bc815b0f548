// The search page, phone first (search/templates/search/search.html). Without this script the page is a
// plain GET form: "Filter (n)" jumps to the filters and "Apply filters" reloads the page. With it:
// - a filter applies as soon as it changes: the page is fetched and its results, count and chips swapped
//   in place, so the reader keeps her scroll position; the address follows, so it can still be shared or
//   bookmarked, and each filter applied is a step of the history (pushState): Back undoes the last one
//   (popstate fetches that address again and swaps its results in, the boxes ticked as they were);
// - what the swap brings besides the count ("no results", a correction, a note on a parameter left out)
//   is said by the live region around the count, which is in the page from the start (a region
//   inserted with its words is not announced);
// - below 64rem the filters open as a modal dialog: focus moves in and stays in (the rest of the page is
//   inert), Escape or "Show results" closes it and gives focus back to the button that opened it.
(function () {
    "use strict";
    var form = document.querySelector("[data-search-form]");
    if (!form || !window.fetch || !window.DOMParser) return;
    var filters = form.querySelector("[data-filters]");
    var closeButton = filters.querySelector("[data-filter-close]");
    var desktop = window.matchMedia("(min-width: 64rem)");
    var opener = null;
    var inerted = [];
    var pending = null;

    document.documentElement.classList.add("search-enhanced");

    function searchUrl() {
        var params = new URLSearchParams();
        var sort = form.querySelector("select[name=sort]");
        new FormData(form).forEach(function (value, key) {
            // The default order is left out: the shared address stays as short as the one typed.
            if (value === "" || (sort && key === "sort" && value === sort.getAttribute("data-default"))) return;
            params.append(key, value);
        });
        var query = params.toString();
        return form.getAttribute("action") + (query ? "?" + query : "");
    }

    // Each facet option keeps its element (and focus): only its state and count change.
    function patchFilters(fresh) {
        fresh.querySelectorAll("[data-filters] input[type=checkbox]").forEach(function (input) {
            var selector = 'input[type=checkbox][name="' + input.name + '"][value="' + CSS.escape(input.value) + '"]';
            var mine = filters.querySelector(selector);
            if (!mine) return;
            mine.checked = input.checked;
            mine.disabled = input.disabled;
            var label = mine.closest("label");
            var count = label && label.querySelector(".facet__count");
            var freshCount = input.closest("label").querySelector(".facet__count");
            if (count && freshCount) count.textContent = freshCount.textContent;
            if (label) label.className = input.closest("label").className;
        });
        // The other fields too: after Back they must show the search whose results are shown.
        fresh.querySelectorAll("[data-filters] input[type=number], [data-filters] select, #search-q").forEach(function (field) {
            var mine = form.querySelector("#" + CSS.escape(field.id));
            if (mine && mine !== document.activeElement) mine.value = field.value;
        });
    }

    // The notices of the new results, in words, into the live region around the count (aria-atomic: the
    // count is read with them). Empty when there is nothing to add to the count.
    function announce() {
        var region = form.querySelector("[data-search-announce]");
        if (!region) return;
        var words = [];
        form.querySelectorAll(".search-notices .notice, .search-results .search-correction, .search-results .no-results > p:first-child")
            .forEach(function (notice) { words.push(notice.textContent.replace(/\s+/g, " ").trim()); });
        region.textContent = words.join(" ");
    }

    function swap(fresh) {
        form.querySelectorAll("[data-swap]").forEach(function (region) {
            var replacement = fresh.querySelector('[data-swap="' + region.getAttribute("data-swap") + '"]');
            if (!replacement) return;
            var node = document.importNode(replacement, true);
            // A region made inert by the open dialog stays inert in its new form.
            var index = inerted.indexOf(region);
            if (index !== -1) { node.inert = true; inerted[index] = node; }
            region.replaceWith(node);
        });
        // The live region stays in place (a new one would not be announced): only its words change.
        var count = fresh.querySelector("[data-search-count]");
        if (count) form.querySelector("[data-search-count]").textContent = count.textContent;
        announce();
        patchFilters(fresh);
        var title = fresh.querySelector("title");
        if (title) document.title = title.textContent;
        bindOpener();
        // New cards: their "Keep to compare" buttons are shown by compare-keep.js.
        form.dispatchEvent(new CustomEvent("search:updated", { bubbles: true }));
    }

    // `push`: a filter the reader applied (a new step of the history); without it, the step she went
    // back or forward to.
    function apply(url, push) {
        var scroll = window.scrollY;
        if (pending) pending.abort();
        pending = new AbortController();
        form.setAttribute("aria-busy", "true");
        fetch(url, { headers: { Accept: "text/html" }, signal: pending.signal, credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) throw new Error(response.status);
                return response.text();
            })
            .then(function (html) {
                swap(new DOMParser().parseFromString(html, "text/html"));
                if (push && url !== window.location.pathname + window.location.search) {
                    history.pushState({ search: true }, "", url);
                }
                window.scrollTo(0, scroll);
                form.removeAttribute("aria-busy");
            })
            .catch(function (error) {
                if (error.name === "AbortError") return;
                window.location.assign(url); // the plain page says what went wrong
            });
    }

    form.addEventListener("change", function (event) {
        if (!event.target.closest("[data-filters]")) return; // the words apply with the Search button
        if (event.target.type === "number" && !event.target.checkValidity()) return;
        apply(searchUrl(), true);
    });
    // "Apply filters" (and Enter in a year field, whose implicit submission names the words' Search button)
    // need no reload either.
    form.addEventListener("submit", function (event) {
        var inFilters = document.activeElement && document.activeElement.closest("[data-filters]");
        if ((event.submitter && event.submitter.hasAttribute("data-apply-filters")) || inFilters) {
            event.preventDefault();
            apply(searchUrl(), true);
        }
    });
    // The page as loaded is a step of its own; Back and Forward between steps show their results.
    history.replaceState({ search: true }, "");
    window.addEventListener("popstate", function (event) {
        if (!event.state || !event.state.search) return; // not one of ours (an in-page link)
        apply(window.location.pathname + window.location.search, false);
    });

    // --- The filters as a dialog on phones -------------------------------------------------------
    function focusables() {
        return Array.prototype.filter.call(
            filters.querySelectorAll("button, input, select, a[href]"),
            function (element) { return !element.disabled && !element.hidden && element.offsetParent !== null; }
        );
    }

    function makeRestInert() {
        // Everything but the dialog and its ancestors: siblings at each level up to <body>.
        for (var node = filters; node && node !== document.body; node = node.parentElement) {
            Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
                if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") {
                    sibling.inert = true;
                    inerted.push(sibling);
                }
            });
        }
    }

    function open(event) {
        if (desktop.matches) return; // the side column is already there
        if (event) event.preventDefault();
        opener = event ? event.currentTarget : null;
        filters.classList.add("facets--dialog");
        filters.setAttribute("role", "dialog");
        filters.setAttribute("aria-modal", "true");
        closeButton.hidden = false;
        document.documentElement.classList.add("search-dialog-open");
        makeRestInert();
        if (opener) opener.setAttribute("aria-expanded", "true");
        closeButton.focus();
    }

    function close() {
        if (!filters.classList.contains("facets--dialog")) return;
        filters.classList.remove("facets--dialog");
        filters.removeAttribute("role");
        filters.removeAttribute("aria-modal");
        closeButton.hidden = true;
        document.documentElement.classList.remove("search-dialog-open");
        inerted.forEach(function (element) { element.inert = false; });
        inerted = [];
        // The opener may have been swapped for a fresh copy while the dialog was open.
        var toggle = form.querySelector("[data-filter-open]");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
    }

    function bindOpener() {
        var toggle = form.querySelector("[data-filter-open]");
        if (!toggle || toggle.dataset.bound) return;
        toggle.dataset.bound = "1";
        // A link without the script (to #search-filters), a button that opens a dialog with it.
        toggle.setAttribute("role", "button");
        toggle.setAttribute("aria-haspopup", "dialog");
        toggle.setAttribute("aria-controls", filters.id);
        toggle.setAttribute("aria-expanded", filters.classList.contains("facets--dialog") ? "true" : "false");
        toggle.addEventListener("click", open);
        toggle.addEventListener("keydown", function (event) {
            if (event.key === " ") { event.preventDefault(); open(event); }
        });
    }

    closeButton.addEventListener("click", close);
    filters.addEventListener("keydown", function (event) {
        if (!filters.classList.contains("facets--dialog")) return;
        if (event.key === "Escape") {
            event.preventDefault();
            close();
        } else if (event.key === "Tab") {
            var items = focusables();
            var first = items[0], last = items[items.length - 1];
            if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
            else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
        }
    });
    desktop.addEventListener("change", function () { if (desktop.matches) close(); });
    bindOpener();
})();
