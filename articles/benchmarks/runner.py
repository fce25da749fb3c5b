"""Run every benchmark in its own process against scratch databases and write the report.

Each database gets a scratch copy (a temporary SQLite file; a ``newsdb_bench`` PostgreSQL
database) so benchmarks never touch the operator's data.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from django.conf import settings

from articles.benchmarks.synthetic import write_corpus

MANAGE = str(settings.BASE_DIR / "manage.py")


def manage(args: list[str], database_url: str) -> subprocess.CompletedProcess:
    """Run a management command in a child process on the given database."""
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, MANAGE, *args], env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return result


def peak_rss_mb(args: list[str], database_url: str) -> float:
    """Peak resident memory (MB) of a management command run in a child process."""
    env = {**os.environ, "DATABASE_URL": database_url}
    child = subprocess.Popen(
        [sys.executable, MANAGE, *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{args} failed")
    return usage.ru_maxrss / 1024


def import_figures(database_url: str, articles: int) -> dict:
    manage(["migrate", "--noinput", "-v0"], database_url)
    return json.loads(manage(["bench_import", "--articles", str(articles)], database_url).stdout)


def memory_figures(sizes: list[int]) -> dict[int, float]:
    """Peak RSS of a whole import of synthetic corpora of growing size, each on a fresh DB."""
    figures = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sizes:
            url = f"sqlite:///{scratch}/memory-{size}.sqlite3"
            manage(["migrate", "--noinput", "-v0"], url)
            corpus = write_corpus(Path(scratch) / f"corpus-{size}", size)
            # One process, model included: the figure is that process's peak.
            figures[size] = peak_rss_mb(
                ["import_seeds", str(corpus[0].parent), "--workers", "1"], url
            )
    return figures


def postgres_url(name: str = "newsdb_bench") -> str | None:
    """A scratch PostgreSQL database, created if the server is reachable; else None."""
    base = os.environ.get("NEWSDB_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres")
    try:
        with psycopg.connect(base.replace("postgres://", "postgresql://"), autocommit=True) as c:
            query = "SELECT 1 FROM pg_database WHERE datname = %s"
            if not c.execute(query, [name]).fetchone():
                c.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:  # no PostgreSQL to measure on
        return None
    return base.rsplit("/", 1)[0] + f"/{name}"
