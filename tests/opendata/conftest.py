import pytest

from practices.queries import published_practices


@pytest.fixture
def originals(es):
    """What every unfiltered listing and export should contain: the Spanish tree's published practices."""
    return published_practices(locale=es)


@pytest.fixture
def get_json(client):
    def get(url, expect=200, **params):
        response = client.get(url, params)
        assert response.status_code == expect, response.content[:500]
        return response.json()

    return get
