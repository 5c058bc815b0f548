import json

import pytest


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


@pytest.mark.parametrize("query", ["", "a", '"', "x" * 10_000, "\x00"])
def test_odd_input_gets_an_empty_list_not_an_error(client, query):
    assert isinstance(suggestions(client, q=query), list)


def test_at_most_eight_suggestions(client):
    assert len(suggestions(client, q="de")) <= 8
