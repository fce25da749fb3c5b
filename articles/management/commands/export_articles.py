"""Export articles as JSON Lines (the API's article representation) or CSV, ordered by id."""

import csv
import json
from datetime import UTC, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles.api.serializers import ArticleSerializer
from articles.models import Article

CHUNK_SIZE = 500
CSV_COLUMNS = [
    "id", "title", "title_derived", "summary", "body", "authors", "photographers", "source",
    "original_source", "section", "topics", "persons", "countries", "status", "needs_review",
    "review_reasons", "duplicate_of", "duplicates", "provenance_file",
    "provenance_line_start", "provenance_line_end", "provenance_sha256", "created_at", "updated_at",
    "story",
]  # fmt: skip


def parse_since(value: str) -> datetime:
    """An ISO date or date-time; a bare date means its midnight, UTC."""
    moment = parse_datetime(value)
    if moment is None and (day := parse_date(value)) is not None:
        moment = datetime.combine(day, time.min)
    if moment is None:
        raise CommandError(f"--since: {value!r} is not an ISO date or date-time (2026-11-23).")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


def csv_row(data: dict) -> list:
    """Flatten one representation: lists become "; "-joined names, sources their names."""
    provenance = data["provenance"]
    flat = {
        **data,
        "authors": "; ".join(data["authors"]),
        "photographers": "; ".join(data["photographers"]),
        "source": (data["source"] or {}).get("name", ""),
        "original_source": (data["original_source"] or {}).get("name", ""),
        "topics": "; ".join(topic["slug"] for topic in data["topics"]),
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


class Command(BaseCommand):
    help = "Write every article to stdout as JSON Lines (default) or CSV, ordered by id."

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=parse_since, help="only articles updated at or after this ISO date"
        )
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")

    def handle(self, *args, since, format, **options):
        articles = Article.objects.for_representation().order_by("id")
        if since:
            articles = articles.filter(updated_at__gte=since)
        writer = csv.writer(self.stdout, lineterminator="\n") if format == "csv" else None
        if writer:
            writer.writerow(CSV_COLUMNS)
        for article in articles.iterator(chunk_size=CHUNK_SIZE):
            data = ArticleSerializer(article).data
            if writer:
                writer.writerow(csv_row(data))
            else:
                self.stdout.write(json.dumps(data, ensure_ascii=False))
