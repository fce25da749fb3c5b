"""Time the suspects queue over a synthetic person registry; changes nothing."""

import json

from django.core.management.base import BaseCommand

from articles.benchmarks.suspects_bench import suspects_figures


class Command(BaseCommand):
    help = (
        "Create N synthetic persons in a transaction, time judging them and the suspects "
        "queue's pages (median of R), print JSON and roll everything back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, default=50_000)
        parser.add_argument("--repeat", type=int, default=5)

    def handle(self, *args, persons, repeat, **options):
        self.stdout.write(json.dumps(suspects_figures(persons, repeat), indent=2))
