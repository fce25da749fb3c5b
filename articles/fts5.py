"""The SQLite FTS5 index of articles (see migration ``0007_search_fts5``): its table and triggers.

Django rebuilds a SQLite table to alter it, which drops the table's triggers; ``ensure_triggers``
runs after every ``migrate`` so that a later migration altering ``articles_article`` cannot leave
the search index silently out of sync.
"""

FTS = "articles_article_fts"
COLUMNS = "title, summary, lead, body"
# PostgreSQL ranks on the body's first 300 characters (search_rank_vector): so does "lead".
NEW = "new.id, new.title, new.summary, substr(new.body, 1, 300), new.body"
OLD = "old.id, old.title, old.summary, substr(old.body, 1, 300), old.body"

CREATE_TABLE = [
    f"""CREATE VIRTUAL TABLE {FTS} USING fts5(
    {COLUMNS}, content='', tokenize='porter unicode61 remove_diacritics 0'
)""",
]

CREATE_TRIGGERS = [
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_insert AFTER INSERT ON articles_article BEGIN
    INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES ({NEW});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_delete AFTER DELETE ON articles_article BEGIN
    INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', {OLD});
END""",
    f"""CREATE TRIGGER IF NOT EXISTS {FTS}_update
AFTER UPDATE OF title, summary, body ON articles_article BEGIN
    INSERT INTO {FTS}({FTS}, rowid, {COLUMNS}) VALUES ('delete', {OLD});
    INSERT INTO {FTS}(rowid, {COLUMNS}) VALUES ({NEW});
END""",
]


def ensure_triggers(sender, using: str = "default", **kwargs) -> None:
    """A ``post_migrate`` receiver: recreate the sync triggers where the FTS5 table exists."""
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite" or FTS not in connection.introspection.table_names():
        return
    with connection.cursor() as cursor:
        for sql in CREATE_TRIGGERS:
            cursor.execute(sql)
