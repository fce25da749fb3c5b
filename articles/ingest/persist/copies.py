"""Syndicated copies looked up and stored: band keys in ``CopyBand``, ``Article.duplicate_of``.

An article's candidates are the stored articles sharing one of its band keys (one index probe
per band, whatever the corpus size); each is verified on the exact shingles of its stored text
(``copies.best_original``). This runs inside a file's transaction, after the advisory lock
(``locking``): concurrent importers persist one at a time, so each sees every earlier article's
bands and the first-seen article is the same whichever importer stores a copy.

An editor's choice (``"duplicate_of"`` in ``edited_fields``), a cleared one included, is never
changed here; the article's bands are still stored, so later copies can match it.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from articles.ingest.copies import (
    MAX_PER_KEY,
    Candidate,
    CopyRule,
    CopySketch,
    best_original,
    likeliest,
)
from articles.ingest.copies import (
    sketch as sketch_of,
)
from articles.ingest.persist.bulk import copy_rows
from articles.ingest.persist.locking import lock_persistence
from articles.models import Article, CopyBand

# A key's earliest ``MAX_PER_KEY`` holders, read as one index range per key (so a hot key
# costs no more than a cold one).
_HOLDERS_SQL = {
    "postgresql": """
        SELECT wanted.key, band.article_id FROM unnest(%s::bigint[]) AS wanted(key)
        CROSS JOIN LATERAL (
            SELECT article_id FROM articles_copyband WHERE key = wanted.key
            ORDER BY article_id LIMIT %s
        ) AS band""",
    "other": """
        SELECT key, article_id FROM (
            SELECT key, article_id,
                   ROW_NUMBER() OVER (PARTITION BY key ORDER BY article_id) AS n
            FROM articles_copyband WHERE key IN ({keys})
        ) WHERE n <= %s""",
}


def copy_rule() -> CopyRule:
    """The matching thresholds, from the ``NEWSDB_COPY_*`` settings."""
    return CopyRule(
        min_shingles=settings.NEWSDB_COPY_MIN_SHINGLES,
        min_jaccard=settings.NEWSDB_COPY_MIN_JACCARD,
        min_containment=settings.NEWSDB_COPY_MIN_CONTAINMENT,
        edited_jaccard=settings.NEWSDB_COPY_EDITED_JACCARD,
        min_facts=settings.NEWSDB_COPY_MIN_FACTS,
        min_numbers=settings.NEWSDB_COPY_MIN_NUMBERS,
    )


class CopyIndex:
    """The stored articles sharing a band key with a batch of texts, and the batch's own
    articles as they are added: what a text of the batch is compared with."""

    def __init__(self, sketches: Sequence[CopySketch], rule: CopyRule | None = None):
        self.rule = rule or copy_rule()
        keys = {key for sketch in sketches if self.indexed(sketch) for key in sketch.band_keys}
        self.by_key: dict[int, list[int]] = defaultdict(list)
        for key, pk in _holders(sorted(keys)):
            self.by_key[key].append(pk)
        wanted = {pk for sketch in sketches for pk in likeliest(sketch, self.by_key)}
        self.candidates = _load_candidates(wanted)

    def indexed(self, sketch: CopySketch) -> bool:
        """Whether a text is long enough to be matched (and its bands stored)."""
        return len(sketch.shingles) >= self.rule.min_shingles

    def original_of(
        self, sketch: CopySketch, before: int | None = None, since: int = 0
    ) -> int | None:
        """The first-seen article this text copies (among articles with an id from ``since``
        and below ``before``, if given), or None."""
        if not self.indexed(sketch):
            return None
        ids = likeliest(sketch, self.by_key, before, since)
        ids = [pk for pk in ids if pk in self.candidates]
        return best_original(sketch, [self.candidates[pk] for pk in ids], self.rule)

    def add(self, pk: int, sketch: CopySketch, original_pk: int | None) -> list[CopyBand]:
        """Make a saved article of the batch a candidate for the next ones; its bands to store."""
        if not self.indexed(sketch):
            return []
        self.candidates[pk] = Candidate(pk, sketch.shingles, sketch.facts, original_pk)
        for key in sketch.band_keys:
            if pk not in self.by_key[key]:
                self.by_key[key].append(pk)
        return [CopyBand(article_id=pk, band=i, key=key) for i, key in enumerate(sketch.band_keys)]


def _holders(keys: list[int]) -> list[tuple[int, int]]:
    """(key, article id) of the earliest ``MAX_PER_KEY`` stored articles holding each key."""
    if not keys:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_HOLDERS_SQL["postgresql"], [keys, MAX_PER_KEY])
        else:
            marks = ", ".join(["%s"] * len(keys))
            cursor.execute(_HOLDERS_SQL["other"].format(keys=marks), [*keys, MAX_PER_KEY])
        return cursor.fetchall()


def _load_candidates(ids: set[int]) -> dict[int, Candidate]:
    rows = Article.objects.filter(pk__in=ids).values_list("pk", "summary", "body", "duplicate_of")
    return {
        pk: Candidate.from_text(pk, summary, body, original)
        for pk, summary, body, original in rows.iterator(chunk_size=500)
    }


def mark_stored_copies(index: CopyIndex, articles: Sequence[Article], sketches) -> None:
    """Before the articles are created: point each at the stored article it copies."""
    for article, sketch in zip(articles, sketches, strict=True):
        article.duplicate_of_id = index.original_of(sketch)


def store_copies(
    index: CopyIndex, articles: Sequence[Article], sketches, recheck: bool = False
) -> list[Article]:
    """Once the articles are saved, in id order: match each against the earlier ones of the
    batch too (all of them again if ``recheck``; never an editor's choice), store its bands.

    Returns the articles whose ``duplicate_of`` changed here (for the caller to save).
    """
    changed, bands = [], []
    # Stored articles were compared before the batch was created (``mark_stored_copies``): only
    # the batch's own are new, unless everything is checked again.
    since = 0 if recheck else min((article.pk for article in articles), default=0)
    for article, sketch in zip(articles, sketches, strict=True):
        editors = "duplicate_of" in article.edited_fields
        if not editors and (recheck or article.duplicate_of_id is None):
            found = index.original_of(sketch, before=article.pk, since=since)
            if found != article.duplicate_of_id:
                article.duplicate_of_id = found
                changed.append(article)
        bands += index.add(article.pk, sketch, article.duplicate_of_id)
    copy_rows(
        CopyBand, ("article_id", "band", "key"), [(b.article_id, b.band, b.key) for b in bands]
    )
    return changed


def save_copy_changes(articles: Sequence[Article], reason: str) -> None:
    """Save changed ``duplicate_of`` values with a history entry; their originals' and their
    own ``updated_at`` move (both representations changed: ``duplicate_of``, ``duplicates``)."""
    now = timezone.now()
    for article in articles:
        article.updated_at = now
    fields = ["duplicate_of", "updated_at"]
    bulk_update_with_history(articles, Article, fields, default_change_reason=reason)
    originals = {article.duplicate_of_id for article in articles} - {None}
    Article.objects.filter(pk__in=originals).update(updated_at=now)


def recheck_copies(articles: Sequence[Article], reason: str) -> int:
    """Recompute the bands and the (not editor-chosen) ``duplicate_of`` of stored articles,
    given in id order, against every article before each; how many changed."""
    sketches = [sketch_of(article.summary, article.body) for article in articles]
    CopyBand.objects.filter(article__in=[article.pk for article in articles]).delete()
    changed = store_copies(CopyIndex(sketches), articles, sketches, recheck=True)
    save_copy_changes(changed, reason)
    return len(changed)


# Stored articles re-checked per transaction by ``recheck_stored`` (40 band keys each in one IN).
RECHECK_CHUNK = 250
RECHECK_FIELDS = ("id", "summary", "body", "duplicate_of", "edited_fields")


def recheck_stored(advance: Callable[[int], None] | None = None) -> int:
    """``recheck_copies`` over every stored article in id order, a chunk per transaction taken
    under the importers' lock (an import running meanwhile waits, then sees the new bands);
    how many articles changed."""
    changed, after = 0, 0
    while chunk := list(
        Article.objects.filter(pk__gt=after).order_by("pk").only(*RECHECK_FIELDS)[:RECHECK_CHUNK]
    ):
        with transaction.atomic():
            lock_persistence()
            changed += recheck_copies(chunk, "find_duplicates")
        after = chunk[-1].pk
        if advance:
            advance(len(chunk))
    return changed
