"""The grouped suggestions on a phone (issue 13): typing the start of a country or an acronym in the
header's search box shows labelled groups (countries, institutions, topics, search terms, practice
titles) that fit the screen and are chosen by keyboard or by a tap."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo")]  # reads the demo (countries, thesaurus)

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser):
    """A touch phone in Spanish, as an official opens the site on the road."""
    context = browser.new_context(viewport=PHONE, locale="es-419", has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def suggestions_for(page, site_url, text):
    page.goto(f"{site_url}/es/")
    box = page.locator("#site-search-q")
    box.tap()
    page.keyboard.type(text, delay=40)
    listbox = page.locator("#site-search-q-suggestions")
    listbox.wait_for(state="visible")
    return box, listbox


def test_bras_shows_a_labelled_country_group_chosen_by_keyboard(phone, site_url):
    box, listbox = suggestions_for(phone, site_url, "Bras")
    options = listbox.get_by_role("option")
    first = options.first
    # The first group is the country, labelled in the page's language, its label read with the option.
    expect(first.locator(".autocomplete__group")).to_have_text(re.compile("País", re.IGNORECASE))
    expect(first).to_contain_text("Brasil")
    # Brazil's institution follows, in its own labelled group (a repeated label is only read aloud).
    groups = [option.locator(".autocomplete__group").text_content() for option in options.all()]
    assert groups[:2] == ["País", "Institución"], groups
    # The list fits a phone: nothing runs off the right edge.
    box_right = listbox.bounding_box()
    assert box_right["x"] >= 0 and box_right["x"] + box_right["width"] <= PHONE["width"] + 1
    screenshot(phone, "autocomplete-groups-phone")
    phone.keyboard.press("ArrowDown")
    assert first.get_attribute("aria-selected") == "true"
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    phone.keyboard.press("Enter")
    phone.wait_for_url(re.compile(r"/es/buscar/\?country=BR$"))
    expect(phone.locator(".search-count")).to_be_visible()


def test_coi_suggests_the_search_term_and_a_tap_searches_it(phone, site_url):
    _, listbox = suggestions_for(phone, site_url, "COI")
    term = listbox.get_by_role("option").filter(has_text="información sobre país de origen").first
    expect(term.locator(".autocomplete__group")).to_have_text(re.compile("Término de búsqueda", re.IGNORECASE))
    term.tap()
    phone.wait_for_url(re.compile(r"/es/buscar/\?q="))
    assert "información sobre país de origen" in phone.locator("#site-search-q").input_value()
    # The thesaurus term finds the practices about country-of-origin information.
    expect(phone.locator("main")).to_contain_text("país de origen")
