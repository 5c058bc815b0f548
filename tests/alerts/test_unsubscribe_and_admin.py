"""Unsubscribing (a page with a button, and the one-click POST) and the secretariat's listing."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from alerts.models import Subscription


@pytest.fixture
def subscription(db):
    now = timezone.now()
    return Subscription.objects.create(
        email="ana@example.org", query="country=AR", language="es", confirmed_at=now, last_seen_published_at=now
    )


def test_opening_the_unsubscribe_link_only_asks(client, subscription, url):
    response = client.get(url("alerts:unsubscribe", token=subscription.unsubscribe_token))
    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # link scanners must not unsubscribe


def test_the_button_deletes_the_subscription_and_its_address(client, subscription, url):
    client_with_csrf = client.__class__(enforce_csrf_checks=True)
    page = client_with_csrf.get(url("alerts:unsubscribe", token=subscription.unsubscribe_token))
    token = page.cookies["csrftoken"].value
    response = client_with_csrf.post(
        url("alerts:unsubscribe", token=subscription.unsubscribe_token), {"csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    assert not Subscription.objects.filter(email="ana@example.org").exists()


def test_the_unsubscribe_page_refuses_a_post_without_csrf(subscription, url):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(url("alerts:unsubscribe", token=subscription.unsubscribe_token))
    assert response.status_code == 403
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_one_click_works_without_csrf_but_only_with_the_rfc_8058_body(subscription, url):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    target = url("alerts:one_click", token=subscription.unsubscribe_token)
    assert client.post(target, {"List-Unsubscribe": "Something"}).status_code == 400
    assert client.get(target).status_code == 405
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.post(target, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_an_unknown_unsubscribe_token_is_a_kind_404(client, url):
    response = client.get(url("alerts:unsubscribe", token="no-such-token"))
    assert response.status_code == 404


@pytest.fixture
def login(client):
    def as_user(username: str):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


@pytest.mark.parametrize("username", ["secretaria", "admin"])
def test_the_secretariat_sees_counts_and_addresses(login, subscription, username):
    Subscription.objects.create(email="bea@example.org", query="", language="pt")
    response = login(username).get("/admin/search-alerts/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "ana@example.org" in html and "bea@example.org" in html


def test_an_official_cannot_see_the_addresses(login, subscription):
    response = login("oficial-ar").get("/admin/search-alerts/")
    assert response.status_code in (302, 403)
    assert "ana@example.org" not in response.content.decode()
    menu = login("oficial-ar").get("/admin/").content.decode()
    assert "/admin/search-alerts/" not in menu
