// Search suggestions as an ARIA 1.2 combobox (list autocomplete): typing shows countries,
// institutions, topics, searches and practice titles, in that order, each labelled with its group,
// Arrow keys move through them, Enter opens one, Escape closes the list. Without JavaScript the
// field is a plain search box.
(function () {
    "use strict";

    function setUp(input) {
        var endpoint = input.getAttribute("data-autocomplete");
        var lang = document.documentElement.lang || "es";
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "autocomplete";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "");
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.style.position = "relative";
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var options = [];
        var active = -1;
        var timer = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            list.replaceChildren();
            options = results.map(function (result, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = result.url;
                var title = document.createElement("span");
                title.textContent = result.title;
                title.lang = result.language;
                var country = document.createElement("span");
                country.className = "autocomplete__country";
                country.textContent = result.country;
                var group = document.createElement("span");
                group.className = "autocomplete__group";
                group.textContent = result.group_label || "";
                if (i > 0 && results[i - 1].group === result.group) group.classList.add("autocomplete__group--repeat");
                option.append(group, " ", title, " ", country);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    window.location.href = result.url;
                });
                list.appendChild(option);
                return option;
            });
            var template = input.getAttribute(results.length === 1 ? "data-autocomplete-one" : "data-autocomplete-many") || "";
            status.textContent = results.length ? template.replace("{count}", results.length) : "";
            if (results.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                active = -1;
            } else {
                close();
            }
        }

        function fetchSuggestions() {
            var query = input.value.trim();
            if (query === lastQuery) return;
            lastQuery = query;
            if (query.length < 2) {
                render([]);
                return;
            }
            fetch(endpoint + "?lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
            })
                .then(function (response) { return response.ok ? response.json() : { results: [] }; })
                .then(function (data) { if (input.value.trim() === query) render(data.results || []); })
                .catch(function () { render([]); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, 200);
        });
        input.addEventListener("keydown", function (event) {
            if (event.key === "ArrowDown" && options.length) {
                event.preventDefault();
                if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
                highlight((active + 1) % options.length);
            } else if (event.key === "ArrowUp" && options.length) {
                event.preventDefault();
                highlight(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
                event.preventDefault();
                window.location.href = options[active].dataset.url;
            } else if (event.key === "Escape") {
                if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ""; lastQuery = ""; }
            }
        });
        input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    }

    document.querySelectorAll("input[data-autocomplete]").forEach(setUp);
})();
