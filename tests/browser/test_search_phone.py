"""The search page phone first and the way around the site (issue 14), as a person uses them: at 375 px
the first result is in the first screen, a filter applies without losing the place, the filter dialog
works with a keyboard alone; the main menu works at 320 px."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo")]  # reads the demo content (tests/conftest.py)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def tab_at(browser):
    """A tab of a given size (Spanish, as the CONARE director reads it)."""
    contexts = []

    def open_tab(viewport, *, bypass_csp=False):
        context = browser.new_context(viewport=viewport, locale="es-419", bypass_csp=bypass_csp)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def count_of(page) -> int:
    return int(re.match(r"\d+", page.locator(".search-count").inner_text()).group())


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_the_first_result_is_in_the_first_screen(tab_at, site_url, width):
    viewport = PHONE if width == "phone" else DESKTOP
    page = tab_at(viewport)
    page.goto(f"{site_url}/es/buscar/?q=rezago")
    first = page.locator(".search-results .practice-card").first
    box = first.bounding_box()
    assert box["y"] < viewport["height"] - 100, f"the first result starts at {box['y']} px"
    assert page.locator(".search-count").bounding_box()["y"] < box["y"]
    # The compare box is a target of at least 24 × 24 CSS px (WCAG 2.2, 2.5.8).
    target = first.locator(".card__compare input").bounding_box()
    assert target["width"] >= 24 and target["height"] >= 24, target
    screenshot(page, f"search-rezago-es-{width}-first-screen")
    # "No results" is in the first screen too.
    page.goto(f"{site_url}/es/buscar/?q=zzyzxqwv")
    assert page.locator(".no-results").bounding_box()["y"] < viewport["height"]


def test_a_filter_on_a_phone_keeps_the_place_and_updates_the_count(tab_at, site_url):
    page = tab_at(PHONE)
    page.goto(f"{site_url}/es/buscar/?q=rezago")
    everything = count_of(page)
    page.evaluate("window.scrollTo(0, 250)")
    assert page.evaluate("document.scrollingElement.scrollTop") == 250
    page.get_by_role("button", name="Filtrar (0)").click()
    dialog = page.get_by_role("dialog", name="Filtros")
    expect(dialog).to_be_visible()
    screenshot(page, "search-filter-dialog-es-phone")
    # The first country with practices, ticked as a person does: on its label.
    option = dialog.locator('label.facet__option:has(input[name="country"]:not([disabled]))').first
    country = option.locator("input").get_attribute("value")
    option.click()
    page.wait_for_url(f"**country={country}**")
    expect(page.locator(".active-filters a")).to_have_count(1)
    filtered = count_of(page)
    assert 0 < filtered < everything
    dialog.get_by_role("button", name="Ver resultados").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert page.evaluate("document.scrollingElement.scrollTop") == 250
    assert page.locator(".search-results .practice-card").count() == filtered
    expect(page.get_by_role("button", name="Filtrar (1)")).to_be_focused()
    assert page.evaluate("location.search").count("country=") == 1
    screenshot(page, "search-filtered-es-phone")
    # The address is the search's: opened afresh it shows the same.
    page.reload()
    assert count_of(page) == filtered


def test_the_filter_dialog_with_a_keyboard_alone(tab_at, site_url):
    page = tab_at(PHONE)
    page.goto(f"{site_url}/es/buscar/?q=rezago")
    everything = count_of(page)
    toggle = page.get_by_role("button", name="Filtrar (0)")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-filter-open]')"):
            break
    expect(toggle).to_be_focused()
    assert toggle.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Filtros")
    expect(dialog).to_be_visible()
    assert dialog.get_attribute("aria-modal") == "true"
    expect(dialog.get_by_role("button", name="Ver resultados")).to_be_focused()
    # Focus stays in the dialog: Shift+Tab from its first control goes to its last one.
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('[role=dialog]') !== null")
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("button", name="Ver resultados")).to_be_focused()
    # Tick "Lesson learned" by keyboard.
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('input[name=kind][value=lesson]')"):
            break
    page.keyboard.press("Space")
    page.wait_for_url("**kind=lesson**")
    expect(page.locator(".active-filters a")).to_have_count(1)
    assert page.evaluate("document.activeElement.matches('input[name=kind][value=lesson]')")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("button", name="Filtrar (1)")).to_be_focused()
    lessons = count_of(page)
    assert 0 < lessons < everything
    assert page.locator(".search-results .badge--lesson").count() == page.locator(".search-results .card").count()


def test_the_open_filter_dialog_passes_axe(tab_at, site_url):
    page = tab_at(PHONE, bypass_csp=True)
    page.goto(f"{site_url}/es/buscar/?q=rezago")
    page.get_by_role("button", name="Filtrar (0)").click()
    expect(page.get_by_role("dialog", name="Filtros")).to_be_visible()
    page.evaluate(AXE)
    for only in (
        {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
        {"type": "rule", "values": ["landmark-unique", "aria-allowed-role", "aria-dialog-name"]},
    ):
        result = page.evaluate("only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only)
        assert not [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]


def test_the_main_menu_at_320_px(tab_at, site_url):
    page = tab_at({"width": 320, "height": 640})
    page.goto(f"{site_url}/es/")
    menu = page.get_by_role("navigation", name="Menú principal")
    meetings = menu.get_by_role("link", name="Reuniones")
    expect(meetings).to_be_hidden()
    button = menu.get_by_role("button", name="Menú")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    expect(meetings).to_be_visible()
    screenshot(page, "menu-open-es-320")
    page.keyboard.press("Escape")
    expect(meetings).to_be_hidden()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # Prácticas, then Instituciones
    expect(menu.get_by_role("link", name="Instituciones")).to_be_focused()
    meetings.click()
    page.wait_for_url("**/es/reuniones/")
    assert page.locator("h1").inner_text().strip()
    assert page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")
    # The menu is folded again on the new page; the section it is in is marked.
    expect(page.locator('.primary-nav a[aria-current="page"]')).to_have_text("Reuniones")
