"""PostgreSQL: text search configurations for practices written in Portuguese and in English, so that
each practice's text is stemmed in its own language (search/backends/postgres.py). Nothing to do on
other databases. Existing rows take them at the next `manage.py update_index`.

- Portuguese: the stock `portuguese` stemmer and stop words, accents kept: Snowball reduces
  "-ções" and "-ção" to one stem only with their accents ("notificações" and "notificação" share
  "notific"; folded first they would not). Queries typed without accents reach these rows through
  the trigram fallback and the spelling correction.
- English: `unaccent` then the English stemmer, like the Spanish configuration of migration 0001.
"""

from django.db import migrations

CREATE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'buenaspracticas_pt') THEN
        CREATE TEXT SEARCH CONFIGURATION buenaspracticas_pt (COPY = portuguese);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'buenaspracticas_en') THEN
        CREATE TEXT SEARCH CONFIGURATION buenaspracticas_en (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION buenaspracticas_en
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END
$$;
"""

DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS buenaspracticas_pt;
DROP TEXT SEARCH CONFIGURATION IF EXISTS buenaspracticas_en;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("practice_search", "0007_regional_vocabulary")]

    operations = [migrations.RunPython(forwards, backwards)]
