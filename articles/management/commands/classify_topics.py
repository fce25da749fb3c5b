"""Re-run topic assignment over stored articles with the current taxonomy."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.ingest.persist.catalog import load_catalog
from articles.ingest.persist.items import stored_articles
from articles.ingest.reextract import classify_topics


class Command(BaseCommand):
    help = (
        "Assign topics to stored articles (all, or --articles ID …) from the taxonomy's keywords "
        "and each article's section; editor-set topic links and rejected topics stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", nargs="+", type=int, default=[], metavar="ID")

    def handle(self, *args, articles, **options):
        catalog = load_catalog()
        total = stored_articles(articles).count()
        with tqdm(total=total, unit="article", disable=not sys.stdout.isatty()) as bar:
            report = classify_topics(articles, catalog, advance=bar.update)
        links = report.links
        self.stdout.write(
            f"{report.seen} article(s) classified, {report.changed} changed: topic links added "
            f"{links.added}, rescored {links.updated}, removed {links.removed}."
        )
