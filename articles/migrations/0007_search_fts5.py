"""Full-text search on SQLite: an FTS5 index of the articles, kept in sync by triggers.

``articles_article_fts`` indexes title, summary, the body's first 300 characters (``lead``:
ranking only, as PostgreSQL's ``search_rank_vector``) and body with the ``porter`` tokenizer. It
is contentless (the text stays in ``articles_article``; the index holds only terms) and its
rowid is the article's id. Triggers after insert, delete and an update of the three columns keep
it in sync on every write path (``bulk_create``, ``update()``, raw SQL); the migration fills it
from the existing rows. ``ArticleText`` is its unmanaged model, so searches can join it.

Only SQLite gets the table; PostgreSQL keeps its tsvector columns (``0006_search``). Django
rebuilds a SQLite table to alter it, which drops its triggers: a later migration that alters
``articles_article`` on SQLite must run ``CREATE_TRIGGERS`` again (a test checks they exist).
"""

import django.db.models.deletion
from django.db import migrations, models

import articles.search
from articles.fts5 import COLUMNS, CREATE_TABLE, CREATE_TRIGGERS, FTS

BACKFILL = [
    f"""INSERT INTO {FTS}(rowid, {COLUMNS})
SELECT id, title, summary, substr(body, 1, 300), body FROM articles_article""",
]

DROP = [
    f"DROP TRIGGER IF EXISTS {FTS}_update",
    f"DROP TRIGGER IF EXISTS {FTS}_delete",
    f"DROP TRIGGER IF EXISTS {FTS}_insert",
    f"DROP TABLE IF EXISTS {FTS}",
]


def on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5'), sqlite_version()")
            has_fts5, version = cursor.fetchone()
        if not has_fts5:
            raise RuntimeError(
                f"SQLite {version} (Python's sqlite3) was built without FTS5, which search "
                "needs: use a Python whose SQLite has FTS5, or PostgreSQL (DATABASE_URL)."
            )
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_search")]

    operations = [
        migrations.RunPython(on_sqlite(CREATE_TABLE + CREATE_TRIGGERS + BACKFILL), on_sqlite(DROP)),
        migrations.CreateModel(
            name="ArticleText",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="fts",
                        serialize=False,
                        to="articles.article",
                    ),
                ),
                ("document", articles.search.DocumentField(db_column="articles_article_fts")),
            ],
            options={"db_table": "articles_article_fts", "managed": False},
        ),
    ]
