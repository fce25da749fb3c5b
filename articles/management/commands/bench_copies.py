"""Time what finding syndicated copies adds to an import, per article (nothing is kept)."""

from django.core.management.base import BaseCommand
from django.db import connection

from articles.benchmarks.copies_bench import run


class Command(BaseCommand):
    help = (
        "Store N synthetic articles (every tenth a copy) a chunk at a time in a transaction "
        "rolled back at the end, and print the copy detection's cost per article."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000)

    def handle(self, *args, articles, **options):
        result = run(articles)
        self.stdout.write(
            f"{connection.vendor}, {result.articles:,} articles, {result.copies_found:,} copies "
            f"found: sketch {result.sketch_ms:.2f} ms per article; lookup, verification and "
            f"writes {result.first_tenth_ms:.2f} ms per article over the first tenth, "
            f"{result.last_tenth_ms:.2f} ms over the last"
        )
