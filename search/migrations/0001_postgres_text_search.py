"""PostgreSQL: Spanish stemming with accents folded, and accent folding for autocomplete.

Nothing to do on other databases. Fuzzy search would need `unaccent` before `pg_trgm` (in that order).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'buenaspracticas_es') THEN
        CREATE TEXT SEARCH CONFIGURATION buenaspracticas_es (COPY = spanish);
        ALTER TEXT SEARCH CONFIGURATION buenaspracticas_es
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'buenaspracticas_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION buenaspracticas_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION buenaspracticas_simple
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""

DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS buenaspracticas_es;
DROP TEXT SEARCH CONFIGURATION IF EXISTS buenaspracticas_simple;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forwards, backwards)]
