"""Rows of a link table as one JSON array per article, built by the database in one query.

A list page then costs one query: no per-link model instances, no prefetch queries. The SQL is
written out (``jsonb_agg`` on PostgreSQL, ``json_group_array`` elsewhere) because compiling the
equivalent ORM subqueries took longer than running them. It reads the outer article as
``articles_article``: use it on querysets whose base table is not relabelled (not as a subquery).
"""

from django.db.models import JSONField
from django.db.models.expressions import RawSQL

OUTER_ID = '"articles_article"."id"'
AGGREGATE = {
    "postgresql": "SELECT jsonb_agg(jsonb_build_object({pairs})) FROM {tables} WHERE {where}",
    "other": "SELECT json_group_array(json_object({pairs})) FROM {tables} WHERE {where}",
}


class Nested(str):
    """A column holding JSON: nested as JSON, not as a string (SQLite needs ``json()``)."""

    def spelled(self, vendor: str) -> str:
        return self if vendor == "postgresql" else f"json({self})"


class VendorSQL(RawSQL):
    """A raw SQL expression with a PostgreSQL spelling and a portable one."""

    def __init__(self, by_vendor: dict[str, str], output_field=None):
        self.by_vendor = by_vendor
        super().__init__(by_vendor["other"], (), output_field)

    def as_postgresql(self, compiler, connection, **extra_context):
        return f"({self.by_vendor['postgresql']})", []


def json_rows(tables: str, where: str, **fields: str) -> VendorSQL:
    """A JSON array of objects, one per row of ``tables`` linked to the outer article.

    ``where`` may use ``{outer}`` for the outer article's id; ``fields`` maps each key to a
    column expression (``Nested`` for a JSON column). No rows gives ``None`` on PostgreSQL and
    ``[]`` elsewhere.
    """
    clause = where.format(outer=OUTER_ID)
    return VendorSQL(
        {
            vendor: sql.format(pairs=_pairs(fields, vendor), tables=tables, where=clause)
            for vendor, sql in AGGREGATE.items()
        },
        output_field=JSONField(),
    )


def _pairs(fields: dict[str, str], vendor: str) -> str:
    spelled = {
        key: column.spelled(vendor) if isinstance(column, Nested) else column
        for key, column in fields.items()
    }
    return ", ".join(f"'{key}', {column}" for key, column in spelled.items())
