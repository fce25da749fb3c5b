"""Evidence of an automatic link: where the article writes each mention, as stored on the link.

A link row keeps ``evidence``: a compact JSON list of ``[field, start, end]`` (``field`` one of
``TEXT_FIELDS``) such that ``article.<field>[start:end]`` is the mention as written. The importer
computes it (``articles.ingest.entities.evidence``); the API shows it as objects; the admin
highlights it. Plain Python: models, ingestion and adapters all read it from here.
"""

from collections.abc import Iterable

# The article's text fields, in the order the entity text joins them.
TEXT_FIELDS = ("title", "summary", "body")
_ORDER = {name: index for index, name in enumerate(TEXT_FIELDS)}


def rows(found: Iterable[Iterable]) -> list[list]:
    """``[[field, start, end], …]`` in text order, each once: the stored form."""
    unique = {(str(field), int(start), int(end)) for field, start, end in found}
    return [list(row) for row in sorted(unique, key=lambda row: (_ORDER[row[0]], *row[1:]))]


def merged(*groups: Iterable[Iterable] | None) -> list[list]:
    """Stored evidence lists joined into one (two links of one person made one)."""
    return rows(row for group in groups for row in group or ())


def as_objects(stored: Iterable[Iterable] | None) -> list[dict]:
    """The API's form: ``[{"field", "start", "end"}, …]``."""
    return [{"field": f, "start": s, "end": e} for f, s, e in stored or ()]


def without_fields(stored: Iterable[Iterable] | None, fields: Iterable[str]) -> list[list]:
    """The evidence left when these fields changed (their offsets no longer hold)."""
    gone = set(fields)
    return [list(row) for row in stored or () if row[0] not in gone]
