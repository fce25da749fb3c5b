"""Stored articles through today's extractor again: their automatic links follow it.

Editors' links and rejections stay as they are (``persist.links``). One transaction for the
whole run, so a dry run can roll everything back. Afterwards persons and review reasons are
settled as after an imported file (``persist.settle``): new persons folded and judged, the
articles' reasons worked out from their new links, an editor's place on the queue kept.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from django.db import transaction

from articles.ingest.entities import topics
from articles.ingest.persist.catalog import Linker
from articles.ingest.persist.items import item_from_article, stored_chunks
from articles.ingest.persist.links import LinkChanges, sync_auto_links, sync_auto_topics
from articles.ingest.persist.settle import requeue, settle_persons
from articles.ingest.persist.surnames import newest_person_pk
from articles.ingest.persist.upsert import save_text_date
from articles.ingest.records import Catalog

# Called after each chunk with its size, so a command can drive a progress bar.
ProgressHook = Callable[[int], None]
# Syncs one chunk of stored articles, giving the changes of each.
ChunkSync = Callable[[list, Linker], Iterator[LinkChanges]]


@dataclass
class ReextractReport:
    """How many articles were seen and changed, and the link changes they add up to."""

    seen: int = 0
    changed: int = 0
    links: LinkChanges = field(default_factory=LinkChanges)
    dates: int = 0  # articles given a new date from their text

    def add(self, changes: LinkChanges) -> None:
        self.seen += 1
        self.changed += bool(changes)
        self.links += changes


def reextract_links(
    ids: Iterable[int], extractor, *, dry_run: bool = False, advance: ProgressHook | None = None
) -> ReextractReport:
    """Re-extract persons, countries, topics and dates of stored articles (all, or these ids)."""
    report = ReextractReport()

    def sync(chunk, linker):
        items = [item_from_article(article) for article in chunk]
        for article, found in zip(chunk, extractor.extract(items), strict=True):
            extracted = replace(found, fingerprint=article.fingerprint)
            changes = sync_auto_links(article, extracted, linker)
            report.dates += save_text_date(article, extracted.dated, "reextract")
            yield changes

    return _run(ids, sync, dry_run, advance, report, settle=not dry_run)


def classify_topics(
    ids: Iterable[int], catalog: Catalog, *, advance: ProgressHook | None = None
) -> ReextractReport:
    """Re-assign the topics of stored articles (all, or these ids) from the catalog's taxonomy."""
    automaton = topics.build_automaton(catalog.topics)

    def sync(chunk, linker):
        for article in chunk:
            item = item_from_article(article)
            text = item.text_for_entities()
            matches = topics.assign_topics(
                item.title, text, item.section, catalog.topics, automaton
            )
            yield sync_auto_topics(article, matches, linker)

    return _run(ids, sync, False, advance)


def _run(
    ids, sync: ChunkSync, dry_run: bool, advance: ProgressHook | None, report=None, settle=False
) -> ReextractReport:
    report = report or ReextractReport()
    with transaction.atomic():
        linker, newest_person, seen_ids = Linker(), newest_person_pk(), []
        for chunk in stored_chunks(ids):
            for changes in sync(chunk, linker):
                report.add(changes)
            seen_ids.extend(article.pk for article in chunk)
            if advance:
                advance(len(chunk))
        if settle:
            requeue(seen_ids, settle_persons(newest_person))
        transaction.set_rollback(dry_run)
    return report
