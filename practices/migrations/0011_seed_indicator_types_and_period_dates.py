"""Seeds the shared indicator types, maps the demo's indicator rows to them by their label, and
turns the free-text periods that are plain years ("2022-2024", "2023") into dates. A period that
is not plain years (e.g. "18 meses") stays in the text field, where the page still shows it."""

import json
from pathlib import Path

from django.db import migrations

# The demo content lives with the site (home/demo/); a project without it maps nothing.
DEMO_FILE = Path(__file__).resolve().parents[2] / "home" / "demo" / "practices.jsonl"


def forwards(apps, schema_editor):
    from practices.indicators import parse_period
    from practices.reference_data import load_indicator_types

    load_indicator_types(apps)
    IndicatorType = apps.get_model("practices", "IndicatorType")
    ResultIndicator = apps.get_model("practices", "ResultIndicator")
    types = {t.slug: t for t in IndicatorType.objects.all()}
    # The demo file says which type each of its labels is (one list, read by the importer too).
    type_of_label = {}
    lines = DEMO_FILE.read_text(encoding="utf-8").splitlines() if DEMO_FILE.exists() else []
    for line in lines:
        for row in json.loads(line).get("results", []):
            if row.get("type") in types:
                type_of_label[row["indicator"]] = types[row["type"]]
    for row in ResultIndicator.objects.all():
        changed = []
        if row.indicator_type_id is None and row.indicator in type_of_label:
            row.indicator_type = type_of_label[row.indicator]
            changed.append("indicator_type")
        dates = parse_period(row.period) if row.period_start is None and row.period_end is None else None
        if dates:
            row.period_start, row.period_end = dates
            row.period = ""
            changed += ["period_start", "period_end", "period"]
        if changed:
            row.save(update_fields=changed)


def backwards(apps, schema_editor):
    from practices.indicators import period_label

    ResultIndicator = apps.get_model("practices", "ResultIndicator")
    for row in ResultIndicator.objects.exclude(period_start=None):
        if not row.period:
            row.period = period_label(row.period_start, row.period_end)
            row.save(update_fields=["period"])


class Migration(migrations.Migration):
    dependencies = [("practices", "0010_indicator_types_and_period_dates")]

    operations = [migrations.RunPython(forwards, backwards)]
