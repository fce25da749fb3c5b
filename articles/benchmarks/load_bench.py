"""The load benchmark of ``make bench``: gunicorn with production settings on a scratch database
of a few thousand articles, loaded by ``articles.benchmarks.load`` from this process."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings

from articles.benchmarks import load
from articles.benchmarks.runner import manage

CORPUS = 3000
BUILD_CORPUS = (
    "from articles.benchmarks import api_corpus\n"
    "from articles.models import Article\n"
    f"Article.objects.exists() or api_corpus.build({CORPUS})\n"
)


def load_figures(database_url: str, clients: int = 20, seconds: float = 30) -> dict:
    """Migrate and fill the scratch database, serve it with gunicorn, load it, stop it."""
    manage(["migrate", "--noinput", "-v0"], database_url)
    manage(["shell", "-c", BUILD_CORPUS], database_url)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", "newsdb/gunicorn.conf.py"],
        cwd=settings.BASE_DIR,
        env=_production_env(database_url, port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, server)
        busy = os.getloadavg()[0]  # other work on the machine shares the cores with the run
        return {**load.run(f"http://127.0.0.1:{port}", clients, seconds), "load_average": busy}
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def _production_env(database_url: str, port: int) -> dict:
    """DEBUG off, a throwaway secret; the rate limit lifted (every client shares one address)."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "ADDR": f"127.0.0.1:{port}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; a proxy does TLS in production
        "NEWSDB_THROTTLE_ANON": "1000000/minute",
        "NEWSDB_THROTTLE_USER": "1000000/minute",
        "NEWSDB_CACHE_PREFIX": f"bench-load-{secrets.token_hex(4)}",
        "NEWSDB_ACCESS_LOG": os.devnull,
    }


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen, patience: float = 120) -> None:
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not listen on port {port} within {patience} s")


def render_load_section(report: dict) -> str:
    return "\n".join(
        [
            "## API under load (gunicorn, PostgreSQL)",
            "",
            f"`make serve`'s gunicorn (newsdb/gunicorn.conf.py: 2 × cores + 1 sync workers) with "
            f"production settings (DEBUG off) on a scratch database of {CORPUS:,} generated "
            "articles; `manage.py bench_load` sends a seeded mix of article lists (40 %), "
            "searches (35 %) and stats (25 %) from this machine, each client one keep-alive "
            "connection sending back to back. The rate limit is lifted for the run (all clients "
            "share one address); client and server share the 2 cores, whose 1-minute load "
            f"average was {report['load_average']:.1f} when the run started.",
            "",
            load.render(report),
        ]
    )
