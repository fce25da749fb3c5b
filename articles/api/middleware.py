"""A PostgreSQL ``statement_timeout`` around every API request.

Why a session-level ``SET`` and a ``RESET`` afterwards rather than ``SET LOCAL``: Django runs
requests in autocommit, where ``SET LOCAL`` outside a transaction block does nothing; it would need
the whole request in one transaction (``ATOMIC_REQUESTS``), which changes how writes commit and
how a caught ``IntegrityError`` behaves. Connections outlive a request (``CONN_MAX_AGE``), so the
timeout is reset when the request ends, and a connection that cannot be reset is closed, so no
other request, the admin or a command ever inherits it.
"""

import logging
from contextlib import ExitStack

from django.conf import settings
from django.db import DatabaseError, connections

from articles.api.exceptions import API_PREFIX, is_query_timeout, query_timeout

log = logging.getLogger(__name__)
SET_TIMEOUT = "SELECT set_config('statement_timeout', %s::text, false)"  # false: the session


class StatementTimeoutMiddleware:
    """Bound each statement of an ``/api/`` request by ``NEWSDB_STATEMENT_TIMEOUT_MS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.NEWSDB_STATEMENT_TIMEOUT_MS
        bounded = [
            connection
            for connection in connections.all(initialized_only=False)
            if connection.vendor == "postgresql"
        ]
        if timeout <= 0 or not bounded or not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        guards = [TimeoutGuard(connection, timeout) for connection in bounded]
        with ExitStack() as stack:
            for guard in guards:
                stack.enter_context(guard.connection.execute_wrapper(guard))
            try:
                return self.get_response(request)
            finally:
                for guard in guards:
                    guard.reset()

    def process_exception(self, request, exception):
        """A query cut outside DRF's views (which answer it themselves) is a 503 too."""
        if request.path_info.startswith(API_PREFIX) and is_query_timeout(exception):
            return query_timeout(request)
        return None


class TimeoutGuard:
    """An execute wrapper setting the timeout before a request's first query on a connection,
    so a request that reads nothing (the schema, an unknown URL) opens no connection for it."""

    def __init__(self, connection, timeout: int):
        self.connection, self.timeout, self.armed = connection, timeout, False

    def __call__(self, execute, sql, params, many, context):
        if not self.armed:
            _execute(self.connection, SET_TIMEOUT, [self.timeout])
            self.armed = True
        return execute(sql, params, many, context)

    def reset(self) -> None:
        if self.armed:
            _reset(self.connection)


def _execute(connection, sql: str, params=()) -> None:
    """Run a session command on the driver's connection: it is not one of the request's queries
    (query-count tests and ``connection.queries`` leave it out)."""
    connection.ensure_connection()
    with connection.wrap_database_errors:
        connection.connection.execute(sql, params)


def _reset(connection) -> None:
    try:
        _execute(connection, "RESET statement_timeout")
    except DatabaseError:
        log.warning("Could not reset statement_timeout; closing the connection.", exc_info=True)
        connection.close()
