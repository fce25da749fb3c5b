"""Score person and country extraction against the hand-annotated gold files."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest.entities.evaluate import GoldError, evaluate, load_gold
from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog

GOLD_FILES = ("tests/gold/entities.json", "tests/gold/entities_heldout.json")


class Command(BaseCommand):
    help = (
        "Run the extractor over the gold articles and report person and country precision, "
        "recall and F1 (micro, per-article sets), and articles left without a topic."
    )

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", help="gold files (default: both in tests/gold/)")
        parser.add_argument("--json", dest="as_json", action="store_true", help="print JSON")
        parser.add_argument(
            "--errors", action="store_true", help="list each article's extra and missed entities"
        )

    def handle(self, *args, gold, as_json, errors, **options):
        base = Path(settings.BASE_DIR)
        paths = [Path(p) for p in gold] or [base / p for p in GOLD_FILES]
        try:  # every file is checked before the model loads
            golds = {path.name: load_gold(path, base / "seeds") for path in paths}
        except GoldError as error:
            raise CommandError(str(error)) from error
        extractor = Extractor(load_catalog())
        results = {}
        for name, articles in golds.items():
            extracted = extractor.extract([article.item for article in articles])
            results[name] = evaluate(articles, extracted).as_dict()
        if as_json:
            self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))
            return
        for name, result in results.items():
            self.print_result(name, result, errors)

    def print_result(self, name: str, result: dict, errors: bool) -> None:
        self.stdout.write(f"{name}: {result['articles']} articles")
        for kind in ("persons", "countries"):
            s = result[kind]
            self.stdout.write(
                f"  {kind:<9} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}"
                f"  (tp={s['tp']} fp={s['fp']} fn={s['fn']})"
            )
        self.stdout.write(f"  articles without a topic: {len(result['articles_without_topic'])}")
        if errors:
            for key, diff in result["errors"].items():
                self.stdout.write(f"  {key}: {diff}")
