"""Re-run entity extraction on stored articles with the current extractor and catalog."""

import sys
from itertools import islice

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import Linker, load_catalog
from articles.ingest.persist.items import item_from_article, stored_articles
from articles.ingest.persist.links import LinkChanges, sync_auto_links
from articles.ingest.records import ExtractedArticle

CHUNK_SIZE = 64


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Command(BaseCommand):
    help = (
        "Re-extract persons, countries and topics of stored articles (all, or --articles ID …), "
        "adding and removing automatic links; editors' links and rejections are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", nargs="+", type=int, default=[], metavar="ID")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, articles, dry_run, **options):
        queryset = stored_articles(articles)
        extractor = Extractor(load_catalog())
        totals = LinkChanges()
        changed = seen = 0
        bar = tqdm(total=queryset.count(), unit="article", disable=not sys.stdout.isatty())
        with transaction.atomic():
            linker = Linker()
            for chunk in chunks(queryset.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
                items = [item_from_article(article) for article in chunk]
                for article, found in zip(chunk, extractor.extract(items), strict=True):
                    extracted = ExtractedArticle(
                        found.item,
                        article.fingerprint,
                        found.persons,
                        found.countries,
                        found.topics,
                    )
                    changes = sync_auto_links(article, extracted, linker)
                    changed += bool(changes)
                    totals += changes
                seen += len(chunk)
                bar.update(len(chunk))
            transaction.set_rollback(dry_run)
        bar.close()
        self.stdout.write(report_line(seen, changed, totals, dry_run))


def report_line(seen: int, changed: int, totals: LinkChanges, dry_run: bool) -> str:
    verb = "would change" if dry_run else "changed"
    return (
        f"{seen} article(s) re-extracted, {verb} {changed}: links added {totals.added} "
        f"(persons {totals.added_by_kind['person']}, countries "
        f"{totals.added_by_kind['country']}, topics {totals.added_by_kind['topic']}), "
        f"recounted {totals.updated}, removed {totals.removed}."
    )
