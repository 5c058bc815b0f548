"""Nothing moves once the page is shown on a phone (Lighthouse found the folded menu and the script-only
buttons pushing the page down by 80 px after the first paint: static/js/early.js). The browser's own
layout-shift entries are counted, at 375 px and 1280 px; and no page scrolls sideways at 320 px."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo")]  # reads the demo content (tests/conftest.py)

OBSERVE = """
window.__shifts = [];
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shifts.push({
            value: entry.value,
            nodes: entry.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?'),
        });
    }
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.fixture
def backlog(django_db_blocker):
    from wagtail.models import Locale

    from practices.models import PracticePage

    with django_db_blocker.unblock():
        es = Locale.objects.get(language_code="es")
        pages = list(
            PracticePage.objects.live()
            .filter(locale=es, results__indicator_type__slug="pending-applications")
            .distinct()
            .order_by("pk")[:3]
        )
        return pages[0].get_url(), "&".join(f"p={page.pk}" for page in pages)


@pytest.mark.parametrize("width", [375, 1280])
def test_nothing_moves_after_the_first_paint(browser, site_url, backlog, width):
    practice, compared = backlog
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="es-419")
    context.add_init_script(OBSERVE)
    tab = context.new_page()
    for path in ("/es/", "/es/buscar/?q=rezago", practice, f"/es/comparar/?{compared}", "/es/indicadores/"):
        tab.goto(site_url + path)
        tab.wait_for_load_state("load")
        tab.wait_for_timeout(300)  # the deferred scripts have run; a shift would be recorded by now
        shifts = tab.evaluate("window.__shifts")
        # The folded menu moved the page by 0.07-0.147 (Lighthouse); a table cell settling by a pixel
        # while a loaded machine lays out the comparison scored 0.0001 in CI. Web Vitals call < 0.1
        # good: 0.01 keeps the bug red and a sub-pixel settle green.
        assert sum(shift["value"] for shift in shifts) < 0.01, (
            f"{path} at {width} px moved after it was shown: {shifts}"
        )
        # The menu is folded on a phone from the start, its button there; the script-only buttons shown.
        if width == 375:
            assert tab.locator("[data-nav-toggle]").is_visible()
            assert tab.locator("#primary-nav-list").is_hidden()
    context.close()


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_the_comparison_and_indicator_pages_do_not_scroll_sideways_at_320_px(browser, site_url, backlog, language):
    _practice, compared = backlog
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    compare = {"es": "/es/comparar/", "en": "/en/compare/", "pt": "/pt/comparar/"}[language]
    indicators = {"es": "/es/indicadores/", "en": "/en/indicators/", "pt": "/pt/indicadores/"}[language]
    paths = (f"{compare}?{compared}", f"{indicators}pending-applications/", f"{indicators}applications-registered/")
    for path in paths:
        tab.goto(site_url + path)
        widths = tab.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        assert widths[0] <= widths[1], f"{path} scrolls sideways at 320 px: {widths}"
    context.close()
