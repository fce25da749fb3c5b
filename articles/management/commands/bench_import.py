"""Measure imports on the configured database and print the figures as JSON.

It empties the imported rows of that database first: point DATABASE_URL at a scratch database.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.benchmarks import import_bench


class Command(BaseCommand):
    help = "Benchmark imports (DESTRUCTIVE: empties articles, persons and sources of this DB)."

    def add_arguments(self, parser):
        parser.add_argument("--seeds", type=Path, default=settings.BASE_DIR / "seeds")
        parser.add_argument("--articles", type=int, default=5000, help="synthetic corpus size")

    def handle(self, *args, seeds, articles, **options):
        results = import_bench.run(seeds, articles)
        results["database"] = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(json.dumps(results, indent=2))
