"""New rows written in bulk: COPY on PostgreSQL, one multi-row INSERT elsewhere.

For tables an import fills with tens of rows per article (copy bands, story keys): building an
INSERT's parameters costs more than the rows' own work, and COPY skips it. Only for rows that
cannot conflict (the INSERT's ``ON CONFLICT`` has no COPY counterpart).
"""

from collections.abc import Sequence

from django.db import connection, models


def copy_rows(model: type[models.Model], columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert ``rows`` (tuples of ``columns`` values, column names as in the table)."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create([model(**dict(zip(columns, row, strict=True))) for row in rows])
        return
    sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def set_column(model: type[models.Model], column: str, values: dict[int, int | None]) -> None:
    """Set one integer column of many rows (id → value): on PostgreSQL one ``UPDATE … FROM
    (VALUES …)`` (``bulk_update``'s ``CASE`` over every id costs more than the rows it writes)."""
    if not values:
        return
    if connection.vendor != "postgresql":
        rows = [model(pk=pk, **{column: value}) for pk, value in values.items()]
        model.objects.bulk_update(rows, [column.removesuffix("_id")], batch_size=500)
        return
    marks = ", ".join(["(%s::bigint, %s::bigint)"] * len(values))
    table = connection.ops.quote_name(model._meta.db_table)
    sql = (
        f"UPDATE {table} SET {connection.ops.quote_name(column)} = v.value "
        f"FROM (VALUES {marks}) AS v(id, value) WHERE {table}.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [x for pair in values.items() for x in pair])
