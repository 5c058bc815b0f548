"""Loads the reference vocabularies shipped in practices/data/ (copied from the project's reference files).

Creates what is missing and never overwrites: after the first load the secretariat owns
these records in the admin. Used by a data migration and by `manage.py load_reference_data`.
"""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_data(apps) -> dict[str, int]:
    Mechanism = apps.get_model("practices", "Mechanism")
    Country = apps.get_model("practices", "Country")
    ProcedureStage = apps.get_model("practices", "ProcedureStage")
    Topic = apps.get_model("practices", "Topic")
    created = {"mechanisms": 0, "countries": 0, "stages": 0, "topics": 0}

    mechanisms = {}
    for order, row in enumerate(read_rows("mechanisms.csv")):
        mechanism, was_created = Mechanism.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name_es": row["name_es"],
                "name_en": row["name_en"],
                "name_pt": row["name_pt"],
                "secretariat": row["secretariat"],
                "notes": row["notes"],
                "sort_order": order,
            },
        )
        mechanisms[row["slug"]] = mechanism
        created["mechanisms"] += was_created

    for row in read_rows("member_states.csv"):
        country, was_created = Country.objects.get_or_create(
            iso2=row["iso2"],
            defaults={"name_es": row["name_es"], "name_en": row["name_en"], "name_pt": row["name_pt"]},
        )
        if was_created:
            members = []
            if row["quito_process"] == "yes":
                members.append(mechanisms["proceso-de-quito"])
            if row["mirps"] == "yes":
                members.append(mechanisms["mirps"])
            country.mechanisms.set(members)
        created["countries"] += was_created

    for order, row in enumerate(read_rows("procedure_stages.csv")):
        _, was_created = ProcedureStage.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name_es": row["name_es"],
                "name_en": row["name_en"],
                "name_pt": row["name_pt"],
                "sort_order": order,
            },
        )
        created["stages"] += was_created

    for order, row in enumerate(read_rows("topics.csv")):
        _, was_created = Topic.objects.get_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name_es"],
                "name_en": row["name_en"],
                "name_pt": row["name_pt"],
                "sort_order": order,
            },
        )
        created["topics"] += was_created
    return created


def institution_rows() -> list[dict[str, str]]:
    """The 17 national institutions, for creating their profile pages."""
    return read_rows("member_states.csv")


def load_indicator_types(apps) -> int:
    """The shared indicator types of `data/indicator_types.csv`, those missing only."""
    IndicatorType = apps.get_model("practices", "IndicatorType")
    # The columns the model has at this migration (a later column, e.g. `measures`, is set by its own).
    fields = {field.name for field in IndicatorType._meta.get_fields()}
    created = 0
    for order, row in enumerate(read_rows("indicator_types.csv")):
        _type, was_created = IndicatorType.objects.get_or_create(
            slug=row["slug"],
            defaults={**{k: v for k, v in row.items() if k != "slug" and k in fields}, "sort_order": order},
        )
        created += was_created
    return created
