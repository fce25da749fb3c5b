"""Time the editors' desk (admin pages) over many synthetic articles; changes nothing."""

import json

from django.core.management.base import BaseCommand

from articles.benchmarks.admin_bench import admin_figures, render_admin_section


class Command(BaseCommand):
    help = (
        "Create N synthetic articles in a transaction, time the admin pages (median of R "
        "requests), print the figures and roll everything back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument("--json", dest="as_json", action="store_true")

    def handle(self, *args, articles, repeat, as_json, **options):
        figures = admin_figures(articles, repeat)
        self.stdout.write(
            json.dumps(figures, indent=2) if as_json else render_admin_section(figures)
        )
