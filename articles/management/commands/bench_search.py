"""Benchmark full-text search on the synthetic corpus in the configured database."""

import json

from django.core.management import call_command
from django.core.management.base import BaseCommand

from articles.benchmarks import search_bench


class Command(BaseCommand):
    help = (
        "Time /api/articles/?search= on the synthetic corpus and print the figures as JSON "
        "(DESTRUCTIVE: empties articles, persons and sources of this database)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=5000, help="synthetic corpus size")
        parser.add_argument("--repeat", type=int, default=50, help="requests per query")

    def handle(self, *args, articles, repeat, **options):
        call_command("migrate", verbosity=0)
        figures = search_bench.run(articles, repeat)
        self.stdout.write(json.dumps(figures, indent=2))
