"""Changing a column of the comparison without starting again (issue 14): "Replace with" offers the
practices that share the compared indicators or topics, and those kept on this device; the choice takes
the column's place, the others and the way back to the search stay. At 375 px and 1280 px."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import screenshot
from .test_compare_exchange import BACKLOG_COUNTRIES, WIDTHS, backlog_ids  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo")]  # reads the demo content (tests/conftest.py)


@pytest.mark.parametrize("width", list(WIDTHS))
def test_replace_a_column_with_a_practice_kept_or_one_sharing_an_indicator(browser, site_url, backlog_ids, width):  # noqa: F811
    context = browser.new_context(viewport=WIDTHS[width], locale="es-419")
    tab = context.new_page()
    # A practice kept on this device, from its own page.
    tab.goto(f"{site_url}/es/buscar/?q=registro")
    kept_card = tab.locator(".search-results .practice-card").first
    kept_title = kept_card.locator(".card__title").inner_text().strip()
    kept_card.get_by_role("button", name=re.compile("^Guardar para comparar")).click()

    query = "&".join(f"p={pk}" for pk in backlog_ids)
    tab.goto(f"{site_url}/es/comparar/?{query}&back=q%3Drezago")
    titles = tab.locator(".compare-table thead th a").all_inner_texts()
    select = tab.get_by_label(re.compile(rf"^Reemplazar por\s+\({re.escape(titles[1][:20])}"))
    # The kept practice is offered first, then those sharing an indicator or a topic.
    groups = select.locator("optgroup")
    expect(groups.first).to_have_attribute("label", "Guardada en este dispositivo")
    expect(groups.first.locator("option")).to_have_text([kept_title])
    shared = groups.nth(1).locator("option")
    assert shared.count() >= 1
    choice = shared.first.get_attribute("value")
    select.select_option(choice)
    screenshot(tab, f"comparison-replace-es-{width}")
    select.locator("xpath=ancestor::form").get_by_role("button", name="Reemplazar").click()
    tab.wait_for_url(re.compile(rf"p={backlog_ids[0]}&p={choice}&p={backlog_ids[2]}&back="))
    new_titles = tab.locator(".compare-table thead th a").all_inner_texts()
    assert new_titles[0] == titles[0] and new_titles[2] == titles[2] and new_titles[1] != titles[1]
    expect(tab.get_by_role("link", name="Volver a la búsqueda")).to_have_attribute("href", "/es/buscar/?q=rezago")

    # The kept practice replaces the first column the same way.
    select = tab.locator("[data-replace-select]").first
    select.select_option(label=kept_title)
    with tab.expect_navigation():
        select.locator("xpath=ancestor::form").get_by_role("button", name="Reemplazar").click()
    expect(tab.locator(".compare-table thead th a").first).to_have_text(kept_title)
    assert len(BACKLOG_COUNTRIES) == tab.locator(".compare-table thead th a").count()
    context.close()
