"""Below the browser: the dashboard panels, the chooser's search in one tree, the default original
language and the officials' rights in the translation trees (the journeys are in tests/browser)."""

from django.test import Client
from wagtail.models import GroupPagePermission, Locale

from practices.models import InstitutionPage
from practices.roles import official_group_name
from tests.factories import make_practice


def test_officials_may_add_only_in_the_spanish_tree(db):
    for institution in InstitutionPage.objects.filter(locale=Locale.get_default()).select_related("country"):
        rights = GroupPagePermission.objects.filter(group__name=official_group_name(institution.country))
        languages = "page__locale__language_code"
        adds = set(rights.filter(permission__codename="add_page").values_list(languages, flat=True))
        edits = set(rights.filter(permission__codename="change_page").values_list(languages, flat=True))
        assert adds == {"es"} and edits == {"es", "en", "pt"}


def test_the_officials_dashboard_leads_straight_to_a_new_practice_of_her_institution(official_br, es):
    client = Client()
    client.force_login(official_br)
    html = client.get("/admin/").content.decode()
    brazil = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    assert f'href="/admin/pages/add/practices/practicepage/{brazil.pk}/"' in html
    assert "Nova prática" in html and "Aguardando revisão" in html  # her admin speaks Portuguese


def test_a_new_practice_is_written_in_its_institutions_language(official_br, es):
    client = Client()
    client.force_login(official_br)
    brazil = InstitutionPage.objects.get(locale=es, country__iso2="BR")
    form = client.get(f"/admin/pages/add/practices/practicepage/{brazil.pk}/").context["form"]
    assert form.initial["original_language"] == "pt"


def test_the_secretariats_dashboard_shows_the_review_queue_and_the_last_published(secretary, institution):
    make_practice(institution, title="Publicada hace tiempo")
    make_practice(institution, title="Publicada recién")
    client = Client()
    client.force_login(secretary)
    html = client.get("/admin/").content.decode()
    assert "Cola de revisión" in html and "Publicadas recientemente" in html
    assert "Publicada recién" in html


def test_the_chooser_search_lists_each_practice_once(secretary, institution):
    client = Client()
    client.force_login(secretary)
    practice = make_practice(institution, title="Entrevistas por videollamada", aliases=True)
    response = client.get("/admin/choose-page/search/", {"q": practice.title})
    assert response.status_code == 200
    shown = [page.pk for page in response.context["pages"]]
    assert practice.pk in shown
    assert not set(shown) & set(practice.get_translations().values_list("pk", flat=True))
    english = client.get("/admin/choose-page/search/", {"q": practice.title, "locale": "en"})
    english_version = practice.get_translation(Locale.objects.get(language_code="en"))
    assert english_version.pk in [page.pk for page in english.context["pages"]]


def test_the_tree_roots_say_which_language_and_what_for(secretary):
    from home.models import HomePage

    client = Client()
    client.force_login(secretary)
    html = client.get("/admin/pages/").content.decode()
    spanish = HomePage.objects.get(locale__language_code="es")
    assert "Español — originales" in html and "English — solo traducciones" in html, spanish.title
