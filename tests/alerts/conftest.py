import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation


@pytest.fixture
def url():
    def build(name: str, language: str = "es", **kwargs) -> str:
        with translation.override(language):
            return reverse(name, kwargs=kwargs or None)

    return build


@pytest.fixture
def subscribe(client, url):
    """Posts the search page's form the way a visitor does; returns the response."""

    def post(email="ana@example.org", query="country=AR", language="es", **extra):
        return client.post(url("alerts:subscribe", language), {"email": email, "query": query, "website": "", **extra})

    return post


@pytest.fixture
def confirmation_link():
    def find(message) -> str:
        for line in message.body.splitlines():
            if "/confirm" in line or "/confirmar" in line:
                return line.strip().removeprefix("http://localhost").removeprefix("http://testserver")
        raise AssertionError(f"no confirmation link in:\n{message.body}")

    return find


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


from tests.search.conftest import elasticsearch_backend  # noqa: E402, F401 - the real engine, on osmem
