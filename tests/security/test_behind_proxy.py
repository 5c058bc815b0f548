"""Limits keyed on the client's address, behind the reverse proxy (docker/nginx.conf).

Every request below arrives from the proxy's address (REMOTE_ADDR) with X-Forwarded-For as nginx
writes it: whatever the client sent, then the address nginx saw. Two visitors behind one proxy
must not share a limit, and a visitor must not escape hers by writing addresses of her own at the
start of the header.
"""

import pytest
from django.test import RequestFactory

from accounts.throttling import client_ip
from exchange.models import ExchangeRequest
from tests.factories import make_practice

PROXY = "172.18.0.5"
VISITOR_A = "198.51.100.10"
VISITOR_B = "203.0.113.20"


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def through_proxy(visitor: str, spoofed: str = "") -> dict:
    """The request headers nginx passes on for a visitor ($proxy_add_x_forwarded_for)."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{spoofed}, {visitor}" if spoofed else visitor}


def test_the_client_is_the_address_the_trusted_proxy_appended(settings):
    request = RequestFactory().get("/", **through_proxy(VISITOR_A, spoofed="10.0.0.1"))
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == VISITOR_A
    # Two proxies (a load balancer, then nginx): the one before the last.
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"10.0.0.1, {VISITOR_A}, 10.1.1.1")
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == VISITOR_A
    # No proxy configured: a forwarded header is the client's own claim, never believed.
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == PROXY


@pytest.fixture
def exchange_post(client, institution, settings):
    from django.urls import reverse

    settings.EXCHANGE_RATE_LIMITS = {"sent": 2, "attempts": 20}
    practice = make_practice(institution)
    url = reverse("exchange:submit", args=[practice.pk])
    data = {
        "name": "María Pérez",
        "requester_institution": "Comisión de Refugiados del Paraguay",
        "country": "PY",
        "country_other": "",
        "message": "Queremos conocer cómo redujeron el rezago de solicitudes.",
        "formats": ["call"],
        "consent": "on",
        "website": "",
    }

    def post(email: str, **headers):
        return client.post(url, {**data, "email": email}, **headers)

    return post


def test_two_visitors_behind_the_proxy_do_not_share_the_exchange_limit(behind_one_proxy, exchange_post):
    assert exchange_post("a1@example.org", **through_proxy(VISITOR_A)).status_code == 303
    assert exchange_post("a2@example.org", **through_proxy(VISITOR_A)).status_code == 303
    assert exchange_post("a3@example.org", **through_proxy(VISITOR_A)).status_code == 429
    # The other visitor comes through the same proxy and is not affected.
    assert exchange_post("b1@example.org", **through_proxy(VISITOR_B)).status_code == 303
    assert ExchangeRequest.objects.filter(email__in=["a1@example.org", "a2@example.org", "b1@example.org"]).count() == 3


def test_a_spoofed_forwarded_address_does_not_escape_the_exchange_limit(behind_one_proxy, exchange_post):
    assert exchange_post("a1@example.org", **through_proxy(VISITOR_A)).status_code == 303
    assert exchange_post("a2@example.org", **through_proxy(VISITOR_A, spoofed="10.0.0.1")).status_code == 303
    for n, spoofed in enumerate(("10.0.0.2", VISITOR_B, f"{VISITOR_B}, 10.9.9.9")):
        response = exchange_post(f"a{n + 3}@example.org", **through_proxy(VISITOR_A, spoofed=spoofed))
        assert response.status_code == 429, spoofed
    assert not ExchangeRequest.objects.filter(email="a3@example.org").exists()


def test_the_alerts_limit_is_per_visitor_behind_the_proxy(behind_one_proxy, client, settings):
    from django.urls import reverse

    settings.ALERTS_RATE_LIMIT = 2
    url = reverse("alerts:subscribe")

    def subscribe(email, **headers):
        return client.post(url, {"email": email, "query": "country=AR", "website": ""}, **headers)

    assert subscribe("a1@example.org", **through_proxy(VISITOR_A)).status_code == 303
    assert subscribe("a2@example.org", **through_proxy(VISITOR_A, spoofed="10.0.0.1")).status_code == 303
    assert subscribe("a3@example.org", **through_proxy(VISITOR_A, spoofed="10.0.0.2")).status_code == 429
    assert subscribe("b1@example.org", **through_proxy(VISITOR_B)).status_code == 303
