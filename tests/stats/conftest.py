import pytest
from django.contrib.auth import get_user_model

from stats import counter

DASHBOARD = "/admin/statistics/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture(autouse=True)
def _empty_view_counter(db):
    # The browser test's live server commits views; every other test starts from none.
    from stats.models import PracticeView

    PracticeView.objects.all().delete()
    counter.discard()
    yield
    counter.discard()


@pytest.fixture
def login(client):
    def as_user(username: str):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


@pytest.fixture
def dashboard(login):
    """The dashboard's context as the secretariat sees it, through the admin URL."""

    def get(query: str = "", username: str = "secretaria"):
        response = login(username).get(DASHBOARD + query)
        assert response.status_code == 200, response.status_code
        return response

    return get


def table(response, key: str):
    context = response.context
    tables = [
        *context["practice_tables"],
        context["timeline"],
        *context["search_tables"],
        *context["exchange_tables"],
        context["views"],
    ]
    return next(t for t in tables if t.key == key)


def as_dict(t, column: int = 0) -> dict:
    return {row.label: row.values[column] for row in t.rows}
