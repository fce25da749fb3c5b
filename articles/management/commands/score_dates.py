"""Score the dates the extraction gives articles against hand-annotated gold files."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest.entities.evaluate_dates import date_errors, load_date_gold, score_dates
from articles.ingest.entities.gold import GoldError
from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog

GOLD_FILES = ("tests/gold/dates.json",)
HEADER = (
    "| gold | articles | dated by the gold | predicted | correct | precision | recall | F1 "
    "| nulls kept |"
)


class Command(BaseCommand):
    help = (
        "Run the real extraction over the gold articles and report the precision and recall of "
        "their `dated` values, and how many articles the gold leaves undated stayed undated."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", help=f"gold files (default: {GOLD_FILES[0]})")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
        parser.add_argument(
            "--errors", action="store_true", help="list each article whose date is wrong"
        )

    def handle(self, *args, gold, as_json, errors, **options):
        base = Path(settings.BASE_DIR)
        paths = [Path(p) for p in gold] or [base / p for p in GOLD_FILES]
        try:  # every file is checked before the model loads
            golds = {path.name: load_date_gold(path, base / "seeds") for path in paths}
        except GoldError as error:
            raise CommandError(str(error)) from error
        extractor = Extractor(load_catalog())
        results = {}
        if not as_json:
            self.stdout.write(HEADER)
            self.stdout.write("| --- " * 9 + "|")
        for name, entries in golds.items():
            found = [one.dated for one in extractor.extract([entry.item for entry in entries])]
            results[name] = score_dates(entries, found).as_dict()
            if not as_json:
                self.print_row(name, len(entries), results[name])
            if errors:
                self.print_errors(date_errors(entries, found), as_json)
        if as_json:
            self.stdout.write(json.dumps(results, indent=2))

    def print_row(self, name: str, articles: int, result: dict) -> None:
        self.stdout.write(
            f"| {name} | {articles} | {result['gold']} | {result['predicted']} "
            f"| {result['correct']} | {result['precision']:.3f} | {result['recall']:.3f} "
            f"| {result['f1']:.3f} | {result['nulls_kept']} / {result['nulls']} |"
        )

    def print_errors(self, errors, as_json: bool) -> None:
        say = self.stderr.write if as_json else self.stdout.write
        for error in errors:
            say(f"    {error.key}: expected {error.expected}, found {error.found}")
