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
