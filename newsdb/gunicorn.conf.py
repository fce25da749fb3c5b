"""gunicorn's settings for ``make serve``; each can be overridden from the environment.

Workers: 2 × cores + 1 (gunicorn's advice for sync workers), at most ``NEWSDB_MAX_WORKERS``
(default 8), or exactly ``WEB_CONCURRENCY``. A worker silent for ``NEWSDB_WORKER_TIMEOUT`` seconds
(default 30) is killed and replaced; API queries are cut far sooner by the statement timeout
(``NEWSDB_STATEMENT_TIMEOUT_MS``, 5 s), so a slow query answers 503 instead of losing a worker.
"""

import os


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    except AttributeError:
        return os.cpu_count() or 1


def _workers() -> int:
    if os.environ.get("WEB_CONCURRENCY"):
        return int(os.environ["WEB_CONCURRENCY"])
    return min(2 * _cores() + 1, int(os.environ.get("NEWSDB_MAX_WORKERS", "8")))


wsgi_app = "newsdb.wsgi:application"
bind = os.environ.get("ADDR", "127.0.0.1:8000")
workers = _workers()
timeout = int(os.environ.get("NEWSDB_WORKER_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = 5000
max_requests_jitter = 500
# Refuse oversized request lines and headers before Django sees them.
limit_request_line = 8190
limit_request_fields = 100
accesslog = os.environ.get("NEWSDB_ACCESS_LOG", "-")
errorlog = "-"
# No control socket: it sits at one path per user, which two servers on one machine would share.
control_socket_disable = True
# Load Django and the URLs once in the master: workers fork ready (and share those pages of memory).
preload_app = True


def when_ready(server):
    """Import every view before forking, so no worker's first request pays for it."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (reading it imports the views)
