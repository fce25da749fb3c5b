"""The change feed's horizon: the newest ``updated_at`` that no uncommitted change can precede."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import connections
from django.utils import timezone

# When the oldest transaction that has written (holds a transaction id) began, other than ours.
OLDEST_WRITER_SQL = """
    SELECT min(xact_start) FROM pg_stat_activity
    WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()
"""


def horizon(alias: str = "default") -> datetime:
    """``NEWSDB_FEED_SETTLE_SECONDS`` ago, or the start of the oldest open write transaction if
    earlier (PostgreSQL; SQLite runs one writer at a time, which the settle time must cover)."""
    moment = timezone.now() - timedelta(seconds=settings.NEWSDB_FEED_SETTLE_SECONDS)
    connection = connections[alias]
    if connection.vendor != "postgresql":
        return moment
    with connection.cursor() as cursor:
        # Activity statistics are read once per transaction: inside one, read them afresh.
        if connection.in_atomic_block:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(OLDEST_WRITER_SQL)
        oldest = cursor.fetchone()[0]
    return min(moment, oldest) if oldest is not None else moment
