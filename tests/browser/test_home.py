import pytest

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

HOME = {
    "es": ("Buenas prácticas de asilo de las Américas", "Buscar"),
    "en": ("Asylum good practices of the Americas", "Search"),
    "pt": ("Boas práticas de asilo das Américas", "Pesquisar"),
}


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_home_page_renders_in_the_browser_in_each_language(page, site_url, language):
    title, search_label = HOME[language]
    response = page.goto(f"{site_url}/{language}/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == title
    assert page.get_by_role("button", name=search_label, exact=True).first.is_visible()
    assert page.locator('[aria-labelledby="latest-heading"] .practice-card').count() == 6  # besides the featured ones
    # the stylesheet was served and applied (not a bare HTML page)
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    )
    screenshot(page, f"home-{language}-desktop")


def test_searching_from_the_home_page_lands_on_results(page, site_url):
    page.goto(f"{site_url}/es/")
    page.locator("#home-search-q").fill("rezago")
    page.locator("#home-search-q").press("Enter")
    page.wait_for_url("**/es/buscar/?q=rezago")
    assert page.locator(".practice-card").count() > 0


def test_the_protected_address_appears_when_asked(page, site_url):
    page.goto(f"{site_url}/es/instituciones/argentina/")
    page.get_by_role("button", name="Mostrar dirección de correo electrónico").first.click()
    assert "@" in page.locator(".protected-email a").first.inner_text()
