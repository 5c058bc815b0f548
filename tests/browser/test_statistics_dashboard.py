"""The dashboard in Chromium: no WCAG 2.1 AA violation in its content (axe-core), and a screenshot."""

from pathlib import Path

import pytest

from .conftest import SCREENSHOT_DIR

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")


def visit_as_a_reader(browser, site_url):
    """Searches and practice pages read by an anonymous visitor, written at once (so the dashboard has figures)."""
    from practices.models import PracticePage

    practices = list(PracticePage.objects.live().filter(locale__language_code="es").order_by("pk")[:4])
    context = browser.new_context()
    tab = context.new_page()
    for query in ("rezago", "registro en línea", "rezago", "zzyzxqwv"):
        tab.goto(f"{site_url}/es/buscar/?q={query}")
    for i, practice in enumerate(practices):
        for _ in range(i + 1):
            tab.goto(site_url + practice.url)
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_dashboard_has_no_wcag_aa_violations(browser, site_url, width, monkeypatch):
    from search import log
    from stats import counter

    monkeypatch.setattr(log, "FLUSH_EVERY", 1)
    monkeypatch.setattr(counter, "FLUSH_EVERY", 1)
    visit_as_a_reader(browser, site_url)
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/admin/login/")
        tab.fill("#id_username", "secretaria")
        tab.fill("#id_password", "secretaria-demo-2026")
        tab.locator("form.login-form button[type=submit]").click()
        tab.wait_for_url(f"{site_url}/admin/")
        response = tab.goto(f"{site_url}/admin/statistics/?days=365")
        assert response.status == 200
        tab.locator("details.stats-details summary").click()  # the timeline's table, opened
        tab.add_script_tag(content=AXE)
        result = tab.evaluate(
            """async () => await axe.run(document.querySelector('.stats'),
                {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
        )
        problems = [f"{v['id']}: {[n['html'][:120] for n in v['nodes'][:3]]}" for v in result["violations"]]
        assert problems == []
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        # The admin scrolls inside its own container: a tall window shows the whole dashboard.
        tab.set_viewport_size({"width": width, "height": 7000})
        tab.screenshot(path=str(SCREENSHOT_DIR / f"admin-statistics-{width}.png"))
    finally:
        context.close()
