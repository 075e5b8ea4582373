"""PostgreSQL only: a GIN index on the search index's title and body vectors together.

The PostgreSQL search backend filters with `(title || body) @@ query`. The GIN
indexes Wagtail creates cover `title` and `body` one at a time, which that
expression cannot use, so every search read every index entry. SQLite searches
through its FTS5 table and needs nothing.
"""

from django.db import migrations

INDEX = "home_search_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
