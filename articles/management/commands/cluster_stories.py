"""Put stored articles into stories: those without one, or (``--rebuild``) all but editors'."""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from articles.ingest.persist.locking import lock_persistence
from articles.ingest.persist.stories import assign_stories, release_stories, waiting_articles

CHUNK_SIZE = 500


class Command(BaseCommand):
    help = (
        "Cluster the articles that have no story yet, oldest first; --rebuild first takes every "
        "article out of its story, except those editors placed and stories editors named."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="re-cluster everything but editors' decisions"
        )

    def handle(self, *args, rebuild, **options):
        if rebuild:
            with transaction.atomic():
                lock_persistence()
                released = release_stories()
            self.stdout.write(f"{released} article(s) taken out of their stories.")
        bar = tqdm(total=waiting_articles().count(), unit="article", disable=None)
        placed = 0
        while True:
            with transaction.atomic():  # a chunk at a time: importers wait seconds, not hours
                lock_persistence()
                chunk = list(waiting_articles()[:CHUNK_SIZE])
                placed += assign_stories(chunk)
            bar.update(len(chunk))
            if len(chunk) < CHUNK_SIZE:
                break
        bar.close()
        self.stdout.write(f"{placed} article(s) placed in stories.")
