"""Production settings come from the environment and pass Django's deployment checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_settings_production_passes_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_refuse_production_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_settings_development_default_is_debug_on_sqlite():
    from django.conf import settings

    if "DATABASE_URL" not in os.environ:
        assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")
    result = manage("diffsettings", "--all")
    assert "DEBUG = True" in result.stdout


def log_once_script(logger: str, level: str) -> str:
    return (
        "import django, logging; django.setup(); "
        f"logging.getLogger({logger!r}).{level}('a line to count')"
    )


def test_settings_logging_prints_each_django_line_once():
    for logger, level in [("django.utils.autoreload", "info"), ("django.request", "warning")]:
        result = subprocess.run(
            [sys.executable, "-c", log_once_script(logger, level)],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsdb.settings"},
            capture_output=True,
            text=True,
        )
        printed = result.stdout + result.stderr
        assert printed.count("a line to count") == 1, (logger, printed)


def parallel_workers(**env) -> str:
    """What a PostgreSQL connection made by these settings says of parallel query."""
    script = (
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('SHOW max_parallel_workers_per_gather'); "
        "workers = cursor.fetchone()[0]; cursor.execute('SHOW jit'); "
        "print(workers, cursor.fetchone()[0])"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NEWSDB_PG_")}
    environment.update(DJANGO_SETTINGS_MODULE="newsdb.settings", **env)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_settings_turn_parallel_query_and_jit_off_unless_told():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    url = os.environ["DATABASE_URL"]
    assert parallel_workers(DATABASE_URL=url) == "0 off"
    assert parallel_workers(DATABASE_URL=url, NEWSDB_PG_PARALLEL_WORKERS="2") == "2 off"
