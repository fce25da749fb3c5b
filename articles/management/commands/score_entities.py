"""Score person and country extraction against the hand-annotated gold files."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest.entities.evaluate import GoldError, evaluate, load_gold
from articles.ingest.extract import Extractor
from articles.ingest.gold_import import score_imports
from articles.ingest.persist.catalog import load_catalog
from articles.models import Person

GOLD_FILES = (
    "tests/gold/entities.json",
    "tests/gold/entities_heldout.json",
    "tests/gold/entities_unseen.json",
    "tests/gold/entities_fresh.json",
    "tests/gold/entities_fresh2.json",
    "tests/gold/entities_fresh3.json",
    "tests/gold/entities_fresh4.json",
    "tests/gold/entities_fresh5.json",
    "tests/gold/entities_fresh6.json",
    "tests/gold/entities_fresh7.json",
    "tests/gold/entities_fresh8.json",
    "tests/gold/entities_fresh9.json",
    "tests/gold/entities_fresh10.json",
    "tests/gold/entities_fresh11.json",
    "tests/gold/entities_fresh12.json",
    "tests/gold/entities_fresh13.json",
    "tests/gold/entities_fresh14.json",
    "tests/gold/entities_fresh15.json",
    "tests/gold/entities_fresh16.json",
    "tests/gold/entities_fresh17.json",
    "tests/gold/entities_fresh18.json",
    "tests/gold/entities_fresh19.json",
    "tests/gold/entities_fresh20.json",
    "tests/gold/entities_fresh21.json",
    "tests/gold/entities_fresh22.json",
    "tests/gold/entities_fresh23.json",
    "tests/gold/entities_fresh24.json",
)


class Command(BaseCommand):
    help = (
        "Run the extractor over the gold articles and report person and country precision, "
        "recall and F1 (micro, per-article sets), junk persons, and articles without a topic. "
        "With --import: import the gold dumps into the configured database and score what "
        "was stored, then re-extract (--passes) and score again."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", help="gold files (default: all in tests/gold/)")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
        parser.add_argument(
            "--errors", action="store_true", help="list each article's extra and missed entities"
        )
        parser.add_argument(
            "--import",
            dest="do_import",
            action="store_true",
            help="import the gold dumps into the configured database and score the stored links",
        )
        parser.add_argument(
            "--passes",
            type=int,
            default=2,
            help="with --import: 1 import pass, then re-extraction passes (default 2 in all)",
        )

    def handle(self, *args, gold, as_json, errors, do_import, passes, **options):
        base = Path(settings.BASE_DIR)
        paths = [Path(p) for p in gold] or [base / p for p in GOLD_FILES]
        try:  # every file is checked before the model loads
            golds = {path.name: load_gold(path, base / "seeds") for path in paths}
        except GoldError as error:
            raise CommandError(str(error)) from error
        if passes < 1:
            raise CommandError("--passes must be 1 or more.")
        if do_import:
            self.score_imports(golds, passes, as_json, errors)
        else:
            self.score_extraction(golds, as_json, errors)

    def score_extraction(self, golds: dict, as_json: bool, errors: bool) -> None:
        extractor = Extractor(load_catalog())
        every = [article for articles in golds.values() for article in articles]
        results = {}
        for name, articles in golds.items():
            extracted = extractor.extract([article.item for article in articles])
            results[name] = evaluate(articles, extracted, every).as_dict()
        if as_json:
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
            return
        for name, result in results.items():
            self.print_result(name, result, errors)

    def score_imports(self, golds: dict, passes: int, as_json: bool, errors: bool) -> None:
        before = Person.objects.count()
        say = self.stderr.write if as_json else self.stdout.write
        inline = sum(not article.dump for articles in golds.values() for article in articles)
        if inline == sum(map(len, golds.values())):
            raise CommandError("--import needs gold articles from dumps (`dump` or `file`).")
        if inline:
            say(f"{inline} gold article(s) given as inline text have no dump: not imported")

        def on_pass(number: int) -> None:
            what = "import" if number == 1 else "re-extraction with the registry"
            say(f"pass {number}: {what} (registry: {Person.objects.count()} persons)")

        try:
            runs = score_imports(
                golds, passes=passes, max_bytes=settings.NEWSDB_MAX_DUMP_BYTES, on_pass=on_pass
            )
        except ValueError as error:
            raise CommandError(f"the import failed: {error}") from error
        if as_json:
            report = {"persons_before": before, "passes": [run.as_dict() for run in runs]}
            self.stdout.write(json.dumps(report, indent=2, ensure_ascii=False))
            return
        for run in runs:
            self.stdout.write(f"== pass {run.number}")
            for name, evaluation in [*run.files.items(), ("overall", run.overall)]:
                self.print_result(name, evaluation.as_dict(), errors)

    def print_result(self, name: str, result: dict, errors: bool) -> None:
        self.stdout.write(f"{name}: {result['articles']} articles")
        for kind in ("persons", "countries"):
            s = result[kind]
            self.stdout.write(
                f"  {kind:<9} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}"
                f"  (tp={s['tp']} fp={s['fp']} fn={s['fn']})"
            )
        junk = result["junk_persons"]
        self.stdout.write(
            f"  junk persons: {len(junk)} ({result['junk_per_50_articles']:.2f} per 50 articles)"
            + (f": {', '.join(junk)}" if errors and junk else "")
        )
        credits = result["photographers"]
        if credits["credited"]:
            self.stdout.write(
                f"  photographers found: {credits['found']} of {credits['credited']} credited"
            )
        self.stdout.write(f"  articles without a topic: {len(result['articles_without_topic'])}")
        if errors:
            for key, diff in result["errors"].items():
                self.stdout.write(f"  {key}: {diff}")
