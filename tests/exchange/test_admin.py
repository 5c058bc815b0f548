"""The admin of exchange requests: each institution's officials see and answer only their own;
the secretariat sees all, filters and exports. Tried through the real admin URLs."""

import csv
import io

import pytest
from django.core import mail
from django.urls import NoReverseMatch, reverse
from wagtail.test.utils.form_data import nested_form_data

from exchange.choices import RequestStatus
from exchange.models import ExchangeRequest, StatusChange


def url(name: str, *args) -> str:
    return reverse(f"exchangerequest:{name}", args=args)


HEADINGS = {
    "pk": "Request number",
    "get_status_display": "Status",
    "institution": "Publishing institution",
    "name": "Requester",
    "country_display": "Country",
    "email": "E-mail address",
    "get_formats_display": "Preferred formats",
    "message": "What they would like to learn",
}


def export_rows(client, query: str = "") -> list[dict]:
    """The CSV export as dicts keyed by the English headings; the headings are checked to be translated."""
    from django.utils import translation

    from exchange.wagtail_hooks import ExchangeRequestViewSet

    response = client.get(url("index") + "?export=csv" + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))
    fields = ExchangeRequestViewSet.list_export
    translated = []
    for language in ("es", "en", "pt"):
        with translation.override(language):
            translated.append([str(ExchangeRequestViewSet.export_headings[field]) for field in fields])
    assert header in translated
    by_field = [dict(zip(fields, row, strict=True)) for row in rows]
    return [{HEADINGS.get(field, field): value for field, value in row.items()} for row in by_field]


def assert_refused(response):
    """Wagtail answers a permission error in the admin with a redirect to the dashboard and a message."""
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_official_lists_only_their_institutions_requests(login, demo_requests):
    client = login("oficial-ar")
    html = client.get(url("index")).content.decode()
    for key, exchange_request in demo_requests.items():
        assert (exchange_request.name in html) == key.startswith("AR:"), key


def test_the_secretariat_and_administrators_list_every_request(login, demo_requests):
    for username in ("secretaria", "admin"):
        html = login(username).get(url("index")).content.decode()
        assert all(r.name in html for r in demo_requests.values())


@pytest.mark.parametrize("view", ["edit", "inspect", "history", "usage"])
def test_an_official_cannot_open_another_institutions_request_by_its_id(login, demo_requests, view):
    other = demo_requests["MX:held"]
    response = login("oficial-ar").get(url(view, other.pk))
    assert_refused(response)
    assert other.name not in response.content.decode()
    own = demo_requests["AR:new"]
    assert login("oficial-ar").get(url(view, own.pk)).status_code == 200


def test_an_official_cannot_change_another_institutions_request_by_a_crafted_post(login, demo_requests):
    other = demo_requests["MX:held"]
    data = nested_form_data({"status": RequestStatus.CLOSED, "note": "cerrada", "send_to_requester": "on"})
    response = login("oficial-ar").post(url("edit", other.pk), data)
    assert_refused(response)
    other.refresh_from_db()
    assert other.status == RequestStatus.HELD
    assert not StatusChange.objects.filter(request=other, note="cerrada").exists()
    assert not mail.outbox


def test_officials_cannot_delete_requests_not_even_their_own(login, demo_requests):
    client = login("oficial-ar")
    for exchange_request in (demo_requests["MX:held"], demo_requests["AR:new"]):
        assert_refused(client.get(url("delete", exchange_request.pk)))
        assert_refused(client.post(url("delete", exchange_request.pk)))
        assert ExchangeRequest.objects.filter(pk=exchange_request.pk).exists()


def test_the_secretariat_can_delete_a_request(login, demo_requests):
    target = demo_requests["MX:closed"]
    response = login("secretaria").post(url("delete", target.pk))
    assert response.status_code == 302
    assert not ExchangeRequest.objects.filter(pk=target.pk).exists()


@pytest.mark.parametrize("username", ["oficial-ar", "secretaria", "admin"])
def test_nobody_adds_or_copies_requests_in_the_admin(login, username, demo_requests):
    client = login(username)
    assert_refused(client.get(url("add")))
    assert_refused(client.post(url("add"), {"name": "x"}))
    assert not ExchangeRequest.objects.filter(name="x").exists()
    with pytest.raises(NoReverseMatch):
        url("copy", demo_requests["AR:new"].pk)


def test_an_official_moves_a_request_along_and_answers_the_requester(
    login, demo_requests, django_capture_on_commit_callbacks
):
    own = demo_requests["AR:new"]
    data = nested_form_data(
        {
            "status": RequestStatus.IN_PROGRESS,
            "note": "Les proponemos una llamada el martes.",
            "send_to_requester": "on",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = login("oficial-ar").post(url("edit", own.pk), data)
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == RequestStatus.IN_PROGRESS
    change = own.history.last()
    assert (change.from_status, change.to_status, change.user.username) == ("new", "in_progress", "oficial-ar")
    assert change.sent_to_requester and change.note == "Les proponemos una llamada el martes."
    (answer,) = mail.outbox
    assert answer.to == [own.email] and answer.reply_to == ["oficial-ar@demo.example"]
    assert "Les proponemos una llamada el martes." in answer.body
    # The history shows who did it.
    html = login("oficial-ar").get(url("edit", own.pk)).content.decode()
    assert "Les proponemos una llamada el martes." in html and "oficial-ar" in html


def test_the_requesters_details_cannot_be_changed_in_the_admin(login, demo_requests):
    own = demo_requests["AR:new"]
    data = nested_form_data({"status": RequestStatus.NEW, "email": "attacker@example.org", "institution": 1})
    login("oficial-ar").post(url("edit", own.pk), data)
    own.refresh_from_db()
    assert own.email == "lucia.fernandez@demo.example" and own.institution.country.iso2 == "AR"


def test_sending_an_empty_answer_is_refused_with_a_message(login, demo_requests):
    own = demo_requests["AR:new"]
    data = nested_form_data({"status": RequestStatus.NEW, "note": "", "send_to_requester": "on"})
    response = login("oficial-ar").post(url("edit", own.pk), data)
    assert response.status_code == 200
    assert not mail.outbox


def test_an_officials_export_holds_only_their_institutions_requests(login, demo_requests):
    rows = export_rows(login("oficial-ar"))
    expected = ExchangeRequest.objects.filter(institution__country__iso2="AR")
    assert sorted(int(row["Request number"]) for row in rows) == sorted(expected.values_list("pk", flat=True))
    assert all(demo_requests["MX:held"].email not in str(row) for row in rows)
    # Asking for the other institution through the filter returns nothing of it.
    mx = demo_requests["MX:held"].institution_id
    assert [row for row in export_rows(login("oficial-ar"), f"&institution={mx}") if row["Request number"]] in (
        [],
        rows,
    )
    assert all(int(row["Request number"]) in expected.values_list("pk", flat=True) for row in rows)


def test_the_secretariats_export_matches_the_database(login, demo_requests):
    rows = export_rows(login("secretaria"))
    by_number = {int(row["Request number"]): row for row in rows}
    assert set(by_number) == set(ExchangeRequest.objects.values_list("pk", flat=True))
    for exchange_request in ExchangeRequest.objects.select_related("institution", "requester_country"):
        row = by_number[exchange_request.pk]
        assert row["Requester"] == exchange_request.name
        assert row["E-mail address"] == exchange_request.email
        assert row["Status"] == exchange_request.get_status_display()
        assert row["Publishing institution"] == exchange_request.institution.display_name  # with its country
        assert row["Country"] == exchange_request.country_display
        assert row["What they would like to learn"] == exchange_request.message
        assert row["Preferred formats"] == exchange_request.get_formats_display()


def test_the_export_follows_the_filters(login, demo_requests):
    rows = export_rows(login("secretaria"), "&status=held")
    assert [int(row["Request number"]) for row in rows] == [demo_requests["MX:held"].pk]


def test_visitor_text_cannot_become_a_spreadsheet_formula(login, demo_requests):
    ExchangeRequest.objects.filter(pk=demo_requests["AR:new"].pk).update(name='=HYPERLINK("http://evil.example")')
    rows = export_rows(login("secretaria"))
    (row,) = [row for row in rows if int(row["Request number"]) == demo_requests["AR:new"].pk]
    assert row["Requester"].startswith("'=")


def test_visitor_text_stays_text_in_the_xlsx_export(login, demo_requests):
    """XLSX cells carry a type: a formula-looking value is written as text (Wagtail's writer turns
    openpyxl's formula guess back into a string), so it shows exactly as typed, without the CSV's
    apostrophe."""
    from openpyxl import load_workbook

    from exchange.wagtail_hooks import ExchangeRequestViewSet

    typed = '=HYPERLINK("http://evil.example")'
    ExchangeRequest.objects.filter(pk=demo_requests["AR:new"].pk).update(name=typed)
    response = login("secretaria").get(url("index") + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    name_column = ExchangeRequestViewSet.list_export.index("name")
    (cell,) = [row[name_column] for row in sheet.iter_rows(min_row=2) if row[0].value == demo_requests["AR:new"].pk]
    assert (cell.value, cell.data_type) == (typed, "s")


def test_the_filters_list_only_the_officials_institution(login, demo_requests):
    html = login("oficial-ar").get(url("index")).content.decode()
    assert demo_requests["MX:held"].institution.title not in html


def test_the_site_history_does_not_tell_officials_about_other_institutions_requests(user, demo_requests):
    from django.test import Client

    secretariat, official = Client(), Client()
    secretariat.force_login(user("secretaria"))
    official.force_login(user("oficial-ar"))
    other = demo_requests["MX:held"]
    secretariat.post(url("edit", other.pk), nested_form_data({"status": RequestStatus.CLOSED, "note": ""}))
    own = demo_requests["AR:new"]
    secretariat.post(url("edit", own.pk), nested_form_data({"status": RequestStatus.IN_PROGRESS, "note": ""}))
    html = official.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert url("edit", own.pk) in html or str(own) in html
    assert str(other) not in html and url("edit", other.pk) not in html


def test_the_menu_shows_exchange_requests_to_officials(login):
    html = login("oficial-mx").get(reverse("wagtailadmin_home")).content.decode()
    assert url("index") in html
