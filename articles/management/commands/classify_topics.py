"""Re-run topic assignment over stored articles with the current taxonomy."""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from articles.ingest.entities import topics
from articles.ingest.persist.catalog import Linker, load_catalog
from articles.ingest.persist.items import item_from_article, stored_articles
from articles.ingest.persist.links import LinkChanges, sync_auto_topics


class Command(BaseCommand):
    help = (
        "Assign topics to stored articles (all, or --articles ID …) from the taxonomy's keywords "
        "and each article's section; editor-set topic links and rejected topics stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", nargs="+", type=int, default=[], metavar="ID")

    def handle(self, *args, articles, **options):
        catalog = load_catalog()
        automaton = topics.build_automaton(catalog.topics)
        queryset = stored_articles(articles)
        totals = LinkChanges()
        changed = seen = 0
        with transaction.atomic():
            linker = Linker()
            for article in tqdm(queryset, disable=not sys.stdout.isatty(), unit="article"):
                item = item_from_article(article)
                matches = topics.assign_topics(
                    item.title, item.text_for_entities(), item.section, catalog.topics, automaton
                )
                changes = sync_auto_topics(article, matches, linker)
                changed += bool(changes)
                totals += changes
                seen += 1
        self.stdout.write(
            f"{seen} article(s) classified, {changed} changed: topic links added {totals.added}, "
            f"rescored {totals.updated}, removed {totals.removed}."
        )
