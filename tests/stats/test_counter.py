"""The practice view counter: anonymous readers' GETs only, per page and day, written in batches."""

from datetime import timedelta

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from practices.models import InstitutionPage, PracticePage
from stats import counter
from stats.models import PracticeView
from tests.factories import make_practice

from .conftest import BROWSER, as_dict, table


def practice_in(language: str, pk_of_spanish: int) -> PracticePage:
    original = PracticePage.objects.get(pk=pk_of_spanish)
    return PracticePage.objects.get(translation_key=original.translation_key, locale__language_code=language)


def a_practice(es) -> PracticePage:
    """A new published practice of the Spanish tree, with its en/pt aliases."""
    return make_practice(InstitutionPage.objects.get(locale=es, country__iso2="AR"), aliases=True)


def views_of(page) -> int:
    return sum(PracticeView.objects.filter(page=page).values_list("views", flat=True))


def test_anonymous_reads_are_counted_in_batches_without_a_write_per_request(client, es, monkeypatch):
    monkeypatch.setattr(counter, "FLUSH_EVERY", 1000)
    page = a_practice(es)
    english = practice_in("en", page.pk)
    for url in (page.url, page.url, english.url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url, HTTP_USER_AGENT=BROWSER).status_code == 200
        assert not any("stats_practiceview" in q["sql"] for q in context.captured_queries)
        assert not any("django_session" in q["sql"] for q in context.captured_queries)
    assert not PracticeView.objects.exists()
    assert counter.flush() == 2
    assert views_of(page) == 2 and views_of(english) == 1
    # A second batch adds to the same day's row (UPDATE … views + n), never a second row.
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert counter.flush() == 1
    assert PracticeView.objects.filter(page=page).count() == 1
    assert PracticeView.objects.get(page=page).views == 3
    assert PracticeView.objects.get(page=page).day == timezone.localdate()


def test_the_buffer_is_written_after_flush_every_views(client, es, monkeypatch):
    monkeypatch.setattr(counter, "FLUSH_EVERY", 3)
    page = a_practice(es)
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert views_of(page) == 0
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert views_of(page) == 3


def test_bots_logged_in_editors_previews_and_head_requests_are_not_counted(client, es, django_user_model):
    page = a_practice(es)
    for agent in ("", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", "python-requests/2.32"):
        assert client.get(page.url, HTTP_USER_AGENT=agent).status_code == 200
    client.head(page.url, HTTP_USER_AGENT=BROWSER)
    client.force_login(django_user_model.objects.get(username="secretaria"))
    assert client.get(page.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.get(f"/admin/pages/{page.pk}/view_draft/", HTTP_USER_AGENT=BROWSER).status_code == 200
    request = RequestFactory().get(page.url, HTTP_USER_AGENT=BROWSER)
    request.is_preview = True
    assert not counter.should_count(page, request)
    assert counter.flush() == 0
    assert not PracticeView.objects.exists()


def test_a_private_practice_is_counted_only_for_those_who_may_read_it(client, es):
    from wagtail.models import PageViewRestriction

    page = a_practice(es)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="clave")
    response = client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200 and "clave" not in response.content.decode()  # the password form
    assert counter.flush() == 0


def test_other_pages_are_not_counted(client):
    client.get("/es/", HTTP_USER_AGENT=BROWSER)
    client.get("/es/instituciones/", HTTP_USER_AGENT=BROWSER)
    assert counter.flush() == 0


def test_only_a_number_per_page_and_day_is_stored():
    fields = {field.name for field in PracticeView._meta.get_fields()}
    assert fields == {"id", "page", "day", "views"}


def test_a_page_deleted_before_the_flush_is_skipped(client, es):
    page = a_practice(es)
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    counter.record_view(999_999_999)
    assert counter.flush() == 1
    assert views_of(page) == 1


def test_the_most_viewed_practices_add_up_the_three_languages(client, dashboard, es):
    page = a_practice(es)
    other = a_practice(es)
    for url in (page.url, practice_in("en", page.pk).url, practice_in("pt", page.pk).url, page.url, other.url):
        client.get(url, HTTP_USER_AGENT=BROWSER)
    counter.flush()
    response = dashboard()
    views = table(response, "views")
    assert [row.values for row in views.rows][:2] == [[4, 2, 1, 1], [1, 1, 0, 0]]
    assert views.rows[0].label.startswith(page.title)
    assert views.rows[0].href == f"/admin/pages/{page.pk}/edit/"
    assert response.context["total_views"] == 5
    # Older than the period: not in the 30 days, in the 90.
    PracticeView.objects.create(page=other, day=timezone.localdate() - timedelta(days=45), views=10)
    assert as_dict(table(dashboard("?days=30"), "views"))[views.rows[1].label] == 1
    assert as_dict(table(dashboard("?days=90"), "views"))[views.rows[1].label] == 11
