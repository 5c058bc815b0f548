"""A person with only a keyboard (Tab, Shift+Tab, Enter, Space) goes from the home page's map and
search to a filtered list, opens a result, and compares two practices; every stop shows its focus."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

FOCUS_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.getAttribute('aria-label') || element.textContent || element.value || '').trim().slice(0, 60),
        visible: outline || style.boxShadow !== 'none',
    };
}"""


def tab_to(page, selector: str, *, limit: int = 400, backwards: bool = False) -> dict:
    """Press Tab until the focused element matches selector; it must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            focus = page.evaluate(FOCUS_STYLE)
            assert focus["visible"], f"no visible focus on {focus}"
            return focus
    pytest.fail(f"{selector} not reached with {limit} presses of Tab")


def test_a_country_on_the_map_is_reached_and_followed_by_keyboard(page, site_url):
    page.goto(f"{site_url}/es/")
    focus = tab_to(page, 'a.country-map__country[data-country="CO"]')
    assert re.match(r"Colombia: \d+", focus["text"])
    screenshot(page, "map-focus-es-desktop")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/es/buscar/?country=CO")
    assert page.locator('input[name="country"][value="CO"]').is_checked()


def test_search_filter_open_and_compare_without_a_mouse(page, site_url):
    page.goto(f"{site_url}/es/")
    tab_to(page, "#home-search-q")
    page.keyboard.type("registro")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "q=registro" in page.url
    everything = page.locator(".search-results .practice-card").count()
    assert everything > 1

    # Apply a filter: the first country that has results; ticking it applies it (static/js/search-page.js).
    tab_to(page, 'input[name="country"]:not([disabled])')
    country = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    assert page.locator(f'input[name="country"][value="{country}"]').is_checked()
    page.wait_for_url(f"**country={country}**")
    expect(page.locator(".active-filters a")).to_have_count(1)
    filtered = page.locator(".search-results .practice-card").count()
    assert 0 < filtered <= everything

    # Remove it again from the list of active filters.
    tab_to(page, ".active-filters a")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "country=" not in page.url
    assert page.locator(".search-results .practice-card").count() == everything

    # Open the first result, and come back.
    tab_to(page, ".search-results .card__title a")
    title = page.evaluate("document.activeElement.textContent.trim()")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text().strip() == title
    page.go_back()

    # Tick two practices for the comparison and open it.
    tab_to(page, '.search-results input[name="p"]')
    page.keyboard.press("Space")
    tab_to(page, '.search-results input[name="p"]:not(:checked)')
    page.keyboard.press("Space")
    assert page.locator('.search-results input[name="p"]:checked').count() == 2
    screenshot(page, "compare-choice-es-desktop")
    tab_to(page, 'button[form="compare-form"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/es/comparar/" in page.url
    assert page.url.count("p=") == 2
    assert page.locator(".compare-table thead th").count() >= 2
    screenshot(page, "compare-es-desktop")
