"""Ranked full-text search ordered by the index on PostgreSQL, where the RUM extension exists.

A GIN index finds matches but cannot rank them: a search matching a quarter of a million
articles read and ranked every match before returning 50 (about a second). RUM (Debian's
``postgresql-15-rum``) keeps each lexeme's positions and weights in the index, so
``ORDER BY search_vector <=> query LIMIT n`` walks the matches best-first and stops.

Where the extension is not installed, nothing changes: the GIN index stays and search ranks with
``ts_rank`` (``articles.search`` checks which index the database has). SQLite has FTS5.
"""

from django.db import migrations

RUM_INDEX = "article_search_rum"
GIN_INDEX = "article_search_vector"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return  # not installed on this server: keep the GIN index
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS rum")
    schema_editor.execute(
        f"CREATE INDEX {RUM_INDEX} ON articles_article USING rum (search_vector rum_tsvector_ops)"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON articles_article USING gin (search_vector)"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_article_counts")]

    operations = [migrations.RunPython(forwards, backwards)]
