"""A machine draft as its readers and reviewers meet it (issue 15), in Chromium against the real site.

An English visitor opens a practice the server translated from Spanish, is told in English that it
is a machine translation with a link to the original, and follows it; a Portuguese visitor is told
in Portuguese. The secretariat opens the page in the translation editor, where the draft is read
and corrected, and presses "Mark translation as reviewed": the banner is gone for the visitor,
whose pages come from the shared page cache (switched on here as in production). axe-core finds
no WCAG A/AA violation on the page with the banner, on a desktop and a phone.

The drafts are made by the real engines and committed (the site runs in a thread with its own
connection); the test removes them at the end.
"""

import pytest

from .conftest import screenshot
from .test_accessibility import AXE, AXE_RULES, AXE_TAGS, violations_report
from .test_editor_journeys import committed, log_in, open_tab

pytestmark = pytest.mark.browser

TITLE = "Rezago de solicitudes en la frontera norte"
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}
BANNER = {
    "en": "Machine translation, not reviewed — see the original",
    "pt": "Tradução automática, não revisada — ver o original",
}


def make_drafts():
    """An Argentinian practice in Spanish, drafted into English and Portuguese by the engines."""
    from wagtail.models import Locale

    from practices.models import InstitutionPage
    from tests.factories import make_practice
    from translation.services import machine_translate

    institution = InstitutionPage.objects.get(locale__language_code="es", country__iso2="AR")
    original = make_practice(
        institution,
        title=TITLE,
        summary="La CONARE redujo el rezago de solicitudes con entrevistas más cortas.",
        problem="<p>Los solicitantes esperaban dos años; el zorglubado no alcanzaba.</p>",
        aliases=True,
    )
    for code in ("en", "pt"):
        machine_translate(original, Locale.objects.get(language_code=code))
    return original.pk


def remove_drafts():
    from wagtail.models import Page

    for original in Page.objects.filter(title=TITLE, locale__language_code="es"):
        for page in Page.objects.filter(translation_key=original.translation_key).order_by("-locale_id", "-depth"):
            page.refresh_from_db()
            page.delete()


@pytest.fixture
def drafts(settings):
    from wagtail.models import Locale

    from practices.models import PracticePage

    settings.PAGE_CACHE_SECONDS = 3600  # anonymous visitors get cached pages, as in production
    committed(remove_drafts)
    original = PracticePage.objects.get(pk=committed(make_drafts))
    yield {
        "es": original,
        **{code: original.get_translation(Locale.objects.get(language_code=code)) for code in ("en", "pt")},
    }
    committed(remove_drafts)


def assert_no_axe_violations(tab, label):
    tab.evaluate(AXE)
    for run_only, values in (("tag", AXE_TAGS), ("rule", AXE_RULES)):
        result = tab.evaluate(
            "([type, values]) => axe.run(document, {runOnly: {type, values}, resultTypes: ['violations']})",
            [run_only, values],
        )
        assert not result["violations"], f"{label}:\n{violations_report(result['violations'])}"


def lang_of(locator) -> str:
    """The language a screen reader uses for an element: its own or its nearest ancestor's `lang`."""
    return locator.evaluate("element => element.closest('[lang]').getAttribute('lang')")


def test_visitor_sees_the_machine_banner_follows_it_and_it_goes_once_the_secretariat_reviewed(
    browser, site_url, drafts
):
    english, original = drafts["en"], drafts["es"]
    visitor_context = browser.new_context(viewport=WIDTHS["desktop"], locale="en-US", bypass_csp=True)
    secretariat_context, secretariat, journal = open_tab(browser, "es-419")
    try:
        visitor = visitor_context.new_page()
        assert visitor.goto(site_url + english.url).status == 200
        assert visitor.locator("html").get_attribute("lang") == "en"
        banner = visitor.locator(".notice--machine")
        assert " ".join(banner.inner_text().split()) == BANNER["en"]
        assert lang_of(banner) == "en"
        # The translated text says it is English; the word the engine did not know says it is Spanish.
        heading = visitor.locator("article h1")
        assert lang_of(heading) == "en" and "backlog" in heading.inner_text().lower()
        summary = visitor.locator(".practice__summary")
        assert lang_of(summary) == "en" and "CONARE" in summary.inner_text()
        unknown = visitor.locator("mark.mt-unknown")
        assert unknown.count() == 1 and unknown.inner_text() == "zorglubado" and lang_of(unknown) == "es"

        for width, viewport in WIDTHS.items():
            visitor.set_viewport_size(viewport)
            screenshot(visitor, f"machine-draft-en-{width}")
            assert_no_axe_violations(visitor, f"{english.url} at {width} width")

        # "see the original" leads to the Spanish page, which says it is Spanish and has no banner.
        link = banner.get_by_role("link", name="see the original")
        assert link.get_attribute("hreflang") == "es"
        link.click()
        visitor.wait_for_url(site_url + original.url)
        assert visitor.locator("html").get_attribute("lang") == "es"
        assert visitor.locator("article h1").inner_text() == TITLE
        assert visitor.locator(".notice--machine").count() == 0

        # A Portuguese visitor is told in Portuguese.
        portuguese_tab = visitor_context.new_page()
        assert portuguese_tab.goto(site_url + drafts["pt"].url).status == 200
        assert " ".join(portuguese_tab.locator(".notice--machine").inner_text().split()) == BANNER["pt"]
        assert lang_of(portuguese_tab.locator(".notice--machine")) == "pt"

        # The secretariat reads the draft in the translation editor and marks it reviewed there.
        log_in(secretariat, site_url, "secretaria")
        editor_url = f"{site_url}/admin/pages/{english.pk}/edit/"
        secretariat.goto(editor_url)
        secretariat.locator(".js-translation-editor").wait_for()  # wagtail-localize's editor, not the page form
        notice = secretariat.locator(".help-warning", has_text="zorglubado")
        notice.get_by_role("button", name="Marcar la traducción como revisada").click()
        secretariat.wait_for_url(editor_url)
        assert "traducción marcada como revisada" in secretariat.content()
        assert secretariat.locator(".help-warning", has_text="zorglubado").count() == 0
        assert journal.server_errors() == []

        # The visitor's next visit (a cached page until then) has no banner and no marked word.
        visitor.goto(site_url + english.url)
        assert visitor.locator(".notice--machine").count() == 0
        assert visitor.locator("mark.mt-unknown").count() == 0
        assert lang_of(visitor.locator("article h1")) == "en"
    finally:
        visitor_context.close()
        secretariat_context.close()
