"""Indicator numbers typed as people in the region write them: one rule (practices/numbers.py)
for the admin form, its live hint and the importer."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from practices.models import PracticePage
from practices.numbers import format_number, parse_number

from .test_editor import practice_form
from .test_import import import_error, record, run_import, write_jsonl

AMBIGUOUS = "ambiguous"
INVALID = "invalid"

# input, then what it means in es, pt and en
TABLE = [
    ("160.000", Decimal("160000"), Decimal("160000"), AMBIGUOUS),
    ("160 000", Decimal("160000"), Decimal("160000"), Decimal("160000")),
    ("160\u00a0000", Decimal("160000"), Decimal("160000"), Decimal("160000")),
    ("160,000", AMBIGUOUS, AMBIGUOUS, Decimal("160000")),
    ("1,500", AMBIGUOUS, AMBIGUOUS, Decimal("1500")),
    ("1.500", Decimal("1500"), Decimal("1500"), AMBIGUOUS),
    ("420,5", Decimal("420.5"), Decimal("420.5"), Decimal("420.5")),
    ("420.5", Decimal("420.5"), Decimal("420.5"), Decimal("420.5")),
    ("3,25", Decimal("3.25"), Decimal("3.25"), Decimal("3.25")),
    ("0,500", Decimal("0.5"), Decimal("0.5"), Decimal("0.5")),
    ("1.234,5", Decimal("1234.5"), Decimal("1234.5"), Decimal("1234.5")),
    ("1,234.5", Decimal("1234.5"), Decimal("1234.5"), Decimal("1234.5")),
    ("1.000.000", Decimal("1000000"), Decimal("1000000"), Decimal("1000000")),
    ("1,000,000", Decimal("1000000"), Decimal("1000000"), Decimal("1000000")),
    ("1 234,56", Decimal("1234.56"), Decimal("1234.56"), Decimal("1234.56")),
    ("-3,5", Decimal("-3.5"), Decimal("-3.5"), Decimal("-3.5")),
    ("\u22127", Decimal("-7"), Decimal("-7"), Decimal("-7")),
    ("42", Decimal("42"), Decimal("42"), Decimal("42")),
    ("16 0000", INVALID, INVALID, INVALID),
    ("1.2.3", INVALID, INVALID, INVALID),
    ("1.234.5", INVALID, INVALID, INVALID),
    ("1.23,4", INVALID, INVALID, INVALID),
    ("1..5", INVALID, INVALID, INVALID),
    ("1,", INVALID, INVALID, INVALID),
    ("many", INVALID, INVALID, INVALID),
    ("1e5", INVALID, INVALID, INVALID),
]


@pytest.mark.parametrize("language", ["es", "pt", "en"])
@pytest.mark.parametrize("row", TABLE, ids=[row[0] for row in TABLE])
def test_a_typed_number_means_what_the_language_writes(row, language):
    text, expected = row[0], row[1 + ["es", "pt", "en"].index(language)]
    if isinstance(expected, Decimal):
        assert parse_number(text, language) == expected
    else:
        with pytest.raises(ValidationError) as excinfo:
            parse_number(text, language)
        assert excinfo.value.code == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", "Escriba mil quinientos como “1500” o “1.500”, y uno y medio como “1,5”."),
        ("pt-br", "Escreva mil e quinhentos como “1500” ou “1.500”, e um e meio como “1,5”."),
        ("en", "Write one thousand five hundred as “1500” or “1,500”, one and a half as “1.5”."),
    ],
)
def test_an_ambiguous_number_is_refused_with_how_to_write_it_in_the_admin_language(language, expected):
    with translation.override(language), pytest.raises(ValidationError) as excinfo:
        parse_number("1,500" if language != "en" else "1.500")
    assert expected in excinfo.value.messages[0]


@pytest.mark.parametrize(
    ("value", "language", "shown"),
    [
        (Decimal("160000.00"), "es", "160\u00a0000"),
        (Decimal("420.50"), "pt", "420,5"),
        (Decimal("420.50"), "en", "420.5"),
        (Decimal("-1234567.25"), "es", "-1\u00a0234\u00a0567,25"),
        (Decimal("0.00"), "pt", "0"),
    ],
)
def test_a_saved_number_is_shown_as_the_language_writes_it(value, language, shown):
    assert format_number(value, language) == shown
    assert parse_number(shown, language) == value  # and read back unchanged


@pytest.fixture
def brazilian_official(db):
    user = get_user_model().objects.get(username="oficial-br")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "pt-br"
    profile.save()
    return user


@pytest.fixture
def brazil(pt):
    from practices.models import InstitutionPage

    return InstitutionPage.objects.get(locale__language_code="es", country__iso2="BR")


def indicator_form(slug, baseline, result):
    data = practice_form(slug=slug)
    data.update(
        nested_form_data(
            {
                "results": inline_formset(
                    [{"indicator": "Solicitudes", "baseline": baseline, "result": result, "unit": "", "period": ""}]
                )
            }
        )
    )
    return data


def test_the_portuguese_admin_saves_160_000_and_420_5_as_written(client, brazilian_official, brazil):
    client.force_login(brazilian_official)
    url = f"/admin/pages/add/practices/practicepage/{brazil.pk}/"
    response = client.post(url, indicator_form("numeros-br", "160.000", "420,5"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = PracticePage.objects.get(slug="numeros-br", locale=brazil.locale)
    row = page.get_latest_revision_as_object().results.first()
    assert (row.baseline, row.result) == (Decimal("160000"), Decimal("420.5"))

    edit = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'value="160\u00a0000"' in edit and 'value="420,5"' in edit
    assert 'inputmode="decimal"' in edit and "admin-numbers.js" in edit


def test_an_ambiguous_number_is_refused_in_the_spanish_admin_with_how_to_write_it(client, institution):
    client.force_login(get_user_model().objects.get(username="oficial-ar"))
    url = f"/admin/pages/add/practices/practicepage/{institution.pk}/"
    response = client.post(url, indicator_form("numeros-ambiguos", "", "1,500"))
    assert response.status_code == 200  # the form again, with the message at the field
    assert "“1,500” es ambiguo" in response.content.decode()
    assert not PracticePage.objects.filter(slug="numeros-ambiguos").exists()


def test_the_hint_says_what_was_understood_in_the_admin_language(client, brazilian_official):
    client.force_login(brazilian_official)
    understood = client.get("/admin/numbers/understood/", {"value": "160.000"})
    assert understood.status_code == 200
    assert understood.json() == {"value": "160000", "display": "160\u00a0000"}
    refused = client.get("/admin/numbers/understood/", {"value": "1,500"})
    assert refused.status_code == 400
    assert "“1,500” é ambíguo" in refused.json()["error"]


def test_the_hint_is_for_admin_users_only(client):
    assert client.get("/admin/numbers/understood/", {"value": "1"}).status_code == 302


def test_the_importer_reads_text_numbers_in_the_records_language(db, tmp_path):
    results = [{"indicator": "Solicitudes", "baseline": "160.000", "result": "420,5"}]
    run_import(write_jsonl(tmp_path, record(external_id="num-pt", country="BR", language="pt", results=results)))
    row = PracticePage.objects.get(external_id="num-pt", locale__language_code="es").results.get()
    assert (row.baseline, row.result) == (Decimal("160000"), Decimal("420.5"))


def test_the_importer_refuses_an_ambiguous_number_with_how_to_write_it(db, tmp_path):
    results = [{"indicator": "Requests", "result": "1.500"}]
    path = write_jsonl(tmp_path, record(external_id="num-en", language="en", results=results))
    assert "field “results[1].result”: “1.500” is ambiguous. Write one thousand five hundred" in import_error(path)
