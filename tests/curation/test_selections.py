"""Featured selections: the demo's two, the home page's choice, translations and drafts."""

import pytest
from wagtail.models import Locale

from curation.models import FeaturedPractice, FeaturedSelectionPage
from home.models import HomePage
from practices.models import PracticePage
from tests.curation.conftest import queries_for
from tests.factories import make_corpus, make_practice


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """The thirteen practices the demo's two selections list, and the selections (in three languages, the
    first on the home page), built by the demo's curation loader on them."""
    return make_corpus(13, translations=0, curation=True)


TITLES = {
    "es": ("Reducción del rezago", "Digitalización del procedimiento"),
    "en": ("Reducing the backlog", "Digitalizing the procedure"),
    "pt": ("Redução do passivo de casos", "Digitalização do procedimento"),
}


def selection(title="Reducción del rezago", language="es"):
    return FeaturedSelectionPage.objects.get(title=title, locale__language_code=language)


def test_the_demo_has_two_selections_with_topics_in_three_languages(db):
    for code, titles in TITLES.items():
        pages = FeaturedSelectionPage.objects.live().filter(locale__language_code=code)
        assert sorted(pages.values_list("title", flat=True)) == sorted(titles)
        assert all(page.alias_of_id is None for page in pages)  # real translations, not aliases
    rezago = selection()
    assert rezago.topic.slug == "eficiencia-y-rezago"
    assert rezago.items.count() == 6
    assert selection("Digitalización del procedimiento").topic.slug == "digitalizacion"


def test_a_selection_page_lists_its_practices_in_order_in_each_language(client, en):
    rezago = selection()
    originals = [item.practice for item in rezago.items.all()]
    html = client.get(rezago.get_url()).content.decode()
    positions = [html.index(practice.get_url()) for practice in originals]
    assert positions == sorted(positions)
    english = selection("Reducing the backlog", "en")
    html = client.get(english.get_url()).content.decode()
    assert "Six responses by the region" in html
    for practice in originals:
        assert practice.get_translation(en).get_url() in html  # the English tree's page, not the Spanish one
        assert practice.get_url() not in html


def test_the_home_page_shows_the_selection_the_secretariat_chose(client, es):
    for code, titles in TITLES.items():
        html = client.get(f"/{code}/").content.decode()
        assert titles[0] in html and titles[1] not in html
        assert 'data-slot="featured-selection"' in html
    home = HomePage.objects.get(locale=es)
    home.featured_selection = selection("Digitalización del procedimiento")
    home.save_revision().publish()
    for code, titles in TITLES.items():
        html = client.get(f"/{code}/").content.decode()
        assert titles[1] in html and titles[0] not in html


def test_the_home_page_shows_no_selection_when_none_is_chosen(client, es):
    home = HomePage.objects.get(locale=es)
    home.featured_selection = None
    home.save_revision().publish()
    html = client.get("/es/").content.decode()
    assert 'data-slot="featured-selection"' not in html
    assert "Reducción del rezago" not in html


def test_drafts_and_unpublished_practices_are_never_shown(client, institution):
    rezago = selection()
    draft = make_practice(institution, title="Borrador secreto de práctica", publish=False)
    FeaturedPractice.objects.create(page=rezago, practice=draft, sort_order=0)
    unpublished = rezago.items.order_by("sort_order").last().practice
    unpublished_title = unpublished.title
    for version in PracticePage.objects.filter(translation_key=unpublished.translation_key):
        version.unpublish()
    for url in (rezago.get_url(), "/es/", "/es/temas/eficiencia-y-rezago/"):
        html = client.get(url).content.decode()
        assert "Borrador secreto de práctica" not in html, url
        assert unpublished_title not in html, url
    assert "Reducción del rezago" in client.get("/es/").content.decode()


def test_an_unpublished_selection_is_not_on_the_home_page(client):
    for version in FeaturedSelectionPage.objects.filter(translation_key=selection().translation_key):
        version.unpublish()
    assert "Reducción del rezago" not in client.get("/es/").content.decode()
    assert client.get("/es/").status_code == 200


def test_a_translation_made_with_wagtail_localize_shows_in_english_and_portuguese(client, es):
    """A new selection, translated through wagtail-localize as the secretariat would."""
    from curation.models import FeaturedSelectionIndexPage
    from practices.services import add_child_with_aliases, translate_page

    index = FeaturedSelectionIndexPage.objects.get(locale=es)
    page = FeaturedSelectionPage(title="Entrevistas", slug="entrevistas", intro="<p>Cómo entrevistar.</p>", locale=es)
    practice = PracticePage.objects.live().filter(locale=es).first()
    page.items = [FeaturedPractice(practice=practice, sort_order=0)]
    add_child_with_aliases(index, page)
    page.save_revision().publish()
    translations = (("en", "Interviews", "How to interview."), ("pt", "Entrevistas PT", "Como entrevistar."))
    for code, title, intro in translations:
        locale = Locale.objects.get(language_code=code)
        translated = translate_page(page, locale, {"Entrevistas": title, "Cómo entrevistar.": intro})
        html = client.get(translated.get_url()).content.decode()
        assert title in html and intro in html
        assert practice.get_translation(locale).get_url() in html


def test_selection_and_home_queries_do_not_grow_with_the_number_of_practices(client, institution):
    rezago = selection()
    before = queries_for(client, rezago.get_url()), queries_for(client, "/es/")
    for i in range(5):
        FeaturedPractice.objects.create(page=rezago, practice=make_practice(institution), sort_order=100 + i)
    after = queries_for(client, rezago.get_url()), queries_for(client, "/es/")
    assert after == before
    assert before[0] <= 20
