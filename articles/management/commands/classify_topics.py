"""Re-run topic assignment over stored articles with the current taxonomy."""

import sys

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from articles.ingest import persist
from articles.ingest.entities import topics
from articles.management.commands.reextract import add_changes


class Command(BaseCommand):
    help = (
        "Assign topics to stored articles (all, or --articles ID …) from the taxonomy's keywords "
        "and each article's section; editor-set topic links and rejected topics stay as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", nargs="+", type=int, default=[], metavar="ID")

    def handle(self, *args, articles, **options):
        catalog = persist.load_catalog()
        automaton = topics.build_automaton(catalog.topics)
        queryset = persist.stored_articles(articles)
        totals = persist.LinkChanges()
        changed = seen = 0
        with transaction.atomic():
            linker = persist.Linker()
            for article in tqdm(queryset, disable=not sys.stdout.isatty(), unit="article"):
                item = persist.item_from_article(article)
                matches = topics.assign_topics(
                    item.title, item.text_for_entities(), item.section, catalog.topics, automaton
                )
                changes = persist.sync_auto_topics(article, matches, linker)
                changed += bool(changes)
                add_changes(totals, changes)
                seen += 1
        self.stdout.write(
            f"{seen} article(s) classified, {changed} changed: topic links added {totals.added}, "
            f"rescored {totals.updated}, removed {totals.removed}."
        )
