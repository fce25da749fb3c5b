"""Score the syndicated-copy detector against its hand-written gold set (no database needed)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.ingest.errors import IngestError
from articles.ingest.evaluate_copies import load_gold, score
from articles.ingest.persist.copies import copy_rule
from articles.ingest.pipeline import dump_paths, parse_path

DEFAULT_GOLD = Path("tests") / "gold" / "copies"


class Command(BaseCommand):
    help = (
        "Parse the dumps of a copies gold folder (*.txt and gold.json) in file order, find the "
        "copies as an import would, and print pair precision and recall."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--gold", default=str(settings.BASE_DIR / DEFAULT_GOLD))

    def handle(self, *args, gold, **options):
        folder = Path(gold)
        try:
            expected = load_gold(folder)
            items = [
                (f"{path.name}:{item.line_start}", item)
                for path in dump_paths([folder])
                for item in parse_path(path, settings.NEWSDB_MAX_DUMP_BYTES)[1]
            ]
        except (OSError, ValueError, KeyError, IngestError) as error:
            raise CommandError(f"{folder}: {error}") from error
        result = score(items, expected, copy_rule())
        wrong = sorted(map(sorted, result.predicted - result.gold))
        missed = sorted(map(sorted, result.gold - result.predicted))
        self.stdout.write(
            f"{result.items} items, {len(result.gold)} gold pairs, {len(result.predicted)} "
            f"predicted, {len(result.true_pairs)} right: precision {result.precision:.3f}, "
            f"recall {result.recall:.3f}; near misses taken for copies: "
            f"{len(result.near_misses_matched)}/{len(expected.near_misses)}; "
            f"sketch {result.sketch_ms_per_item:.3f} ms per item"
        )
        for pair in wrong:
            self.stdout.write(f"false copy: {' = '.join(pair)}")
        for pair in missed:
            self.stdout.write(f"missed copy: {' = '.join(pair)}")
