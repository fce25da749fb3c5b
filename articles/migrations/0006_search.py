"""Full-text search on PostgreSQL: stored, weighted tsvectors over each article and a GIN index.

``search_vector`` (title A, summary B, body C; GIN-indexed) finds the matches.
``search_rank_vector`` (title A, summary B, the body's first 300 characters C) ranks them: it
stays small enough to be stored in the row, so ranking thousands of matches reads no TOAST
(measured on 100,000 articles: 14 ms instead of 45 ms for 7,300 matches).

Only PostgreSQL gets them; SQLite has an FTS5 index instead (``0007_search_fts5``).
The columns are invisible to Django's model state, so ``makemigrations`` never sees them. PostgreSQL refuses to change the type of a column a generated
column reads: a later migration that alters title, summary or body must drop both columns first
and re-run ``ADD_VECTOR`` afterwards.
"""

from django.db import migrations

ADD_VECTOR = [
    """
ALTER TABLE articles_article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')
) STORED""",
    """
ALTER TABLE articles_article ADD COLUMN search_rank_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, left(coalesce(body, ''), 300)), 'C')
) STORED""",
    "CREATE INDEX article_search_vector ON articles_article USING gin (search_vector)",
]

DROP_VECTOR = [
    "DROP INDEX IF EXISTS article_search_vector",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_rank_vector",
    "ALTER TABLE articles_article DROP COLUMN IF EXISTS search_vector",
]


def on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_editor_groups")]

    operations = [
        migrations.RunPython(on_postgresql(ADD_VECTOR), on_postgresql(DROP_VECTOR)),
    ]
