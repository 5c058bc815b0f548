"""Topic pages: one per topic of the vocabulary in es/en/pt, with counts and a way into search."""

import pytest
from django.utils.html import escape
from django.utils.translation import override

from curation.models import FeaturedSelectionPage, TopicIndexPage
from practices.models import PracticePage
from practices.taxonomy import Topic
from tests.curation.conftest import queries_for
from tests.factories import make_corpus, make_practice


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """Practices on every topic, the demo's two selections (in three languages, the first on the home
    page) and its 2026 roadmap, built by the demo's curation loader on them."""
    return make_corpus(25, translations=0, curation=True)


PREFIX = {"es": "/es/temas/", "en": "/en/topics/", "pt": "/pt/temas/"}


def published_with_topic(topic, language):
    return (
        PracticePage.objects.live()
        .public()
        .filter(locale__language_code=language, tagged_topics__tag=topic)
        .distinct()
        .count()
    )


@pytest.mark.parametrize("language", ["es", "en", "pt"])
def test_every_topic_has_a_page_with_its_description_count_and_search_link(client, language):
    topics = list(Topic.objects.all())
    assert len(topics) == 13
    for topic in topics:
        response = client.get(f"{PREFIX[language]}{topic.slug}/")
        assert response.status_code == 200, topic.slug
        html = response.content.decode()
        with override(language):
            assert topic.localized_name() in html
            assert topic.localized_description() and escape(topic.localized_description()) in html
        count = published_with_topic(topic, language)
        assert response.context["practice_count"] == count
        search = {"es": "/es/buscar/", "en": "/en/search/", "pt": "/pt/busca/"}[language]
        assert f'href="{search}?topic={topic.slug}"' in html


def test_the_search_link_filters_by_the_topic_with_the_same_count(client):
    topic = Topic.objects.get(slug="eficiencia-y-rezago")
    response = client.get(f"/es/buscar/?topic={topic.slug}")
    assert response.status_code == 200
    assert response.context["search"].count == published_with_topic(topic, "es") > 0


def test_descriptions_are_in_three_languages(db):
    topic = Topic.objects.get(slug="digitalizacion")
    assert {topic.localized_description(code) for code in ("es", "en", "pt")} == {
        topic.description,
        topic.description_en,
        topic.description_pt,
    }
    assert len({topic.description, topic.description_en, topic.description_pt}) == 3


def test_the_index_lists_every_topic_with_its_count(client):
    response = client.get("/es/temas/")
    html = response.content.decode()
    counts = dict((topic.slug, count) for topic, count in response.context["topics"])
    for topic in Topic.objects.all():
        assert f'href="/es/temas/{topic.slug}/"' in html
        assert counts[topic.slug] == published_with_topic(topic, "es")


def test_a_topic_added_in_the_admin_gets_its_page_without_a_developer(client):
    Topic.objects.create(name="Apatridia", name_en="Statelessness", name_pt="Apatridia", slug="apatridia")
    for language, name in (("es", "Apatridia"), ("en", "Statelessness")):
        response = client.get(f"{PREFIX[language]}apatridia/")
        assert response.status_code == 200
        assert name in response.content.decode()
        assert response.context["practice_count"] == 0
    assert 'href="/es/temas/apatridia/"' in client.get("/es/temas/").content.decode()


def test_an_unknown_topic_is_a_404(client):
    assert client.get("/es/temas/no-existe/").status_code == 404
    assert client.get("/es/temas/%3Cscript%3E/").status_code == 404


def test_a_topic_page_shows_its_featured_selections_and_not_others(client):
    html = client.get("/es/temas/eficiencia-y-rezago/").content.decode()
    assert "Reducción del rezago" in html and "Digitalización del procedimiento" not in html
    html = client.get("/en/topics/digitalizacion/").content.decode()
    assert "Digitalizing the procedure" in html and "Reducing the backlog" not in html


def test_drafts_are_neither_counted_nor_listed_on_a_topic_page(client, institution):
    topic = Topic.objects.get(slug="sostenibilidad-institucional")
    before = client.get(f"/es/temas/{topic.slug}/").context["practice_count"]
    make_practice(institution, title="Práctica en borrador sobre sostenibilidad", topics=[topic], publish=False)
    response = client.get(f"/es/temas/{topic.slug}/")
    assert response.context["practice_count"] == before
    assert "Práctica en borrador sobre sostenibilidad" not in response.content.decode()
    make_practice(institution, title="Práctica publicada sobre sostenibilidad", topics=[topic])
    response = client.get(f"/es/temas/{topic.slug}/")
    assert response.context["practice_count"] == before + 1
    assert "Práctica publicada sobre sostenibilidad" in response.content.decode()


def test_the_language_switcher_keeps_the_visitor_on_the_same_topic(client):
    html = client.get("/es/temas/digitalizacion/").content.decode()
    assert 'href="/en/topics/digitalizacion/"' in html
    assert 'href="/pt/temas/digitalizacion/"' in html


def test_topic_pages_exist_in_each_language_tree(db):
    for language in ("es", "en", "pt"):
        index = TopicIndexPage.objects.live().get(locale__language_code=language)
        assert index.alias_of_id is None
        assert index.url == PREFIX[language]


def test_topic_page_queries_do_not_grow_with_practices_or_selections(client, institution, es):
    topic = Topic.objects.get(slug="eficiencia-y-rezago")
    url = f"/es/temas/{topic.slug}/"
    before = queries_for(client, url)
    for _ in range(4):
        make_practice(institution, topics=[topic])
    second = FeaturedSelectionPage.objects.get(locale=es, title="Digitalización del procedimiento")
    second.topic = topic
    second.save_revision().publish()
    assert queries_for(client, url) == before
    assert before <= 26


def test_topic_index_queries_do_not_grow_with_the_number_of_topics(client):
    before = queries_for(client, "/es/temas/")
    for i in range(5):
        Topic.objects.create(name=f"Tema extra {i}", slug=f"tema-extra-{i}")
    assert queries_for(client, "/es/temas/") == before
