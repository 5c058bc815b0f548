"""The 2026 joint roadmap: commitments filterable by mechanism, country and status in the URL."""

from datetime import date

import pytest

from curation.models import Commitment, CommitmentPractice, RoadmapPage
from practices.models import PracticePage
from tests.curation.conftest import queries_for
from tests.factories import make_corpus


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """The practices the demo's roadmap links to (demo-hn-02 a draft) and its eleven commitments."""
    return make_corpus(25, translations=0, curation=True)


URL = {"es": "/es/hoja-de-ruta-2026/", "en": "/en/roadmap-2026/", "pt": "/pt/roteiro-2026/"}


def shown(response) -> list[Commitment]:
    return [commitment for commitment, _ in response.context["commitments"]]


def test_the_demo_roadmap_exists_in_three_languages_marked_as_demonstration(client):
    assert Commitment.objects.filter(year=2026).count() == 11
    assert not Commitment.objects.filter(is_demo=False).exists()
    for language, url in URL.items():
        page = RoadmapPage.objects.live().get(locale__language_code=language)
        assert page.url == url and page.alias_of_id is None
        response = client.get(url)
        assert response.status_code == 200
        assert len(shown(response)) == 11
        assert 'class="notice notice--demo"' in response.content.decode()
    english = client.get(URL["en"]).content.decode()
    assert "Extend the regional country of origin information network" in english
    assert "Ampliar a rede regional de informação" in client.get(URL["pt"]).content.decode()


def test_filter_by_mechanism_includes_joint_commitments(client):
    response = client.get(URL["es"] + "?mechanism=mirps")
    commitments = shown(response)
    assert commitments and all(c.mechanism is None or c.mechanism.slug == "mirps" for c in commitments)
    assert any(c.mechanism is None for c in commitments) and any(c.mechanism for c in commitments)
    assert not any(c.mechanism and c.mechanism.slug == "proceso-de-quito" for c in commitments)
    joint = shown(client.get(URL["es"] + "?mechanism=joint"))
    assert joint and all(c.mechanism is None for c in joint)


def test_filter_by_country_and_regional(client):
    guatemala = shown(client.get(URL["es"] + "?country=GT"))
    assert [c.country.iso2 for c in guatemala] == ["GT"]
    assert shown(client.get(URL["es"] + "?country=gt")) == guatemala  # codes are case-insensitive
    regional = shown(client.get(URL["es"] + "?country=regional"))
    assert regional and all(c.country is None for c in regional)


def test_filters_combine_and_stay_in_the_url(client):
    response = client.get(URL["es"] + "?mechanism=mirps&status=delayed")
    commitments = shown(response)
    assert {c.country.iso2 for c in commitments} == {"GT", "HN"}
    html = response.content.decode()
    assert '<option value="mirps" selected>' in html
    assert '<option value="delayed" selected>' in html
    assert '<meta name="robots" content="noindex">' in html
    assert shown(client.get(URL["es"] + "?mechanism=plan-de-accion-de-chile&country=HN")) == []


@pytest.mark.parametrize(
    "query",
    [
        "?mechanism=nope",
        "?country=ZZ&status=finished",
        "?status=%00",
        "?mechanism=" + "x" * 5000,
        "?country[]=AR&status=done&status=planned",
        "?mechanism=%E2%80%AE%3Cscript%3E",
    ],
)
def test_bad_filter_values_are_ignored_with_a_message_never_a_500(client, query):
    response = client.get(URL["es"] + query)
    if "%00" in query:  # a NUL anywhere in an address is refused before any view (core/middleware.py)
        assert response.status_code == 400
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>" not in html
    if "nope" in query or "ZZ" in query or "%00" in query or "x" * 40 in query:
        assert response.context["filters"].messages
        assert 'role="status"' in html


def test_an_unknown_value_drops_only_its_own_filter(client):
    response = client.get(URL["es"] + "?mechanism=nope&status=done")
    assert [c.status for c in shown(response)] == ["done"]
    assert len(response.context["filters"].messages) == 1


def test_draft_practices_linked_to_a_commitment_are_never_shown(client):
    draft = PracticePage.objects.get(external_id="demo-hn-02", locale__language_code="es")
    assert not draft.live
    honduras = Commitment.objects.get(country__iso2="HN")
    assert honduras.practice_links.filter(practice=draft).exists()
    for url in URL.values():
        response = client.get(url + "?country=HN")
        html = response.content.decode()
        assert draft.title not in html
        _, practices = response.context["commitments"][0]
        assert practices and all(p.live for p in practices)


def test_linked_practices_are_shown_in_the_visitors_language_tree(client, en):
    commitment = Commitment.objects.get(country__iso2="EC")
    html = client.get(URL["en"] + "?country=EC").content.decode()
    for link in commitment.practice_links.all():
        assert link.practice.get_translation(en).get_url() in html


def test_roadmap_queries_do_not_grow_with_commitments_or_linked_practices(client, es):
    before = queries_for(client, URL["es"])
    practices = list(PracticePage.objects.live().filter(locale=es)[:6])
    for i in range(6):
        commitment = Commitment.objects.create(
            action_es=f"Compromiso de prueba {i}", responsible="Secretaría", target_date=date(2026, 12, 1)
        )
        for j, practice in enumerate(practices):
            CommitmentPractice.objects.create(commitment=commitment, practice=practice, sort_order=j)
    assert queries_for(client, URL["es"]) == before
    # Filtered, one more: the total the heading compares the matches with.
    assert queries_for(client, URL["es"] + "?mechanism=mirps&country=GT&status=delayed") == before + 1
    assert before <= 20


def test_a_repeated_filter_is_dropped_with_a_message_like_on_the_search_page(client):
    """The roadmap reads its filters with the search's lenient parameter form (core/forms.py)."""
    response = client.get(URL["es"] + "?status=done&status=planned&mechanism=nope")
    messages = response.context["filters"].messages
    assert len(messages) == 2 and "nope" in messages[0] and "status" in messages[1]
    assert not response.context["filters"].status
