import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from exchange.models import ExchangeRequest
from home.demo.exchange import load_demo_requests
from practices.models import PracticePage
from tests.factories import make_practice


@pytest.fixture
def practice(institution):
    """A published Argentine practice in the Spanish tree, with its aliases in the en/pt trees."""
    return make_practice(institution, title="Turnos en línea para solicitantes", aliases=True)


@pytest.fixture
def practice_in(practice):
    """The same practice in another language tree."""

    def get(language: str):
        return PracticePage.objects.get(translation_key=practice.translation_key, locale__language_code=language)

    return get


@pytest.fixture
def form_data():
    return {
        "name": "María Pérez",
        "requester_institution": "Comisión de Refugiados del Paraguay",
        "country": "PY",
        "country_other": "",
        "email": "maria.perez@example.org",
        "message": "Queremos conocer cómo redujeron el rezago de solicitudes y qué equipo se necesitó.",
        "formats": ["call", "documents"],
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def submit_url():
    def url(page, language: str = "es") -> str:
        from django.urls import reverse
        from django.utils import translation

        with translation.override(language):
            return reverse("exchange:submit", args=[page.pk])

    return url


@pytest.fixture
def user():
    def get(username: str):
        return get_user_model().objects.get(username=username)

    return get


@pytest.fixture
def login(client, user):
    def as_user(username: str):
        client.force_login(user(username))
        return client

    return as_user


@pytest.fixture
def demo_requests(practice, other_institution):
    """The four demo requests of home/demo/exchange.py: two for Argentina's practice, two for Mexico's."""
    make_practice(other_institution, title="Registro en línea", aliases=True)
    load_demo_requests()
    requests = {r.institution.country.iso2 + ":" + r.status: r for r in ExchangeRequest.objects.filter(is_demo=True)}
    assert len(requests) == 4
    return requests


@pytest.fixture(autouse=True)
def _empty_outbox():
    mail.outbox = []
