"""The Brazilian official types indicator figures as Brazilians write them, in the pt-BR admin."""

import re
import uuid
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from .conftest import screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

NBSP = "\u00a0"


def test_the_pt_br_editor_understands_160_000_and_420_5(browser, site_url):
    from practices.models import PracticePage

    brazil = PracticePage.objects.filter(locale__language_code="es", country__iso2="BR").first().get_parent()
    title = f"Números digitados {uuid.uuid4().hex[:8]}"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pt-BR")
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/admin/login/")
        tab.fill("#id_username", "oficial-br")
        tab.fill("#id_password", "oficial-br-demo-2026")
        tab.locator("form.login-form button[type=submit]").click()
        tab.wait_for_url(f"{site_url}/admin/")

        tab.goto(f"{site_url}/admin/pages/add/practices/practicepage/{brazil.pk}/")
        tab.fill("#id_title", title)
        tab.fill("#id_summary", "Resumo curto.")
        tab.locator('.Draftail-Editor [contenteditable="true"]').first.click()
        tab.keyboard.type("O problema.")
        tab.locator("#id_results-ADD").click()
        tab.fill("#id_results-0-indicator", "Solicitações atendidas")
        tab.locator("#id_results-0-baseline").type("160.000")
        tab.locator("#id_results-0-result").type("420,5")
        # What the admin understood, before saving, as Brazilians write it.
        expect(tab.locator("#id_results-0-baseline-understood")).to_have_text(f"= 160{NBSP}000")
        expect(tab.locator("#id_results-0-result-understood")).to_have_text("= 420,5")
        tab.locator("#id_results-0-indicator").scroll_into_view_if_needed()
        screenshot(tab, "admin-editor-pt-br-numbers")

        tab.locator('[role="tab"]').nth(1).click()  # Classificação
        tab.fill("#id_year_started", "2024")
        tab.locator("button.action-save").first.click()
        tab.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/.*"))

        page = PracticePage.objects.get(title=title, locale__language_code="es")
        row = page.get_latest_revision_as_object().results.get()
        assert (row.baseline, row.result) == (Decimal("160000"), Decimal("420.5"))
        # and shown again as a Brazilian writes it
        assert tab.locator("#id_results-0-baseline").input_value() == f"160{NBSP}000"
        assert tab.locator("#id_results-0-result").input_value() == "420,5"
        screenshot(tab, "admin-editor-pt-br-saved")
    finally:
        context.close()
        forget_committed_practice(title)


def forget_committed_practice(title: str) -> None:
    """The live server committed the new practice (and its aliases): deleted the same way, from a
    connection of its own, so that the session's demo content stays as other tests count it."""
    import threading

    from django.db import connection
    from wagtail.models import Page

    def delete():
        try:
            keys = Page.objects.filter(title=title).values_list("translation_key", flat=True)
            for page in Page.objects.filter(translation_key__in=list(keys)).order_by("-depth"):
                page.delete()
        finally:
            connection.close()

    thread = threading.Thread(target=delete)
    thread.start()
    thread.join()
