"""The editor journeys of issue 11, driven by clicks in Chromium against the real admin.

The site runs in a thread of this process (tests/browser/conftest.py) and commits what the
browser does, so every journey removes what it created at the end (`committed`), and reads the
database through the test's own connection, which sees those commits (READ COMMITTED).
"""

import re
import threading
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.db import connections

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("demo"),
]  # reads the demo (issue 12: to convert)

TITLE = "Atendimento remoto em português"
PASSWORDS = {
    "secretaria": "secretaria-demo-2026",
    "oficial-br": "oficial-br-demo-2026",
    "oficial-ar": "oficial-ar-demo-2026",
}
COMMENT = "Indiquem a fonte dos indicadores, por favor."


def committed(function, *args):
    """Runs `function` on a connection of its own (autocommit), as the site's thread does, so that
    the site sees what it writes and nothing stays behind for the other tests."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


class Journal:
    """Every POST the browser sends and what it got back, to tell one click from two."""

    def __init__(self, tab):
        self.posts = []
        self.sent = []
        tab.on("response", self.record)
        tab.on("request", lambda request: request.method == "POST" and self.sent.append(request.url))

    def record(self, response):
        request = response.request
        if request.method == "POST":
            self.posts.append((request.url, request.headers.get("accept", ""), response.status))

    def server_errors(self):
        return [post for post in self.posts if post[2] >= 500]


def open_tab(browser, locale):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    # Publishing (with the translations and the search index) takes seconds on a busy CI machine.
    context.set_default_timeout(120_000)
    tab = context.new_page()
    return context, tab, Journal(tab)


def log_in(tab, site_url, username, *, code_for_user=None):
    tab.goto(f"{site_url}/admin/login/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORDS[username])
    tab.locator("form.login-form button[type=submit]").click()
    tab.wait_for_load_state()
    if code_for_user is not None:
        # Two-step verification, as in production: the first time, the secretariat enrols an
        # authenticator app; the code it would show is computed from the device's secret.
        tab.locator("#id_code").fill(code_for_user())
        tab.locator("form button[type=submit]").click()
        tab.wait_for_load_state()
        if "recovery" in tab.content().lower() or "códigos" in tab.content():
            tab.goto(f"{site_url}/admin/")
    tab.goto(f"{site_url}/admin/")
    assert tab.url == f"{site_url}/admin/", tab.url


def open_more_actions(tab):
    tab.locator("footer .w-dropdown__toggle").click()


def secretariat_code():
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.demo import current_code

    device = TOTPDevice.objects.filter(user=get_user_model().objects.get(username="secretaria")).latest("pk")
    return current_code(device)


def fill_rich_text(tab, field, text):
    editor = tab.locator(f"[data-contentpath={field}] .public-DraftEditor-content")
    editor.click()
    editor.type(text)


def remove_practice_everywhere(title):
    from wagtail.models import Page, WorkflowState

    for page in Page.objects.filter(title=title).order_by("-locale_id"):
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk)).delete()
        page.refresh_from_db()
        page.delete()


def remove_secretariat_devices():
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username="secretaria")
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@pytest.fixture
def two_step_verification(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_PRIVILEGED = True
    committed(remove_secretariat_devices)
    yield
    committed(remove_secretariat_devices)


@pytest.fixture
def cleanup_practice():
    committed(remove_practice_everywhere, TITLE)
    yield
    committed(remove_practice_everywhere, TITLE)


def brazil_published_count():
    from practices.taxonomy import Country
    from stats.figures import practices_by_country

    name = Country.objects.get(iso2="BR").localized_name("es")
    return next(row.values[0] for row in practices_by_country().rows if row.label == name)


def test_brazilian_official_creates_submits_fixes_and_the_secretariat_approves_in_the_editor(
    browser, site_url, two_step_verification, cleanup_practice, tmp_path
):
    from django.utils import translation
    from wagtail.models import PageLogEntry

    from practices.models import PracticePage

    with translation.override("es"):
        published_before = brazil_published_count()
    attachment = tmp_path / "indicadores.txt"
    attachment.write_text("Fonte: registros do CONARE, 2024.\n", encoding="utf-8")

    official_context, official, official_posts = open_tab(browser, "pt-BR")
    secretariat_context, secretariat, secretariat_posts = open_tab(browser, "es-419")
    try:
        # (1) The Brazilian official, in the Portuguese admin, starts from the dashboard.
        log_in(official, site_url, "oficial-br")
        official.get_by_role("link", name="Nova prática").click()
        official.wait_for_url(re.compile(r"/admin/pages/add/practices/practicepage/\d+/"))
        official.fill("#id_title", TITLE)
        official.fill("#id_summary", "Entrevistas de elegibilidade por vídeo para quem vive longe.")
        fill_rich_text(official, "problem", "Solicitantes a mais de 500 km da sede.")
        official.get_by_role("button", name=re.compile("Adicionar Indicador", re.I)).click()
        official.fill("#id_results-0-indicator", "Entrevistas realizadas")
        official.fill("#id_results-0-baseline", "0")
        official.fill("#id_results-0-result", "160000")
        official.fill("#id_results-0-unit", "entrevistas")
        official.get_by_role("button", name=re.compile("Adicionar Documento", re.I)).click()
        official.locator("#inline_child_attachments-0 [data-chooser-action-choose]").click()
        modal = official.locator(".modal-dialog")
        modal.locator("#tab-label-upload").click()
        modal.locator("#id_document-chooser-upload-file").set_input_files(str(attachment))
        modal.locator("#id_document-chooser-upload-title").fill("Fonte dos indicadores")
        modal.locator("form[data-chooser-modal-creation-form] button[type=submit]").click()
        official.locator("#id_attachments-0-document-title", has_text="Fonte dos indicadores").wait_for()
        official.get_by_role("tab", name=re.compile("Classifica", re.I)).click()
        official.fill("#id_year_started", "2024")
        assert official.locator("#id_original_language").input_value() == "pt"  # Brazil writes in Portuguese
        open_more_actions(official)
        official.locator("button[name=action-submit]").click()
        official.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        # Autosave kept the new practice as a draft while it was typed, before the year (on the
        # second tab) was filled in: no 400 and no error banner for the text typed first. (An
        # attachment row added without its document is still refused until one is chosen.)
        autosaves = [p for p in official_posts.posts if "application/json" in p[1] and "/admin/pages/" in p[0]]
        # Whether an autosave fires depends on typing speed; any that did must have succeeded.
        assert all(status == 200 for _url, _accept, status in autosaves), autosaves
        practice = PracticePage.objects.get(title=TITLE, locale__language_code="es")
        assert practice.country.iso2 == "BR" and practice.workflow_in_progress and not practice.live
        assert practice.get_latest_revision_as_object().attachments.count() == 1

        # (2) The secretariat, in the Spanish admin with two-step verification, requests changes.
        log_in(secretariat, site_url, "secretaria", code_for_user=secretariat_code)
        queue = secretariat.locator("[data-list=queue]")
        queue.get_by_role("link", name=TITLE).click()
        secretariat.wait_for_url(f"{site_url}/admin/pages/{practice.pk}/edit/")
        open_more_actions(secretariat)
        secretariat.get_by_role("button", name="Solicitar cambios", exact=True).click()
        secretariat.locator(".modal-dialog textarea").fill(COMMENT)
        secretariat.locator(".modal-dialog button[type=submit]").click()
        secretariat.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        practice.refresh_from_db()
        assert not practice.workflow_in_progress and not practice.live

        # The official finds it under "came back with comments", fixes it and resubmits.
        official.goto(f"{site_url}/admin/")
        official.locator("[data-list=returned]").get_by_role("link", name=TITLE).click()
        official.wait_for_url(f"{site_url}/admin/pages/{practice.pk}/edit/")
        assert COMMENT in official.content()
        official.fill("#id_summary", "Entrevistas por vídeo; fonte: registros do CONARE.")
        open_more_actions(official)
        official.locator("button[name=action-submit]").click()
        official.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        practice.refresh_from_db()
        assert practice.workflow_in_progress

        # The secretariat clicks "Aprobar y Publicar" in the page editor, once.
        mail.outbox.clear()
        secretariat.goto(f"{site_url}/admin/pages/{practice.pk}/edit/")
        secretariat.wait_for_load_state("networkidle")
        posts_before = len(secretariat_posts.posts)
        open_more_actions(secretariat)
        secretariat.get_by_role("button", name="Aprobar y Publicar", exact=True).click()
        secretariat.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        secretariat.wait_for_timeout(3000)  # an autosave, if one was started, has answered by now
        # The message says what the click did, not Wagtail's "ha sido actualizada".
        assert "ha sido aprobada y publicada" in secretariat.content()
        assert "ha sido actualizada" not in secretariat.content()
        edit_posts = [p for p in secretariat_posts.posts[posts_before:] if p[0].endswith(f"/{practice.pk}/edit/")]
        assert secretariat_posts.server_errors() == [], secretariat_posts.server_errors()
        assert official_posts.server_errors() == [], (official_posts.posts, official_posts.sent)
        # Whatever the editor sends besides the click's own submission never acts on the page.
        assert [p for p in edit_posts if "application/json" in p[1] and p[2] != 200] == [], edit_posts
        approvals = PageLogEntry.objects.filter(page_id=practice.pk, action="wagtail.workflow.approve")
        assert approvals.count() == 1

        # Live in the Spanish tree, found by the Spanish search, counted, reachable from the e-mail.
        practice = PracticePage.objects.get(pk=practice.pk)
        assert practice.live and not practice.has_unpublished_changes
        assert practice.summary == "Entrevistas por vídeo; fonte: registros do CONARE."
        public = secretariat.context.new_page()
        search = public.goto(f"{site_url}/es/buscar/?q=atendimento+remoto")
        assert search.status == 200 and TITLE in public.content()
        with translation.override("es"):
            assert brazil_published_count() == published_before + 1
        assert secretariat.goto(f"{site_url}/admin/statistics/?days=365").status == 200

        to_official = [m for m in mail.outbox if "oficial-br@demo.example" in m.to]
        assert to_official, [m.to for m in mail.outbox]
        links = re.findall(r"https?://\S+", to_official[0].body)
        assert links
        for link in links:
            path = urlsplit(link)._replace(scheme="", netloc="").geturl()
            assert official.goto(site_url + path).status == 200, link

        page = public.goto(site_url + practice.url)
        assert page.status == 200
        switcher = public.locator(".language-switcher a")
        hrefs = [switcher.nth(i).get_attribute("href") for i in range(switcher.count())]
        assert len(hrefs) == 3
        for href in hrefs:
            assert public.goto(href if href.startswith("http") else site_url + href).status == 200, href
    finally:
        official_context.close()
        secretariat_context.close()


def restore_selection(pk, revision_pk):
    """Publishes the selection's earlier content again as its newest revision (publishing the old
    revision itself would leave the edited one as a pending draft that the editor shows)."""
    from wagtail.models import Revision

    from curation.models import FeaturedSelectionPage
    from practices.services import publish_translations_of

    Revision.objects.get(pk=revision_pk).as_object().save_revision().publish()
    publish_translations_of(FeaturedSelectionPage.objects.get(pk=pk))


def test_the_secretariat_edits_a_featured_selection_and_english_and_portuguese_show_it(
    browser, site_url, two_step_verification
):
    from wagtail.models import Locale

    from curation.models import FeaturedSelectionPage

    selection = FeaturedSelectionPage.objects.filter(locale__language_code="es", live=True).order_by("pk").first()
    translations = {code: selection.get_translation(Locale.objects.get(language_code=code)) for code in ("en", "pt")}
    assert not any(page.alias_of_id for page in translations.values())  # translations: only a sync updates them
    revision_before = selection.live_revision_id
    shown = selection.get_latest_revision_as_object()  # what the editor shows
    count = len(shown.items.all())
    removed = list(shown.items.all())[-1].practice
    context, tab, posts = open_tab(browser, "es-419")
    try:
        log_in(tab, site_url, "secretaria", code_for_user=secretariat_code)
        tab.goto(f"{site_url}/admin/pages/{selection.pk}/edit/")
        tab.wait_for_load_state("networkidle")
        # The last practice is taken out of the selection, and the selection published.
        tab.locator(f"#id_items-{count - 1}-DELETE-button").click()
        open_more_actions(tab)
        tab.locator("button[name=action-publish]").click()
        tab.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        assert posts.server_errors() == []
        assert FeaturedSelectionPage.objects.get(pk=selection.pk).items.count() == count - 1
        reader = context.new_page()
        for code, translated in translations.items():
            translated = FeaturedSelectionPage.objects.get(pk=translated.pk)
            assert translated.items.count() == count - 1, code
            removed_there = removed.get_translation(Locale.objects.get(language_code=code))
            assert reader.goto(site_url + translated.url).status == 200
            assert reader.locator(f"a[href$='{removed_there.url}']").count() == 0, code
    finally:
        context.close()
        committed(restore_selection, selection.pk, revision_before)


def test_an_official_cannot_create_a_page_in_the_english_tree(browser, site_url):
    from practices.models import InstitutionPage

    english = InstitutionPage.objects.get(locale__language_code="en", country__iso2="AR")
    spanish = InstitutionPage.objects.get(locale__language_code="es", country__iso2="AR")
    context, tab, posts = open_tab(browser, "es-419")
    try:
        log_in(tab, site_url, "oficial-ar")
        # The explorer of the English copy offers no "add child page" to an official…
        tab.goto(f"{site_url}/admin/pages/{english.pk}/")
        assert tab.locator(f"a[href*='/admin/pages/{english.pk}/add_subpage/']").count() == 0
        assert "solo traducciones" in tab.content()
        # …and the add form, reached by its address, refuses.
        tab.goto(f"{site_url}/admin/pages/add/practices/practicepage/{english.pk}/")
        assert "/admin/pages/add/" not in tab.url or tab.locator("#id_title").count() == 0
        # In the Spanish tree, where originals are written, she can.
        tab.goto(f"{site_url}/admin/pages/{spanish.pk}/")
        assert tab.locator(f"a[href*='/admin/pages/{spanish.pk}/add_subpage/']").count() >= 1
    finally:
        context.close()
