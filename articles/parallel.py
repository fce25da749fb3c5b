"""PostgreSQL's parallel query for the few statements that aggregate a large selection.

newsdb's connections start with parallel query off (``NEWSDB_PG_PARALLEL_WORKERS``): a page
read through an index stops after a page, and workers would scan ahead of it. Counting the
links of a third of a million articles is the opposite case, and splitting that scan between
the cores is most of what makes it fast, so such a block turns it on for its own transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def parallel_query(workers: int, using: str = "default") -> Iterator[None]:
    """The block's statements may use ``workers`` parallel workers each (PostgreSQL only).

    The block runs in a transaction (a savepoint inside another); the session's own setting is
    back when it ends, also inside a longer transaction (a request's, a test's).
    """
    connection = connections[using]
    if connection.vendor != "postgresql" or workers <= 0:
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL max_parallel_workers_per_gather = {int(workers)}")
        yield
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather TO DEFAULT")
