"""A changelist paginator that never counts a million rows on a page view."""

from functools import cached_property

from django.core.paginator import Paginator
from django.db import connections

# Past this many rows a list shows "about N" pages: an estimate (unfiltered, PostgreSQL) or this
# cap (filtered). Counting the first CAP + 1 matches costs a bounded amount, whatever the filter.
CAP = 10_000


class EstimatedCountPaginator(Paginator):
    """Counts exactly up to ``CAP`` rows; beyond, an estimate (see ``count``)."""

    @cached_property
    def count(self) -> int:
        """The number of rows, exact up to ``CAP``.

        Beyond: the planner's row estimate of the table (``pg_class.reltuples``) when the list
        is unfiltered on PostgreSQL, else ``CAP`` (the later pages of a filtered list of more
        than ``CAP`` rows are reached by narrowing the filter).
        """
        queryset = self.object_list
        # Only the ids: the list's computed columns (each a subquery) are no part of a count.
        counted = queryset.order_by().values("pk")[: CAP + 1].count()
        if counted <= CAP:
            return counted
        return max(self._estimate(queryset) or CAP, CAP)

    @staticmethod
    def _estimate(queryset) -> int | None:
        connection = connections[queryset.db]
        if connection.vendor != "postgresql" or queryset.query.where:
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [queryset.model._meta.db_table],
            )
            row = cursor.fetchone()
        return row[0] if row and row[0] > 0 else None
