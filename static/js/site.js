// Reveals protected e-mail addresses on request: the page source holds only an encoded form.
document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reveal-email]");
    if (!button) return;
    var holder = button.closest("[data-protected-email]");
    var address = atob(holder.getAttribute("data-protected-email")).split("").reverse().join("");
    var link = document.createElement("a");
    link.href = "mailto:" + address;
    link.textContent = address;
    holder.replaceChildren(link);
    link.focus();
});

// The main menu on phones (home/templates/includes/header.html): a disclosure button folds the list of
// sections; without this script the list simply stays open. From 48rem the list is always shown (CSS). The
// button is shown and the list folded by the style sheet from the first paint (early.js marks the page).
(function () {
    var toggle = document.querySelector("[data-nav-toggle]");
    if (!toggle) return;
    var list = document.getElementById(toggle.getAttribute("aria-controls"));
    function set(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        list.classList.toggle("primary-nav__list--open", open);
    }
    toggle.addEventListener("click", function () { set(toggle.getAttribute("aria-expanded") !== "true"); });
    toggle.closest("nav").addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            set(false);
            toggle.focus();
        }
    });
})();
