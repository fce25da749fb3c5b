"""Time every parser and text helper on pathological dumps of growing size; print markdown."""

import json

from django.core.management.base import BaseCommand

from articles.benchmarks.parse_bench import SIZES, parse_figures
from articles.benchmarks.report import render_parse_section


class Command(BaseCommand):
    help = "Parse time against input size on pathological dumps (no database)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", type=int, nargs="+", default=list(SIZES), help="dump sizes in bytes"
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the figures as JSON"
        )

    def handle(self, *args, sizes, as_json, **options):
        figures = parse_figures(tuple(sizes))
        if as_json:
            self.stdout.write(json.dumps(figures, indent=2))
        else:
            self.stdout.write(render_parse_section(figures))
