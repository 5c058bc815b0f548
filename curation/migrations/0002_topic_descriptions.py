"""What each topic covers, in es/en/pt, for the topic pages. Fills empty descriptions only, so an
edit by the secretariat is never overwritten (also when migrations run again on a copy)."""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "topic_descriptions.csv"
FIELDS = {"description": "description_es", "description_en": "description_en", "description_pt": "description_pt"}


def fill_descriptions(apps, schema_editor):
    Topic = apps.get_model("practices", "Topic")
    with DATA.open(encoding="utf-8") as handle:
        rows = {row["slug"]: row for row in csv.DictReader(handle)}
    for topic in Topic.objects.filter(slug__in=rows):
        row = rows[topic.slug]
        changed = [field for field, column in FIELDS.items() if not getattr(topic, field) and row[column]]
        for field in changed:
            setattr(topic, field, row[FIELDS[field]])
        if changed:
            topic.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [
        ("curation", "0001_initial"),
        ("practices", "0005_topic_descriptions"),
        ("practices", "0002_reference_data"),
    ]

    operations = [migrations.RunPython(fill_descriptions, migrations.RunPython.noop)]
