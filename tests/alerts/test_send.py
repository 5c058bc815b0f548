"""The digest command: new matching practices, found through the search itself, once each."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.models import Subscription
from practices.models import InstitutionPage
from tests.factories import make_practice


def confirmed(query: str, *, email="ana@example.org", language="es") -> Subscription:
    now = timezone.now()
    return Subscription.objects.create(
        email=email, query=query, language=language, confirmed_at=now, last_seen_published_at=now
    )


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_search_alerts", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def mexico(es):
    return InstitutionPage.objects.get(locale=es, country__iso2="MX")


def test_a_new_matching_practice_is_sent_once(institution, outbox):
    subscription = confirmed("country=AR")
    practice = make_practice(institution, title="Registro biométrico en frontera norte")
    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "Registro biométrico en frontera norte" in message.body
    assert "Registro biométrico en frontera norte" in message.alternatives[0][0]
    assert practice.full_url in message.body
    assert "/es/buscar/?country=AR&sort=newest" in message.body
    assert subscription.unsubscribe_token in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].endswith(f"/{subscription.unsubscribe_token}/one-click/>")
    subscription.refresh_from_db()
    assert subscription.last_seen_published_at == practice.first_published_at
    assert subscription.last_notified_at is not None
    run()
    assert len(mail.outbox) == 1  # idempotent: nothing new the second time


def test_a_practice_that_does_not_match_sends_nothing(mexico, outbox):
    confirmed("country=AR")
    make_practice(mexico, title="Práctica mexicana nueva")
    run()
    assert mail.outbox == []


def test_practices_published_before_confirmation_are_not_news(institution, outbox):
    make_practice(institution, title="Antigua")
    confirmed("country=AR")
    run()
    assert mail.outbox == []


def test_words_of_the_search_are_matched_by_the_search_engine(institution, outbox):
    confirmed("q=biométrico")
    make_practice(institution, title="Registro biométrico", summary="Huellas dactilares en la frontera.")
    make_practice(institution, title="Otra cosa", summary="Sin relación.")
    run()
    assert len(mail.outbox) == 1
    assert "Registro biométrico" in mail.outbox[0].body and "Otra cosa" not in mail.outbox[0].body


def test_an_unsubscribed_address_receives_nothing(client, institution, outbox, url):
    subscription = confirmed("country=AR")
    response = client.post(
        url("alerts:one_click", token=subscription.unsubscribe_token), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    make_practice(institution, title="Nueva")
    run()
    assert mail.outbox == []


def test_unconfirmed_subscriptions_receive_nothing(institution, outbox):
    Subscription.objects.create(email="ana@example.org", query="country=AR", language="es")
    make_practice(institution, title="Nueva")
    run()
    assert mail.outbox == []


def test_the_digest_follows_the_subscription_language_tree(institution, en, outbox):
    confirmed("country=AR", language="en")
    make_practice(institution, title="Solo en el árbol español")
    english = make_practice(InstitutionPage.objects.get(locale=en, country__iso2="AR"), title="Argentine practice")
    run()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Argentine practice" in body and "Solo en el árbol" not in body
    assert english.full_url in body
    assert "new practice matches your search" in mail.outbox[0].subject


def test_dry_run_sends_and_changes_nothing(institution, outbox):
    subscription = confirmed("country=AR")
    make_practice(institution, title="Nueva en seco")
    output = run("--dry-run")
    assert "Nueva en seco" in output
    assert mail.outbox == []
    subscription.refresh_from_db()
    assert subscription.last_notified_at is None


def test_a_failed_send_keeps_the_watermark_for_the_next_run(institution, outbox, settings):
    subscription = confirmed("country=AR")
    make_practice(institution, title="Reintento")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens
    run()
    subscription.refresh_from_db()
    assert subscription.last_notified_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert len(mail.outbox) == 1 and "Reintento" in mail.outbox[0].body


def test_queries_are_bounded_by_distinct_searches_not_subscribers(institution, outbox):
    make_practice(institution, title="Para muchos")  # published before: nothing to send, only searching

    def queries_with(subscribers: int) -> int:
        Subscription.objects.all().delete()
        for n in range(subscribers):
            confirmed("country=AR", email=f"p{n}@example.org")
        with CaptureQueriesContext(connection) as context:
            run()
        return len(context.captured_queries)

    queries_with(1)  # warms the cached facet options
    assert queries_with(1) == queries_with(10)


def test_a_new_matching_practice_is_found_by_elasticsearch_too(
    elasticsearch_backend, institution, mexico, outbox, settings
):
    from search.engine import breaker

    breaker.reset()
    settings.WAGTAILSEARCH_BACKENDS = {
        **settings.WAGTAILSEARCH_BACKENDS,
        "default": settings.WAGTAILSEARCH_BACKENDS["elasticsearch"],
    }
    confirmed("q=biométrico&country=AR")
    make_practice(institution, title="Registro biométrico austral")
    make_practice(mexico, title="Registro biométrico del norte")
    call_command("update_index", backend_name="default", verbosity=0)
    run()
    assert len(mail.outbox) == 1
    assert "Registro biométrico austral" in mail.outbox[0].body
    assert "del norte" not in mail.outbox[0].body
    assert not breaker.is_open()  # answered by the engine, not by the database fallback


def test_each_distinct_search_costs_a_fixed_number_of_queries(institution, outbox, capsys):
    make_practice(institution, title="Medida")

    def queries_with(searches: int) -> int:
        Subscription.objects.all().delete()
        for year in range(2000, 2000 + searches):
            confirmed(f"country=AR&year_from={year}", email=f"p{year}@example.org")
        with CaptureQueriesContext(connection) as context:
            run()
        return len(context.captured_queries)

    queries_with(1)  # warms the cached facet options
    one, two, three = queries_with(1), queries_with(2), queries_with(3)
    with capsys.disabled():
        print(f"\nsend_search_alerts queries: 1 search {one}, 2 searches {two}, 3 searches {three}")
    assert three - two == two - one <= 5


def test_a_search_that_cannot_run_does_not_stop_the_others(institution, outbox):
    broken = confirmed("country=AR", email="zz@example.org")
    Subscription.objects.filter(pk=broken.pk).update(language="xx")  # no such language tree
    confirmed("country=AR")
    make_practice(institution, title="Para los demás")
    output = run()
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]
    assert "1 failed" in output


def test_each_subscriber_of_one_search_is_sent_only_what_is_new_to_her(institution, outbox):
    """Two subscribers of the same search, one already told about a practice: she is not told twice."""
    behind = confirmed("country=AR", email="behind@example.org")
    seen = make_practice(institution, title="Ya avisada a una")
    ahead = confirmed("country=AR", email="ahead@example.org")
    Subscription.objects.filter(pk=ahead.pk).update(last_seen_published_at=seen.first_published_at)
    make_practice(institution, title="Nueva para las dos")
    run()
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert set(bodies) == {"behind@example.org", "ahead@example.org"}
    assert "Ya avisada a una" in bodies["behind@example.org"] and "Nueva para las dos" in bodies["behind@example.org"]
    assert "Nueva para las dos" in bodies["ahead@example.org"]
    assert "Ya avisada a una" not in bodies["ahead@example.org"]
    behind.refresh_from_db()
    ahead.refresh_from_db()
    assert behind.last_seen_published_at == ahead.last_seen_published_at  # both caught up
