import pytest

from search.queries import MAX_QUERY_LENGTH, clean_query


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'niños "no acompañados',
        "x\x00y",
        "a" * 100_000,
        "<script>alert(1)</script>",
        "*",
        "AND OR NOT",
        "%",
        "é" * 5000,
    ],
)
def test_odd_queries_never_break_the_search_page(client, query):
    response = client.get("/es/buscar/", {"q": query})
    # A NUL byte is refused before any view, with a message (core/middleware.py, docs/api.md).
    assert response.status_code == (400 if "\x00" in query else 200)
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999", "1e9", ""])
def test_odd_page_numbers_never_break_the_search_page(client, page):
    assert client.get("/es/buscar/", {"page": page}).status_code == 200


def test_repeated_parameters_are_tolerated(client):
    assert client.get("/es/buscar/?q=rezago&q=backlog&page=1&page=2").status_code == 200


def test_a_very_long_query_is_cut_before_it_reaches_the_engine():
    assert len(clean_query("palabra " * 50_000)) == MAX_QUERY_LENGTH
    assert clean_query('  niños   "no\x00 acompañados" ') == "niños no acompañados"
