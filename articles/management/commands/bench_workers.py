"""Measure import throughput with 1, 2… NER workers and print a Markdown table (and JSON).

It empties the imported rows of the configured database first: point DATABASE_URL at a scratch
database.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.benchmarks import workers_bench


class Command(BaseCommand):
    help = "Benchmark import_seeds --workers (DESTRUCTIVE: empties articles, persons, sources)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=5000, help="synthetic corpus size")
        parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
        parser.add_argument("--repeat", type=int, default=3, help="runs per worker count")
        parser.add_argument("--json", dest="as_json", action="store_true")

    def handle(self, *args, articles, workers, repeat, as_json, **options):
        counts = [int(n) for n in workers.split(",")]
        results = workers_bench.run(articles, counts, repeat)
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        if as_json:
            self.stdout.write(json.dumps(results, indent=2))
        else:
            self.stdout.write(workers_bench.markdown(results, database))
