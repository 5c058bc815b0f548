"""Double opt-in from the search page: one confirmation e-mail, nothing else until it is confirmed."""

import pytest
from django.core import signing
from django.utils import timezone, translation

from alerts.forms import SubscribeForm
from alerts.models import Subscription
from alerts.services import MAX_PER_EMAIL, purge_unconfirmed


def test_search_page_offers_an_accessible_follow_form_with_the_current_search(client):
    response = client.get("/es/buscar/", {"q": "  niños   ", "country": ["ar", "MX"], "sort": "year", "page": "2"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/es/avisos/suscribirse/"' in html
    assert '<label for="follow-email">' in html
    assert 'href="#follow-search"' in html and 'id="follow-search"' in html
    assert 'aria-describedby="follow-privacy"' in html
    # Normalised: codes as the facets spell them, sorted; no order, no page.
    assert 'name="query" value="q=ni%C3%B1os&amp;country=AR&amp;country=MX"' in html


def test_subscribing_sends_one_confirmation_in_the_visitors_language_and_nothing_else(subscribe, outbox):
    response = subscribe(language="pt", query="country=ar&sort=year&page=3&country=bogus")
    assert response.status_code == 303
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.language, subscription.query) == ("ana@example.org", "pt", "country=AR")
    assert subscription.confirmed_at is None
    assert len(outbox) == 1
    assert outbox[0].to == ["ana@example.org"]
    assert "List-Unsubscribe" not in outbox[0].extra_headers  # not a list mail yet
    assert outbox[0].alternatives[0][1] == "text/html"
    assert "Argentina" in outbox[0].body


def test_confirmation_link_confirms_and_sets_the_watermark(client, subscribe, outbox, confirmation_link):
    subscribe()
    response = client.get(confirmation_link(outbox[0]))
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert subscription.last_seen_published_at == subscription.confirmed_at


def test_a_tampered_or_expired_confirmation_link_is_a_translated_400(client, subscribe, outbox, url, settings):
    subscribe()
    subscription = Subscription.objects.get()
    response = client.get(url("alerts:confirm", signed=subscription.confirmation_token + ":forged"))
    assert response.status_code == 400
    assert "no funciona" in response.content.decode() or "does not work" in response.content.decode()
    old = signing.TimestampSigner(salt="alerts.confirm")
    signed = old.sign(subscription.confirmation_token)
    settings.ALERTS_CONFIRMATION_DAYS = -1  # every link is now older than its life
    assert client.get(url("alerts:confirm", signed=signed)).status_code == 400
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_subscribing_twice_neither_duplicates_nor_reveals_it(subscribe, outbox, client, confirmation_link):
    first = subscribe(query="country=AR")
    again = subscribe(email="ANA@example.org", query="country=ar&sort=newest")
    assert Subscription.objects.count() == 1
    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert len(outbox) == 1  # a second confirmation waits; the form cannot flood an inbox
    client.get(confirmation_link(outbox[0]))
    confirmed = subscribe(query="country=AR")
    assert (confirmed.status_code, confirmed["Location"]) == (first.status_code, first["Location"])
    assert len(outbox) == 1


def test_an_address_follows_at_most_the_maximum_of_searches(subscribe, outbox, settings):
    settings.ALERTS_RATE_LIMIT = 100
    for year in range(2000, 2000 + MAX_PER_EMAIL + 2):
        assert subscribe(query=f"year_from={year}").status_code == 303
    assert Subscription.objects.count() == MAX_PER_EMAIL


@pytest.mark.parametrize("email", ["", "not-an-address", "ana@", "a" * 250 + "@example.org"])
def test_a_bad_address_is_a_translated_400_that_keeps_what_was_typed(subscribe, outbox, email):
    response = subscribe(email=email, query="q=refugio&country=AR")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html
    with translation.override("es"):  # the message in the page's language (msgids are English)
        messages = [str(m) for m in SubscribeForm.base_fields["email"].error_messages.values()]
    assert any(message in html for message in messages)
    if email:
        assert f'value="{email}"' in html
    assert 'name="query" value="q=refugio&amp;country=AR"' in html
    assert Subscription.objects.count() == 0 and outbox == []


def test_a_search_too_long_to_follow_is_a_400(subscribe, outbox):
    response = subscribe(query="q=" + "x" * 5000)
    assert response.status_code == 400
    assert Subscription.objects.count() == 0


def test_the_honeypot_answers_like_success_and_saves_nothing(subscribe, outbox):
    response = subscribe(website="http://spam.example")
    assert response.status_code == 303
    assert Subscription.objects.count() == 0 and outbox == []


def test_an_address_is_rate_limited_with_a_translated_429(subscribe, outbox, settings):
    settings.ALERTS_RATE_LIMIT = 3
    for n in range(3):
        assert subscribe(email=f"p{n}@example.org").status_code == 303
    response = subscribe(email="late@example.org")
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert 'value="late@example.org"' in response.content.decode()
    assert not Subscription.objects.filter(email="late@example.org").exists()


def test_get_on_the_subscribe_endpoint_is_refused(client, url):
    assert client.get(url("alerts:subscribe")).status_code == 405


def test_unconfirmed_subscriptions_are_purged_after_the_confirmation_period(subscribe, outbox):
    subscribe()
    subscribe(email="bea@example.org")
    Subscription.objects.filter(email="ana@example.org").update(created_at=timezone.now() - timezone.timedelta(days=8))
    assert purge_unconfirmed() == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["bea@example.org"]


def test_the_follow_page_shows_the_search_in_words_and_its_form(client, url):
    response = client.get(url("alerts:follow"), {"country": "ar", "q": "niños", "bogus": "x", "year_from": "abc"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Argentina" in html and "niños" in html
    assert 'name="query" value="q=ni%C3%B1os&amp;country=AR"' in html
