"""Indexes the search's own statements use (docs/performance.md).

- PostgreSQL: the text match is `(title || body) @@ query` on the index entries (modelsearch's
  stock predicate, kept so that its ranking stays the same); the GIN indexes modelsearch creates
  are on `title` and on `body` apart, which that expression cannot use: the match read every entry.
- Both databases: the listing without words sorts on `first_published_at DESC, id DESC`; the
  stock index has the date alone, and pages published together (imports) tie on it.
"""

from django.db import migrations

POSTGRES = [
    (
        "CREATE INDEX IF NOT EXISTS search_entry_title_body_gin ON wagtailsearch_indexentry USING gin ((title || body))",
        "DROP INDEX IF EXISTS search_entry_title_body_gin",
    ),
]
BOTH = [
    (
        "CREATE INDEX IF NOT EXISTS search_page_published_order ON wagtailcore_page (first_published_at DESC, id DESC)",
        "DROP INDEX IF EXISTS search_page_published_order",
    ),
]


def statements(apps, schema_editor, *, forward: bool):
    chosen = BOTH + (POSTGRES if schema_editor.connection.vendor == "postgresql" else [])
    for create, drop in chosen:
        schema_editor.execute(create if forward else drop)


class Migration(migrations.Migration):
    dependencies = [
        ("practice_search", "0006_richer_thesaurus"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, editor: statements(apps, editor, forward=True),
            lambda apps, editor: statements(apps, editor, forward=False),
        ),
    ]
