"""Articles as JSON Lines or CSV, written a batch at a time in constant memory.

``manage.py export_articles`` and ``GET /api/articles/export/`` write the same lines: one
``ArticleSerializer`` representation per article (CSV: flattened), in id order.

Batches seek past the last id sent (``WHERE id > …  ORDER BY id LIMIT n``), each a short query,
rather than one server-side cursor: outside a transaction Django declares that cursor ``WITH
HOLD``, and PostgreSQL then computes the whole result before the first row is sent.
"""

import csv
import io
import json
from collections.abc import Iterator

from articles.api.serializers import ArticleSerializer

BATCH_SIZE = 500
FORMATS = {"jsonl": "application/x-ndjson", "csv": "text/csv"}  # format → media type
CSV_COLUMNS = [
    "id", "title", "title_derived", "summary", "body", "authors", "photographers", "source",
    "original_source", "section", "topics", "iptc_codes", "persons", "countries", "status",
    "needs_review", "review_reasons", "duplicate_of", "duplicates", "dated", "dated_source",
    "provenance_file", "provenance_line_start", "provenance_line_end", "provenance_sha256",
    "created_at", "updated_at", "story",
]  # fmt: skip


def batches(queryset, size: int = BATCH_SIZE) -> Iterator[list]:
    """The queryset's rows in id order, ``size`` at a time (one query per batch)."""
    queryset, last = queryset.order_by("pk"), None
    while True:
        batch = list((queryset if last is None else queryset.filter(pk__gt=last))[:size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def representations(queryset, size: int = BATCH_SIZE) -> Iterator[dict]:
    """Each article's API representation (read it from ``for_representation()``)."""
    for batch in batches(queryset, size):
        yield from ArticleSerializer(batch, many=True).data


def csv_row(data: dict) -> list:
    """Flatten one representation: lists become "; "-joined names, sources their names;
    ``iptc_codes``: the distinct IPTC Media Topics codes of its topics."""
    provenance = data["provenance"]
    flat = {
        **data,
        "authors": "; ".join(data["authors"]),
        "photographers": "; ".join(data["photographers"]),
        "source": (data["source"] or {}).get("name", ""),
        "original_source": (data["original_source"] or {}).get("name", ""),
        "topics": "; ".join(topic["slug"] for topic in data["topics"]),
        "iptc_codes": "; ".join(sorted({t["iptc_code"] for t in data["topics"] if t["iptc_code"]})),
        "persons": "; ".join(person["name"] for person in data["persons"]),
        "countries": "; ".join(country["code"] for country in data["countries"]),
        "duplicate_of": data["duplicate_of"] or "",
        "duplicates": "; ".join(map(str, data["duplicates"])),
        "review_reasons": "; ".join(data["review_reasons"]),
        "story": (data["story"] or {}).get("id", ""),
        **{f"provenance_{key}": value for key, value in provenance.items()},
    }
    flat["provenance_file"] = provenance["file"]
    return [flat[column] for column in CSV_COLUMNS]


def jsonl_lines(queryset, size: int = BATCH_SIZE) -> Iterator[str]:
    for data in representations(queryset, size):
        yield json.dumps(data, ensure_ascii=False) + "\n"


def csv_lines(queryset, size: int = BATCH_SIZE) -> Iterator[str]:
    """The header, then one CSV record per article (quoted as the csv module does)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for data in representations(queryset, size):
        writer.writerow(csv_row(data))
        yield _drain(buffer)
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def lines(queryset, format: str, size: int = BATCH_SIZE) -> Iterator[str]:
    """The export of ``queryset`` in ``format`` (a key of ``FORMATS``)."""
    return (csv_lines if format == "csv" else jsonl_lines)(queryset, size)
