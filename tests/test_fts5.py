"""The SQLite search index's triggers come back after any migrate that rebuilt the table."""

import pytest
from django.db import connection

from articles.apps import ArticlesConfig
from articles.fts5 import FTS, ensure_triggers

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's index")


def trigger_names() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {row[0] for row in cursor.fetchall()}


def test_ensure_triggers_recreates_triggers_a_table_rebuild_dropped(db):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS}_update")
    assert f"{FTS}_update" not in trigger_names()
    ensure_triggers(sender=ArticlesConfig, using="default")
    assert {f"{FTS}_{event}" for event in ("insert", "update", "delete")} <= trigger_names()


def test_migrate_signal_recreates_dropped_triggers(db):
    from django.core.management.sql import emit_post_migrate_signal

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {FTS}_insert")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert f"{FTS}_insert" in trigger_names()
