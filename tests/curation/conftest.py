import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def official(client):
    """Argentina's demo official, logged in."""
    user = get_user_model().objects.get(username="oficial-ar")
    client.force_login(user)
    return user


@pytest.fixture
def secretariat(client):
    user = get_user_model().objects.get(username="secretaria")
    client.force_login(user)
    return user


def queries_for(client, url) -> int:
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)
