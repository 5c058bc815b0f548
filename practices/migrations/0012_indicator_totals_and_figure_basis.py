"""Which indicator types are totals over their period (from `data/indicator_types.csv`), and what
each row of such a type counts: the whole period, or a year or a month of it. Rows whose own unit
says so ("solicitudes/año", "cases/month") are marked; the comparison then compares them per year
or per month with the totals of other periods (practices/indicators.py)."""

import re

from django.db import migrations, models

PER_YEAR = re.compile(r"(/|\bpor |\bper |\ba )\s*(año|ano|year)\b", re.IGNORECASE)
PER_MONTH = re.compile(r"(/|\bpor |\bper |\ba )\s*(mes|mês|month)\b", re.IGNORECASE)


def forwards(apps, schema_editor):
    from practices.reference_data import read_rows

    IndicatorType = apps.get_model("practices", "IndicatorType")
    ResultIndicator = apps.get_model("practices", "ResultIndicator")
    for row in read_rows("indicator_types.csv"):
        IndicatorType.objects.filter(slug=row["slug"]).update(measures=row.get("measures") or "level")
    for row in ResultIndicator.objects.filter(indicator_type__measures="total").exclude(unit=""):
        basis = "year" if PER_YEAR.search(row.unit) else "month" if PER_MONTH.search(row.unit) else ""
        if basis:
            row.basis = basis
            row.save(update_fields=["basis"])


class Migration(migrations.Migration):

    dependencies = [
        ('practices', '0011_seed_indicator_types_and_period_dates'),
    ]

    operations = [
        migrations.AddField(
            model_name='indicatortype',
            name='measures',
            field=models.CharField(choices=[('level', 'A level at the end of the period (a backlog, a waiting time, a share)'), ('total', 'A total over the period (applications registered, people trained)')], default='level', help_text='A total over the period is also shown per month or per year when compared practices measured periods of different lengths.', max_length=10, verbose_name='what the figure is'),
        ),
        migrations.AddField(
            model_name='resultindicator',
            name='basis',
            field=models.CharField(blank=True, choices=[('', 'The whole period'), ('year', 'One year'), ('month', 'One month')], default='', help_text='For a total (applications registered, people trained): the whole period, or one year or month of it.', max_length=10, verbose_name='the figures count'),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
