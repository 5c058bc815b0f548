import csv
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.models import Page

from practices.importing import import_practices
from practices.models import PracticePage

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "import-sample.jsonl"


def record(**overrides):
    data = {
        "external_id": "test-ar-001",
        "country": "AR",
        "kind": "practice",
        "language": "es",
        "title": "Turnos en línea para la primera entrevista",
        "summary": "Las personas solicitantes eligen el turno de su entrevista en línea.",
        "problem": "Largas filas en la oficina central.\n\nTurnos perdidos.",
        "approach": "Se creó un sistema de turnos.\n\n1. Diseño del formulario.\n2. Piloto en la sede.",
        "lessons": ["Probar con usuarios reales antes de lanzar."],
        "results": [
            {
                "indicator": "Espera media",
                "baseline": 45,
                "result": 12,
                "unit": "días",
                "period": "2023",
                "source": "CONARE",
            }
        ],
        "topics": ["digitalizacion"],
        "keywords": ["turnos"],
        "stages": ["entrevista"],
        "mechanisms": ["proceso-de-quito"],
        "partners": ["UY"],
        "status": "pilot",
        "year_started": 2023,
        "year_ended": None,
        "contact_name": "Unidad de Turnos",
        "contact_email": "turnos@conare.example",
        "publish": True,
    }
    data.update(overrides)
    return data


def write_jsonl(tmp_path, *records, name="practices.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def practice_rows():
    return PracticePage.objects.count(), Page.objects.count()


def run_import(path, *args):
    with translation.override("en"):
        call_command("import_practices", str(path), *args, verbosity=0)


def import_error(path, *args) -> str:
    with translation.override("en"), pytest.raises(CommandError) as excinfo:
        call_command("import_practices", str(path), *args, verbosity=0, stderr=(out := _Capture()))
    return f"{excinfo.value}\n{out.text}"


class _Capture:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_the_documented_sample_imports(db, es):
    run_import(SAMPLE.with_suffix(".csv"))
    assert PracticePage.objects.filter(external_id__startswith="sample-csv-", locale=es).count() == 2
    run_import(SAMPLE)
    page = PracticePage.objects.get(external_id="sample-ec-001", locale=es)
    assert page.live
    assert page.country.iso2 == "EC"
    assert page.get_parent().specific.country.iso2 == "EC"
    assert [r.result for r in page.results.all()] == [55]
    assert [b.block_type for b in page.approach] == ["text", "steps"]
    assert len(page.approach[1].value) == 3
    lesson = PracticePage.objects.get(external_id="sample-pa-001", locale=es)
    assert lesson.kind == "lesson"
    assert list(lesson.partners.values_list("iso2", flat=True)) == ["CR"]


def test_an_imported_practice_has_all_its_fields_and_aliases(db, es, en, pt, tmp_path):
    run_import(write_jsonl(tmp_path, record()))
    page = PracticePage.objects.get(external_id="test-ar-001", locale=es)
    assert page.problem == "<p>Largas filas en la oficina central.</p><p>Turnos perdidos.</p>"
    assert [s.slug for s in page.stages.all()] == ["entrevista"]
    assert [t.slug for t in page.topics.all()] == ["digitalizacion"]
    assert [k.name for k in page.keywords.all()] == ["turnos"]
    assert page.contact_email == "turnos@conare.example"
    assert page.lessons[0].value == "Probar con usuarios reales antes de lanzar."
    row = page.results.get()
    assert (row.indicator, row.baseline, row.result, row.unit) == ("Espera media", 45, 12, "días")
    for locale in (en, pt):
        alias = PracticePage.objects.get(translation_key=page.translation_key, locale=locale)
        assert alias.alias_of_id == page.pk and alias.live
        assert alias.institution.locale == locale


def test_reimporting_updates_instead_of_duplicating(db, es, tmp_path):
    run_import(write_jsonl(tmp_path, record()))
    before = practice_rows()
    run_import(write_jsonl(tmp_path, record(title="Turnos en línea (versión 2)", results=[])))
    assert practice_rows() == before
    page = PracticePage.objects.get(external_id="test-ar-001", locale=es)
    assert page.title == "Turnos en línea (versión 2)"
    assert page.results.count() == 0


def test_reimport_with_another_country_moves_the_practice_in_every_language(db, es, tmp_path):
    run_import(write_jsonl(tmp_path, record()))
    run_import(write_jsonl(tmp_path, record(country="UY", partners=[])))
    page = PracticePage.objects.get(external_id="test-ar-001", locale=es)
    for version in PracticePage.objects.filter(translation_key=page.translation_key):
        assert version.country.iso2 == "UY", version.locale
        assert version.get_parent().specific.country.iso2 == "UY"
        assert version.get_parent().locale_id == version.locale_id


def test_reimport_brings_real_translations_in_step(db, es, en, tmp_path, django_capture_on_commit_callbacks):
    from practices.services import translate_page

    run_import(write_jsonl(tmp_path, record()))
    page = PracticePage.objects.get(external_id="test-ar-001", locale=es)
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(
            page, en, {"Turnos en línea para la primera entrevista": "Online appointments for the first interview"}
        )
    with django_capture_on_commit_callbacks(execute=True):
        run_import(write_jsonl(tmp_path, record(status="scaled", year_started=2021)))
    translation = PracticePage.objects.get(translation_key=page.translation_key, locale=en)
    assert translation.alias_of_id is None
    assert translation.title == "Online appointments for the first interview"
    assert (translation.status, translation.year_started) == ("scaled", 2021)


def test_only_new_skips_practices_already_imported(db, es, tmp_path):
    run_import(write_jsonl(tmp_path, record()))
    report = import_practices(
        write_jsonl(tmp_path, record(title="No debe cambiar"), record(external_id="x-2")), only_new=True
    )
    assert (report.created, report.updated, report.skipped) == (1, 0, 1)
    assert PracticePage.objects.get(external_id="test-ar-001", locale=es).title != "No debe cambiar"


def test_a_draft_is_imported_unpublished(db, es, tmp_path):
    run_import(write_jsonl(tmp_path, record(publish=False)))
    page = PracticePage.objects.get(external_id="test-ar-001", locale=es)
    assert not page.live


def test_dry_run_writes_nothing(db, tmp_path):
    before = practice_rows()
    run_import(write_jsonl(tmp_path, record()), "--dry-run")
    assert practice_rows() == before


def test_csv_with_the_same_columns_imports(db, es, tmp_path):
    data = record(external_id="test-csv-1")
    path = tmp_path / "practices.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(data))
        writer.writeheader()
        row = {k: ";".join(v) if isinstance(v, list) and k != "results" else v for k, v in data.items()}
        row["results"] = json.dumps(data["results"], ensure_ascii=False)
        row["publish"] = "true"
        writer.writerow(row)
    run_import(path)
    page = PracticePage.objects.get(external_id="test-csv-1", locale=es)
    assert [t.slug for t in page.topics.all()] == ["digitalizacion"]
    assert page.results.get().result == 12


def test_xlsx_with_the_same_columns_imports(db, es, tmp_path):
    from openpyxl import Workbook

    data = record(external_id="test-xlsx-1")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(data))
    sheet.append(
        [
            json.dumps(v, ensure_ascii=False) if k == "results" else ";".join(v) if isinstance(v, list) else v
            for k, v in data.items()
        ]
    )
    path = tmp_path / "practices.xlsx"
    workbook.save(path)
    run_import(path)
    page = PracticePage.objects.get(external_id="test-xlsx-1", locale=es)
    assert page.year_started == 2023 and page.live


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"country": "XX"}, "line 2, field “country”: unknown country “XX”"),
        ({"topics": ["digitalizacion", "no-such-topic"]}, "line 2, field “topics”: unknown code(s): no-such-topic"),
        ({"year_started": 1850}, "line 2, field “year_started”: year 1850 is out of range"),
        ({"year_started": "abc"}, "line 2, field “year_started”: “abc” is not a year"),
        ({"title": ""}, "line 2, field “title”: this field is required"),
        # Lengths are the model's own rule, in its words (clean_fields), not restated by the importer.
        ({"summary": "x" * 301}, "line 2, field “summary”: Ensure this value has at most 300 characters (it has 301)"),
        ({"title": "t" * 256}, "line 2, field “title”: Ensure this value has at most 255 characters (it has 256)"),
        (
            {"results": [{"indicator": "i" * 256, "result": 1}]},
            "field “results[1].indicator”: Ensure this value has at most 255 characters (it has 256)",
        ),
        ({"results": [{"indicator": "x", "result": 1, "unit": "u" * 61}]}, "field “results[1].unit”: Ensure"),
        ({"kind": "anecdote"}, "line 2, field “kind”: unknown value “anecdote”"),
        ({"contact_email": "not-an-address"}, "line 2, field “contact_email”: “not-an-address” is not a valid e-mail"),
        ({"results": [{"indicator": "x", "result": "many"}]}, "field “results[1].result”: “many” is not a number"),
        ({"year_ended": 2001}, "line 2, field “year_ended”: is before year_started"),
        ({"partners": ["AR"]}, "field “partners”: the publishing country cannot also be its own partner"),
        ({"titel": "typo"}, "line 2: unknown key(s): titel"),
        ({"title": "¿¡!?"}, "line 2, field “title”: needs at least one letter or digit"),
        (
            {"support_organizations": ["Organización " * 10] * 3},
            "field “support_organizations”: Ensure this value has at most 255 characters",
        ),
    ],
)
def test_a_bad_record_is_named_by_line_and_field_and_nothing_is_written(db, tmp_path, overrides, expected):
    path = write_jsonl(tmp_path, record(external_id="good-1"), record(external_id="bad-1", **overrides))
    before = practice_rows()
    assert expected in import_error(path)
    assert practice_rows() == before
    assert not PracticePage.objects.filter(external_id="good-1").exists()


def test_malformed_json_names_the_line(db, tmp_path):
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(record()) + '\n{"external_id": "x", oops}\n', encoding="utf-8")
    before = practice_rows()
    assert "line 2: malformed JSON" in import_error(path)
    assert practice_rows() == before


def test_csv_errors_name_the_spreadsheet_row_even_with_paragraphs_in_cells(db, tmp_path):
    path = tmp_path / "rows.csv"
    rows = [record(external_id="r-1"), record(external_id="r-2", country="XX")]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        for data in rows:
            writer.writerow(
                {
                    k: ";".join(v) if isinstance(v, list) and k != "results" else json.dumps(v) if k == "results" else v
                    for k, v in data.items()
                }
            )
    assert "line 3, field “country”" in import_error(path)


def test_a_repeated_external_id_is_refused(db, tmp_path):
    path = write_jsonl(tmp_path, record(), record())
    assert "line 2, field “external_id”: “test-ar-001” already appears on line 1" in import_error(path)


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.jsonl", b"", "The file is empty."),
        ("blank.jsonl", b"\n\n  \n", "The file is empty."),
        ("binary.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "The file looks binary"),
        ("latin1.jsonl", json.dumps(record(), ensure_ascii=False).encode("latin-1"), "Line 1 is not valid UTF-8"),
        ("practices.txt", b"{}", "Unsupported file type"),
        ("fake.xlsx", b"this is not a zip file", "not a valid Excel (.xlsx) workbook"),
    ],
)
def test_an_unreadable_file_is_refused_with_a_clear_message(db, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    before = practice_rows()
    assert expected in import_error(path)
    assert practice_rows() == before


def test_a_50_mb_file_is_refused_before_it_is_read(db, tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as handle:
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")
    assert "the limit is 20.0 MB" in import_error(path)


def test_a_missing_file_is_reported(db, tmp_path):
    assert "File not found" in import_error(tmp_path / "nowhere.jsonl")


def test_messages_are_translated(db, tmp_path):
    path = write_jsonl(tmp_path, record(country="XX"))
    with translation.override("es"), pytest.raises(CommandError):
        call_command("import_practices", str(path), stderr=(out := _Capture()))
    assert "línea 1" in out.text.lower()


def test_the_service_reports_counts(db, tmp_path):
    report = import_practices(write_jsonl(tmp_path, record(), record(external_id="test-ar-002")))
    assert (report.created, report.updated, report.ok) == (2, 0, True)
