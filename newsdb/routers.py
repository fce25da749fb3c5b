"""Reads from PostgreSQL replicas, writes to the primary, and every client reads its own writes.

Configured only when ``DATABASE_REPLICA_URLS`` names replicas (aliases ``replica1``, ``replica2``…).
The rule, chosen so that nobody ever sees their own change missing:

- only a web request with a safe method (GET, HEAD, OPTIONS) may read from a replica; commands,
  importers and Celery workers always read the primary (name resolution must see the last commit);
- inside a transaction, and for the rest of a request after its first write, reads go to the
  primary;
- a request that wrote, or used an unsafe method, sets a short-lived cookie
  (``DATABASE_REPLICA_PIN_SECONDS``) so that the same browser or API client reads the primary
  for its next requests too: the admin's redirect after "Save" shows the saved row even when the
  replica lags a little.
"""

import contextvars
import random

from django.conf import settings
from django.db import connections

PIN_COOKIE = "newsdb_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# Whether reads in the current context may go to a replica; False outside web requests.
_replica_reads = contextvars.ContextVar("newsdb_replica_reads", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in connections if alias.startswith("replica")]


class ReplicaRouter:
    """Reads to a random replica when allowed (see the module's rule); writes to ``default``."""

    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or not _replica_reads.get() or connections["default"].in_atomic_block:
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        _replica_reads.set(False)  # read-your-writes for the rest of this request
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"  # replicas follow the primary by replication


class ReplicaMiddleware:
    """Lets a safe request read from replicas, and pins a client that wrote to the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pinned = PIN_COOKIE in request.COOKIES
        safe = request.method in SAFE_METHODS
        token = _replica_reads.set(safe and not pinned)
        try:
            response = self.get_response(request)
            wrote = not safe or (not pinned and not _replica_reads.get())
        finally:
            _replica_reads.reset(token)
        if wrote:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
            )
        return response
