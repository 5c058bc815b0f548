"""What a search page, an export and a practice page cost in SQL statements (issue 16).

Counts, never times: the times are `make bench`'s (docs/performance.md). On the run's database
backend (SQLite or PostgreSQL); Elasticsearch's one request per page is asserted in
test_faceted_search.py.
"""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from practices.models import PracticePage
from practices.taxonomy import Country, Topic
from search.engine import SearchRequest, run_search
from search.related import related_practices
from tests.factories import make_practice

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)

# The facet counts are the only statements with a GROUP BY on a search page or an export.
FACET_COUNT = "GROUP BY"


def text_match(sql: str) -> bool:
    """A statement running the full-text match (PostgreSQL's @@, SQLite's FTS5 MATCH)."""
    return ("@@" if connection.vendor == "postgresql" else " MATCH ") in sql


def captured(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return [query["sql"] for query in context.captured_queries]


def spanish():
    return Locale.objects.get(language_code="es")


def test_the_text_match_runs_once_per_search_page(client):
    client.get("/es/buscar/", {"q": "rezago"})  # options, locales and the like cached
    statements = captured(lambda: client.get("/es/buscar/", {"q": "rezago", "country": "MX", "kind": "practice"}))
    assert len([sql for sql in statements if text_match(sql)]) == 1
    assert len([sql for sql in statements if FACET_COUNT in sql]) == 1


def test_a_search_page_with_words_costs_a_constant_handful_of_statements(client):
    def count(params):
        client.get("/es/buscar/", params)
        return len(captured(lambda: client.get("/es/buscar/", params)))

    few = count({"q": "rezago", "page_size": 5})
    many = count({"q": "entrevista registro", "country": "MX", "stage": "registro"})
    # The matches, the facet counts, the page's rows and the listing's prefetches, and on
    # PostgreSQL the relevance of the matches passing the filters in a statement of its own (SQLite
    # reads bm25 with the match). The search used to match the text twice and rank whole rows.
    assert few == many
    assert many <= (8 if connection.vendor == "postgresql" else 7)


def test_counts_without_words_are_kept_until_content_changes(institution):
    argentina = Country.objects.get(iso2="AR")
    request = SearchRequest(locale=spanish(), selections={"country": frozenset({argentina.pk})})
    first = run_search(request)
    statements = captured(lambda: run_search(request))
    assert not [sql for sql in statements if FACET_COUNT in sql]

    topic = Topic.objects.first()
    make_practice(institution, title="Una práctica nueva para contar", topics=[topic])
    with CaptureQueriesContext(connection) as context:
        after = run_search(request)
    statements = [query["sql"] for query in context.captured_queries]
    assert len([sql for sql in statements if FACET_COUNT in sql]) == 1
    assert after.count == first.count + 1
    assert after.facets["topic"][topic.pk] == first.facets["topic"].get(topic.pk, 0) + 1


def test_an_export_pages_through_ids_without_counting_facets(client, settings):
    settings.OPENDATA_EXPORT_BATCH_SIZE = 7  # several batches
    statements = captured(lambda: b"".join(client.get("/api/export.csv", {"q": "rezago"}).streaming_content))
    assert not [sql for sql in statements if FACET_COUNT in sql]
    assert len([sql for sql in statements if text_match(sql)]) == 1

    content = b"".join(client.get("/api/export.csv").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))[1:]
    assert len(rows) == PracticePage.objects.live().public().filter(locale=spanish()).count()


def test_the_export_lists_what_the_search_page_lists_in_its_order(client, settings):
    settings.OPENDATA_EXPORT_BATCH_SIZE = 3
    for params in ({"q": "entrevista"}, {"country": "MX", "sort": "year"}, {"q": "registro", "sort": "newest"}):
        outcome = run_search(
            SearchRequest(
                locale=spanish(),
                query=params.get("q", ""),
                sort=params.get("sort", "relevance"),
                selections={"country": frozenset({Country.objects.get(iso2="MX").pk})} if "country" in params else {},
                limit=100,
            )
        )
        content = b"".join(client.get("/api/export.json", params).streaming_content).decode()
        exported = [record["title"] for record in json.loads(content)["results"]]
        assert exported == [page.title for page in outcome.results], params


def test_related_practices_come_from_the_cache_until_content_changes(institution):
    topic = Topic.objects.first()
    practice = make_practice(institution, title="Práctica con vecinas", topics=[topic])
    first = related_practices(practice)
    assert len(captured(lambda: related_practices(practice))) == 0

    assert first  # the demo has practices on every topic

    make_practice(institution, title="Una vecina recién publicada", topics=[topic])  # a publish forgets them
    assert captured(lambda: related_practices(practice))
