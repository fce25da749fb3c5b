"""Score the parsers against the hand-annotated gold set (no database needed)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.ingest.errors import IngestError
from articles.ingest.evaluate import FileScore, failed_file, format_table, load_gold, overall
from articles.ingest.evaluate import score_file as score_items
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document

DEFAULT_GOLD = Path("tests") / "gold" / "segments"


class Command(BaseCommand):
    help = (
        "Parse the dumps named by the gold files (<name>.json → <name>.txt, looked up next to "
        "the gold file, then in --dumps) and print segmentation, headline and source scores."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--gold", default=str(settings.BASE_DIR / DEFAULT_GOLD))
        parser.add_argument("--dumps", default=str(settings.BASE_DIR / "seeds"))
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args, gold, dumps, json: bool, **options):
        gold_files = sorted(Path(gold).glob("*.json"))
        if not gold_files:
            self.stderr.write(f"{gold}: no gold files (*.json); give --gold DIR")
            raise SystemExit(2)
        scores = [self._score(path, Path(dumps)) for path in gold_files]
        scores.append(overall(scores))
        self.stdout.write(_as_json(scores) if json else format_table(scores))
        if any(score.error for score in scores):
            raise SystemExit(1)

    def _score(self, gold_path: Path, dumps: Path) -> FileScore:
        gold = load_gold(gold_path)
        dump = gold_path.with_suffix(".txt")
        dump = dump if dump.exists() else dumps / dump.name
        try:
            document = read_document(dump, settings.NEWSDB_MAX_DUMP_BYTES)
            return score_items(gold_path.stem, parse_document(document).items, gold)
        except IngestError as error:
            return failed_file(gold_path.stem, gold, str(error))


def _as_json(scores: list[FileScore]) -> str:
    return json.dumps([score.as_dict() for score in scores], indent=2, ensure_ascii=False)
