"""Helpers for tests whose imports run in other processes against the test database."""

import os
import socket
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")


def require_postgres() -> None:
    """Skip unless the tests run on PostgreSQL: SQLite has one writer and no advisory locks."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL (run with DATABASE_URL=postgres://…): SQLite is single-writer"
        )


def require_redis(host: str = "127.0.0.1", port: int = 6379) -> None:
    """Skip unless a Redis server answers on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            if not sock.recv(16).startswith(b"+PONG"):
                raise OSError("not Redis")
    except OSError as error:
        pytest.skip(f"needs Redis on {host}:{port} (.ci/run starts redis-server): {error}")


def child_database_url() -> str:
    """A DATABASE_URL for the database this test runs on (pytest-django's test_… copy)."""
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: this one's, on the test database, one NER process."""
    return {
        **os.environ,
        "DATABASE_URL": child_database_url(),
        "NEWSDB_IMPORT_WORKERS": "1",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def manage_command(*args: str) -> list[str]:
    return [sys.executable, MANAGE, *args]
