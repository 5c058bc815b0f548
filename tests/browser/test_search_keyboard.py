"""A person with only a keyboard uses the search suggestions and the filters."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)


def test_suggestions_follow_the_combobox_pattern_by_keyboard(page, site_url):
    page.goto(f"{site_url}/es/")
    box = page.locator("#site-search-q")
    assert box.get_attribute("role") == "combobox"
    box.focus()
    page.keyboard.type("Méx", delay=30)
    listbox = page.locator("#site-search-q-suggestions")
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert options.count() >= 1
    page.keyboard.press("ArrowDown")
    first = options.first
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    # Suggestions are grouped (a country first for "Méx"): Enter opens the chosen one's address.
    target = first.get_attribute("data-url")
    assert target
    screenshot(page, "autocomplete-es-desktop")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: target.split("?")[0] in url and url.rstrip("/") != f"{site_url}/es")
    assert page.locator("h1").count() == 1


def test_escape_closes_the_suggestions(page, site_url):
    page.goto(f"{site_url}/es/")
    page.locator("#site-search-q").focus()
    page.keyboard.type("Reg", delay=30)
    page.locator("#site-search-q-suggestions").wait_for(state="visible")
    page.keyboard.press("Escape")
    assert page.locator("#site-search-q").get_attribute("aria-expanded") == "false"


def test_filters_apply_and_remove_without_a_mouse(page, site_url):
    page.goto(f"{site_url}/es/buscar/?q=registro")
    before = page.locator(".search-results .card").count()
    checkbox = page.locator('input[name="kind"][value="lesson"]')
    checkbox.focus()
    # Ticking applies the filter (static/js/search-page.js): no button, no reload, focus stays on the box.
    page.keyboard.press("Space")
    page.wait_for_url("**kind=lesson**")
    expect(page.locator(".active-filters")).to_contain_text("Lección aprendida")
    assert page.evaluate("document.activeElement.name") == "kind"
    after = page.locator(".search-results .card").count()
    assert 0 < after <= before
    screenshot(page, "search-filtered-es-desktop")
    page.get_by_role("link", name="Quitar filtro: Lección aprendida").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kind=lesson" not in page.url
    assert page.locator(".search-results .card").count() == before
