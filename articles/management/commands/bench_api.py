"""Benchmark the REST API on a generated corpus in the configured PostgreSQL database."""

import json

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.benchmarks import api_bench, api_corpus
from articles.models import Article, Person, Source, Story


class Command(BaseCommand):
    help = (
        "Measure API latency next to plain JsonResponse views on a generated corpus; print a "
        "markdown section (or --json). Needs PostgreSQL; point DATABASE_URL at a scratch database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000, help="corpus size")
        parser.add_argument("--repeat", type=int, default=200, help="requests per measurement")
        parser.add_argument("--json", action="store_true", help="print the figures as JSON")
        parser.add_argument(
            "--reset", action="store_true", help="DESTRUCTIVE: empty the article tables first"
        )

    def handle(self, *args, articles, repeat, json, reset, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "bench_api needs PostgreSQL: set DATABASE_URL to a scratch database."
            )
        call_command("migrate", verbosity=0)
        self.ensure_corpus(articles, reset)
        figures = api_bench.run(repeat)
        self.stdout.write(_json(figures) if json else api_bench.render(figures))

    def ensure_corpus(self, size: int, reset: bool) -> None:
        if reset:
            Article.objects.all().delete()
            Story.objects.all().delete()
            Person.objects.all().delete()
            Source.objects.all().delete()
        stored, ours = Article.objects.count(), api_corpus.bench_articles().count()
        if stored == ours == size:
            return
        if stored:
            raise CommandError(
                f"The database holds {stored} articles, not the {size}-article bench corpus: "
                "use a scratch database, or --reset to empty it (destroys its articles)."
            )
        self.stderr.write(f"bench_api: generating {size} articles…")
        api_corpus.build(size)


def _json(figures: dict) -> str:
    return json.dumps(figures, indent=2)
