"""Find the syndicated copies among the articles already stored (``Article.duplicate_of``)."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from articles.ingest.persist.copies import recheck_stored
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Compute the copy band keys of every stored article and point each copy at the "
        "first-seen article it republishes; editors' choices (duplicate_of edited) stay."
    )

    def handle(self, *args, **options):
        total = Article.objects.count()
        with tqdm(total=total, unit="article", disable=not sys.stdout.isatty()) as bar:
            changed = recheck_stored(advance=bar.update)
        copies = Article.objects.filter(duplicate_of__isnull=False).count()
        self.stdout.write(
            f"{total} article(s) checked, {changed} changed; {copies} are copies of an earlier one."
        )
