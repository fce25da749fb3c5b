"""One file's persistence transaction, safe with any number of importers on one database.

Extraction (the slow part) runs in parallel anywhere; writing a file's articles is serialised by
a PostgreSQL advisory lock taken as the transaction's first statement and released by its commit
or rollback. So the registry of persons and sources that name resolution reads is the one the
previous file committed, two importers never create the same person or source at once, and a
file imported twice at the same moment is stored once (the second sees the first's articles).
SQLite has a single writer anyway and is not meant for concurrent importers.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction

from articles import counts
from articles.ingest.persist import settle, surnames
from articles.models import Article

# pg_advisory_xact_lock's key: any constant bigint the application uses for nothing else.
PERSISTENCE_LOCK = 0x6E657773_64620001


@contextmanager
def file_transaction() -> Iterator[None]:
    """A transaction for one file: locked against other importers; at the end, surnames folded,
    new persons judged (``suspects``) and the new articles queued for review with their reasons
    (``settle``): the queue ends as the links say whatever the file order.
    """
    with transaction.atomic():
        lock_persistence()
        newest = surnames.newest_person_pk()
        newest_article = Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        # The chunks' counts (entities, facet pairs) are recounted once, when the file is in:
        # a popular country is counted once per file, not once per chunk of 64 articles.
        with counts.counts_kept():
            yield
        changed_persons = settle.settle_persons(newest)
        new_articles = Article.objects.filter(pk__gt=newest_article).order_by("pk")
        settle.requeue(list(new_articles.values_list("pk", flat=True)), changed_persons)


def lock_persistence() -> None:
    """Wait until no other importer is persisting; held until this transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PERSISTENCE_LOCK])
