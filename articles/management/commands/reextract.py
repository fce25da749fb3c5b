"""Re-run entity extraction on stored articles with the current extractor and catalog."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.persist.items import stored_articles
from articles.ingest.reextract import reextract_links


class Command(BaseCommand):
    help = (
        "Re-extract persons, countries and topics of stored articles (all, or --articles ID …), "
        "adding and removing automatic links; editors' links and rejections are never touched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", nargs="+", type=int, default=[], metavar="ID")
        parser.add_argument("--dry-run", action="store_true", help="report, change nothing")

    def handle(self, *args, articles, dry_run, **options):
        extractor = Extractor(load_catalog())
        total = stored_articles(articles).count()
        with tqdm(total=total, unit="article", disable=not sys.stdout.isatty()) as bar:
            report = reextract_links(articles, extractor, dry_run=dry_run, advance=bar.update)
        links = report.links
        verb = "would change" if dry_run else "changed"
        self.stdout.write(
            f"{report.seen} article(s) re-extracted, {verb} {report.changed}: links added "
            f"{links.added} (persons {links.added_by_kind['person']}, countries "
            f"{links.added_by_kind['country']}, topics {links.added_by_kind['topic']}), "
            f"recounted {links.updated}, removed {links.removed}; dated {report.dates}."
        )
