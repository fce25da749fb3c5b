"""Measure story clustering on a gold set: import its dump, compare, roll everything back."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.persist.stories import assign_stories
from articles.ingest.pipeline import import_paths
from articles.ingest.story_evaluate import load_gold, pair_errors, score
from articles.models import Article, Story

DEFAULT_GOLD = "tests/gold/stories.json"
HELDOUT_GOLD = "tests/gold/stories_heldout.json"  # never used to choose the settings


class Command(BaseCommand):
    help = (
        "Import a gold dump in a transaction that is rolled back, and print the pair precision "
        "and recall of the stories its articles form (run it on an empty database)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gold",
            default=DEFAULT_GOLD,
            help=f"the gold file (default: {DEFAULT_GOLD}; held-out set: {HELDOUT_GOLD})",
        )
        parser.add_argument(
            "--threshold",
            type=float,
            nargs="+",
            help="cluster with each of these NEWSDB_STORY_THRESHOLD values (default: the setting)",
        )
        parser.add_argument(
            "--errors", action="store_true", help="list the wrong and the missed pairs"
        )

    def handle(self, *args, gold, threshold, errors, **options):
        dumps, stories = load_gold(Path(gold))
        titles = [title for story in stories for title in story]
        self.stdout.write(
            "| threshold | pairs predicted | gold | correct | precision | recall | F1 |"
        )
        self.stdout.write("| --- | --- | --- | --- | --- | --- | --- |")
        with transaction.atomic():
            self.import_dumps(dumps)
            for value in threshold or [settings.NEWSDB_STORY_THRESHOLD]:
                story_of = self.cluster(value, titles)
                self.report(value, score(story_of, stories))
                if errors:
                    self.list_errors(pair_errors(story_of, stories))
            transaction.set_rollback(True)

    def import_dumps(self, dumps: list[Path]) -> None:
        run = import_paths(dumps, extractor=Extractor(load_catalog()), max_bytes=10**7)
        if run.failed:
            raise CommandError(run.failed[0].error)

    def cluster(self, threshold: float, titles: list[str]) -> dict[str, int]:
        """Every article re-clustered with this threshold: title → story id."""
        Story.objects.all().delete()
        with override_settings(NEWSDB_STORY_THRESHOLD=threshold):
            assign_stories(Article.objects.all())
        found = dict(Article.objects.filter(title__in=titles).values_list("title", "story_id"))
        missing = sorted(set(titles) - set(found))
        if missing:
            raise CommandError(f"No article titled {missing[0]!r} ({len(missing)} missing).")
        return found

    def report(self, threshold: float, result) -> None:
        self.stdout.write(
            f"| {threshold:g} | {result.predicted} | {result.gold} | {result.correct} "
            f"| {result.precision:.2f} | {result.recall:.2f} | {result.f1:.2f} |"
        )

    def list_errors(self, errors: dict[str, list[tuple[str, ...]]]) -> None:
        for kind, found in errors.items():
            for first, second in found:
                self.stdout.write(f"    {kind}: {first!r} + {second!r}")
