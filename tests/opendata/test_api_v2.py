"""API v2: read-only, published and public practices, institutions and topics, checked against the database."""

import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from practices.models import InstitutionPage, PracticePage
from practices.queries import published_practices
from practices.taxonomy import Country, Mechanism, ProcedureStage, Topic
from tests.factories import make_corpus, make_practice

PRACTICES = "/api/v2/practices/"


@pytest.fixture(scope="module", autouse=True)
def corpus(module_db):
    """More published practices than one page of the API holds (50), spread over every filter, with
    aliases in the en/pt trees."""
    return make_corpus(60)


def all_items(get_json, url, **params):
    items, offset = [], 0
    while True:
        page = get_json(url, limit=100, offset=offset, **params)
        items += page["items"]
        offset += 100
        if offset >= page["meta"]["total_count"]:
            return page["meta"]["total_count"], items


def test_listing_is_every_published_original_once(get_json, originals):
    total, items = all_items(get_json, PRACTICES)
    assert total == originals.count() == len(items) > 50
    assert sorted(item["id"] for item in items) == sorted(originals.values_list("pk", flat=True))
    assert {item["meta"]["locale"] for item in items} == {"es"}


def test_locale_gives_that_language_tree(get_json, en):
    total, items = all_items(get_json, PRACTICES, locale="en")
    expected = published_practices(locale=en)
    assert total == expected.count()
    assert {item["id"] for item in items} == set(expected.values_list("pk", flat=True))
    assert all("/en/" in item["meta"]["html_url"] for item in items)


def test_drafts_and_private_practices_are_never_served(client, get_json, institution):
    draft = make_practice(institution, title="Borrador que nadie debe ver", publish=False)
    private = make_practice(institution, title="Práctica con contraseña")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secreto-123")

    _, items = all_items(get_json, PRACTICES)
    ids = {item["id"] for item in items}
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"{PRACTICES}{draft.pk}/").status_code == 404
    assert client.get(f"{PRACTICES}{private.pk}/").status_code == 404


def test_detail_has_structured_fields_and_indicator_rows_but_no_email(get_json, institution):
    topic = Topic.objects.order_by("pk").first()
    stage = ProcedureStage.objects.order_by("pk").first()
    partner = Country.objects.get(iso2="CL")
    page = make_practice(
        institution,
        topics=[topic],
        stages=[stage],
        partners=[partner],
        results=2,
        contact_name="Ana Pérez",
        contact_email="ana.perez@conare.example",
        resources_staff="6 oficiales",
    )
    data = get_json(f"{PRACTICES}{page.pk}/")
    assert data["title"] == page.title
    assert data["country"] == {"code": "AR", "names": {"es": "Argentina", "en": "Argentina", "pt": "Argentina"}}
    assert data["institution"]["id"] == institution.pk
    assert [t["slug"] for t in data["topics"]] == [topic.slug]
    assert data["topics"][0]["names"]["en"] == topic.name_en
    assert [s["slug"] for s in data["stages"]] == [stage.slug]
    assert [p["code"] for p in data["partners"]] == ["CL"]
    assert data["resources_staff"] == "6 oficiales"
    assert data["contact_name"] == "Ana Pérez"
    rows = list(page.results.order_by("sort_order"))
    assert [r["indicator"] for r in data["results"]] == [r.indicator for r in rows]
    assert data["results"][0]["baseline"] == 100 and data["results"][0]["result"] == 50
    assert data["results"][0]["change"] == -50
    assert "conare.example" not in str(data)


def _ids(get_json, **params):
    return {item["id"] for item in all_items(get_json, PRACTICES, **params)[1]}


def test_filters_match_the_database(get_json, originals):
    assert _ids(get_json, country="AR") == set(
        originals.filter(Q(country__iso2="AR") | Q(partners__iso2="AR")).values_list("pk", flat=True)
    )
    topic = Topic.objects.filter(tagged_practices__isnull=False).order_by("pk").first()
    assert _ids(get_json, topic=topic.slug) == set(
        originals.filter(tagged_topics__tag=topic).values_list("pk", flat=True)
    )
    stage = ProcedureStage.objects.filter(practices__isnull=False).order_by("pk").first()
    assert _ids(get_json, stage=stage.slug) == set(originals.filter(stages=stage).values_list("pk", flat=True))
    mechanism = Mechanism.objects.get(slug="mirps")
    assert _ids(get_json, mechanism="MIRPS") == set(originals.filter(mechanisms=mechanism).values_list("pk", flat=True))
    assert _ids(get_json, kind="lesson") == set(originals.filter(kind="lesson").values_list("pk", flat=True))
    assert _ids(get_json, status="pilot") == set(originals.filter(status="pilot").values_list("pk", flat=True))
    assert _ids(get_json, year="2021") == set(originals.filter(year_started=2021).values_list("pk", flat=True))
    assert _ids(get_json, year_from="2020", year_to="2022") == set(
        originals.filter(year_started__range=(2020, 2022)).values_list("pk", flat=True)
    )
    both = _ids(get_json, country="CR,PA", kind="practice")
    assert both == set(
        originals.filter(Q(country__iso2__in=["CR", "PA"]) | Q(partners__iso2__in=["CR", "PA"]))
        .filter(kind="practice")
        .values_list("pk", flat=True)
    )
    assert both  # the corpus has some, so the comparison means something


@pytest.mark.parametrize(
    "params, words",
    [
        ({"country": "ZZ"}, ["ZZ", "country"]),
        ({"country": "AR,XX"}, ["XX"]),
        ({"topic": "no-such-topic"}, ["no-such-topic", "topic"]),
        ({"stage": "nope"}, ["nope"]),
        ({"kind": "poem"}, ["poem", "lesson, practice"]),
        ({"status": "done"}, ["done"]),
        ({"year": "abc"}, ["abc", "year"]),
        ({"year_from": "1700"}, ["1700"]),
        ({"locale": "fr"}, ["fr"]),
        ({"limit": "abc"}, ["limit"]),
        ({"limit": "1000"}, ["limit"]),
        ({"offset": "-1"}, ["offset"]),
        ({"colour": "red"}, ["colour"]),
        ({"search": "asilo"}, ["search"]),
        ({"type": "wagtailcore.Page"}, ["type"]),
        ({"fields": "contact_email"}, ["contact_email"]),
        ({"fields": "title,"}, ["fields"]),
        ({"order": "topics"}, ["topics"]),
    ],
)
def test_bad_parameters_are_clear_400s(get_json, params, words):
    body = get_json(PRACTICES, expect=400, **params)
    for word in words:
        assert word in body["message"]


def test_bad_parameters_on_other_endpoints(get_json):
    assert "ZZ" in get_json("/api/v2/institutions/", expect=400, country="ZZ")["message"]
    assert "mechanism" in get_json("/api/v2/institutions/", expect=400, mechanism="otan")["message"]
    assert "limit" in get_json("/api/v2/topics/", expect=400, limit="x")["message"]
    assert "name" in get_json("/api/v2/topics/", expect=400, name="x")["message"]


def test_unknown_ids_are_404(client):
    assert client.get(f"{PRACTICES}999999999/").status_code == 404
    assert client.get("/api/v2/topics/999999999/").status_code == 404
    assert client.get(f"{PRACTICES}abc/").status_code == 404


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_practices(client, institution):
    _queries(client, f"{PRACTICES}?limit=1")  # per-process caches (content types, site root paths)
    # The indicator types' slugs, cached for an hour on the first typed row (IndicatorType.slug_of).
    _queries(client, f"{PRACTICES}?fields=*&limit=60")
    few = _queries(client, f"{PRACTICES}?fields=*&limit=3")
    many = _queries(client, f"{PRACTICES}?fields=*&limit=60")
    assert few == many <= 12  # +1 constant since the merge of session 9 (to trace in issue 16)
    assert _queries(client, "/api/v2/institutions/?fields=*&limit=3") == _queries(
        client, "/api/v2/institutions/?fields=*&limit=40"
    )
    assert _queries(client, "/api/v2/topics/?limit=2") == _queries(client, "/api/v2/topics/?limit=50")


def test_topics_have_three_names_and_published_counts(get_json, originals):
    data = get_json("/api/v2/topics/", limit=100)
    assert data["meta"]["total_count"] == Topic.objects.count()
    for item in data["items"]:
        topic = Topic.objects.get(pk=item["id"])
        assert item["slug"] == topic.slug
        assert item["names"] == {"es": topic.name, "en": topic.name_en, "pt": topic.name_pt}
        assert item["practice_count"] == originals.filter(tagged_topics__tag=topic).count()
    assert any(item["practice_count"] for item in data["items"])


def test_institutions_are_the_spanish_tree_with_filters(get_json, es, originals):
    live = InstitutionPage.objects.live().public().filter(locale=es)
    data = get_json("/api/v2/institutions/", limit=100, fields="*")
    assert data["meta"]["total_count"] == live.count()
    for item in data["items"]:
        page = live.get(pk=item["id"])
        assert item["country"]["code"] == page.country.iso2
        assert item["practice_count"] == originals.filter(institution=page).count()
        assert "email" not in item
    mirps = get_json("/api/v2/institutions/", mechanism="mirps", limit=100)
    assert {i["id"] for i in mirps["items"]} == set(
        live.filter(country__mechanisms__slug="mirps").values_list("pk", flat=True)
    )
    assert [i["id"] for i in get_json("/api/v2/institutions/", country="mx")["items"]] == [
        live.get(country__iso2="MX").pk
    ]


def test_practice_listing_default_fields(get_json, originals):
    item = get_json(PRACTICES, limit=1)["items"][0]
    page = originals.get(pk=item["id"])
    assert item["kind"] == page.kind and item["year_started"] == page.year_started
    assert item["summary"] == page.summary
    assert set(item) >= {"id", "meta", "title", "kind", "status", "country", "institution", "topics", "summary"}
    assert "results" not in item  # detail-level fields on request (fields=*)
    assert PracticePage.objects.get(pk=item["id"]).live
