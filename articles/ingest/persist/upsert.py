"""Articles created or updated a chunk at a time, identified by their content fingerprint."""

from collections.abc import Iterable

from simple_history.utils import bulk_create_with_history

from articles import counts
from articles.choices import REASON_LENGTH
from articles.ingest.persist.catalog import Linker
from articles.ingest.persist.copies import (
    CopyIndex,
    mark_stored_copies,
    save_copy_changes,
    store_copies,
)
from articles.ingest.persist.items import dated_values, imported_values, new_article
from articles.ingest.persist.links import LINK_KINDS, LinkPlan, apply_plans, plan_links
from articles.ingest.persist.stories import assign_stories
from articles.ingest.records import Document, ExtractedArticle, FileReport
from articles.models import Article, Source


def existing_fingerprints(fingerprints: Iterable[str]) -> set[str]:
    """Which of these fingerprints are already stored (for dry runs)."""
    return set(
        Article.objects.filter(fingerprint__in=list(fingerprints)).values_list(
            "fingerprint", flat=True
        )
    )


def save_chunk(
    chunk: list[ExtractedArticle], document: Document, linker: Linker, report: FileReport
) -> None:
    """Create or update a chunk of articles and their automatic links in a few queries.

    The article counts of the sources and linked entities are recounted once per chunk; the new
    articles then join their stories.
    """
    with counts.counts_kept():
        _save_chunk(chunk, document, linker, report)


def _save_chunk(
    chunk: list[ExtractedArticle], document: Document, linker: Linker, report: FileReport
) -> None:
    stored = _stored_by_fingerprint([extracted.fingerprint for extracted in chunk])
    linker.prefetch_persons(m.known_as or m.name for item in chunk for m in item.persons)
    fresh: dict[str, tuple[Article, ExtractedArticle]] = {}
    plans: list[LinkPlan] = []
    for extracted in chunk:
        article = stored.get(extracted.fingerprint)
        if article is not None:
            updated = _update_article(article, extracted, linker, import_reason(document))
            report.updated += updated
            report.unchanged += not updated
            plans += plan_links(article, extracted, linker)
        elif extracted.fingerprint in fresh:  # the same text twice in one chunk
            report.unchanged += 1
        else:
            fresh[extracted.fingerprint] = (new_article(extracted, document, linker), extracted)
    created = [article for article, _ in fresh.values()]
    sketches = [extracted.copy_sketch for _, extracted in fresh.values()]
    index = CopyIndex(sketches)
    mark_stored_copies(index, created, sketches)
    bulk_create_with_history(created, Article, default_change_reason=import_reason(document))
    # The same text twice in one chunk: the later one is found once the first has an id.
    save_copy_changes(store_copies(index, created, sketches), import_reason(document))
    report.copies += sum(article.duplicate_of_id is not None for article in created)
    counts.touch(Source, (article.source_id for article in created))
    counts.touch(Article, (article.pk for article in created))
    report.created += len(fresh)
    for article, extracted in fresh.values():
        plans += plan_links(article, extracted, linker, new=True)
    apply_plans(plans).count_into(report)
    assign_stories(created)  # after the links: they are what stories are matched on


def _stored_by_fingerprint(fingerprints: list[str]) -> dict[str, Article]:
    related = [kind.related for kind in LINK_KINDS.values()]
    articles = Article.objects.filter(fingerprint__in=fingerprints).prefetch_related(
        *related, "rejections"
    )
    return {article.fingerprint: article for article in articles}


def import_reason(document: Document) -> str:
    """The history's change reason of what an import of ``document`` saves."""
    return f"import: {document.name}"[:REASON_LENGTH]


def _update_article(
    article: Article, extracted: ExtractedArticle, linker: Linker, reason: str
) -> bool:
    """Bring the importer-owned fields up to date, skipping what editors changed."""
    changed = []
    values = {**imported_values(extracted.item, linker), **dated_values(extracted)}
    for name, value in values.items():
        if _edited(article, name) or getattr(article, name) == value:
            continue
        setattr(article, name, value)
        changed.append(name)
    if changed:
        article._change_reason = reason
        article.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


def _edited(article: Article, name: str) -> bool:
    """Whether an editor owns this field (``dated_source`` goes with ``dated``)."""
    return ("dated" if name == "dated_source" else name) in article.edited_fields


def save_text_date(article: Article, dated, reason: str) -> bool:
    """Store a date re-extraction found, unless an editor set the date; ``None`` is no news
    (the captions a date may come from are not stored)."""
    if dated is None or _edited(article, "dated") or article.dated == dated:
        return False
    article.dated, article.dated_source = dated, Article.DatedSource.TEXT
    article._change_reason = reason
    article.save(update_fields=["dated", "dated_source", "updated_at"])
    return True
