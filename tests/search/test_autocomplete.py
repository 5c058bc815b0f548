import json

import pytest

pytestmark = pytest.mark.usefixtures("demo")  # reads the demo (issue 12: to convert)


def suggestions(client, **params):
    response = client.get("/api/autocomplete/", params)
    assert response.status_code == 200
    return json.loads(response.content)["results"]


def test_typing_the_start_of_a_word_suggests_titles_with_it_accents_ignored(client):
    titles = [s["title"] for s in suggestions(client, q="Méx")]
    assert titles and all("méxico" in title.lower() for title in titles)
    assert [s["title"] for s in suggestions(client, q="mex")] == titles


def test_suggestions_link_into_the_visitors_language_tree(client):
    results = suggestions(client, q="Regis", lang="en")
    assert results and all(s["url"].startswith("/en/") for s in results)


@pytest.mark.parametrize("query", ["", "a", '"', "x" * 10_000])
def test_odd_input_gets_an_empty_list_not_an_error(client, query):
    assert isinstance(suggestions(client, q=query), list)


def test_a_nul_is_a_json_400_not_a_500(client):
    response = client.get("/api/autocomplete/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert json.loads(response.content)["message"]


def test_at_most_eight_suggestions(client):
    assert len(suggestions(client, q="de")) <= 8


@pytest.mark.parametrize(
    ("lang", "query", "group", "label"),
    [
        ("es", "Guat", "country", "Guatemala"),
        ("es", "bras", "country", "Brasil"),
        ("en", "Braz", "country", "Brazil"),
        ("pt", "brás", "country", "Brasil"),
        ("es", "COI", "search", "información sobre país de origen"),
        ("es", "digitaliz", "topic", "Digitalización"),
    ],
)
def test_countries_topics_and_thesaurus_terms_are_suggested_with_their_group(client, lang, query, group, label):
    results = suggestions(client, q=query, lang=lang)
    matching = [s for s in results if s["group"] == group]
    assert matching and matching[0]["title"].casefold().startswith(label.casefold()), results
    assert matching[0]["group_label"]


def test_groups_come_in_order_and_a_country_opens_the_filtered_search(client):
    results = suggestions(client, q="Méx")
    order = ["country", "institution", "topic", "search", "practice"]
    groups = [s["group"] for s in results]
    assert groups == sorted(groups, key=order.index)
    country = next(s for s in results if s["group"] == "country")
    assert country["url"] == "/es/buscar/?country=MX"
    assert client.get(country["url"]).status_code == 200
    assert any(s["group"] == "practice" for s in results)  # titles with "México" still come
