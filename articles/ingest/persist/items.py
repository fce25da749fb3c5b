"""The one conversion between a ``ParsedItem`` and an ``Article``, in both directions.

The importer owns the fields in ``IMPORTED_FIELDS`` plus the two sources until an editor edits
them; re-extraction rebuilds an item from the same fields, so the two directions cannot drift.
"""

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Prefetch

from articles.ingest.batching import CHUNK_SIZE, chunked
from articles.ingest.limits import FieldLimits
from articles.ingest.persist.catalog import Linker
from articles.ingest.records import Document, ExtractedArticle, ParsedItem
from articles.models import Article, ArticlePerson, Person, Source

# Copied as they are between a ParsedItem and an Article, both ways.
IMPORTED_FIELDS = ("title", "title_derived", "summary", "body", "section")
SOURCE_FIELDS = ("source", "original_source")


def imported_values(item: ParsedItem, linker: Linker) -> dict:
    """The Article fields the importer owns until an editor edits them."""
    values = {name: getattr(item, name) for name in IMPORTED_FIELDS}
    values.update({name: linker.source(getattr(item, name)) for name in SOURCE_FIELDS})
    return values


def dated_values(extracted: ExtractedArticle) -> dict:
    """The date fields the importer owns until an editor (or the API) sets ``dated``."""
    source = Article.DatedSource.TEXT if extracted.dated else ""
    return {"dated": extracted.dated, "dated_source": source}


def new_article(extracted: ExtractedArticle, document: Document, linker: Linker) -> Article:
    """An unsaved Article for an extracted item, with its provenance."""
    item = extracted.item
    return Article(
        **imported_values(item, linker),
        **dated_values(extracted),
        fingerprint=extracted.fingerprint,
        needs_review=item.title_derived,
        provenance_file=document.name,
        provenance_line_start=item.line_start,
        provenance_line_end=item.line_end,
        provenance_sha256=document.sha256,
    )


def item_from_article(article: Article) -> ParsedItem:
    """The ParsedItem a stored article was made from, rebuilt from its stored fields."""
    sources = {name: getattr(article, name) for name in SOURCE_FIELDS}
    return ParsedItem(
        **{name: getattr(article, name) for name in IMPORTED_FIELDS},
        **{name: source.name if source else None for name, source in sources.items()},
        line_start=article.provenance_line_start,
        line_end=article.provenance_line_end,
        authors=_credited(article, ArticlePerson.Role.AUTHOR),
        photographers=_credited(article, ArticlePerson.Role.PHOTOGRAPHER),
    )


def _credited(article: Article, role: str) -> tuple[str, ...]:
    """The names credited in this role, from the links ``stored_articles`` prefetched."""
    links = getattr(article, "credit_links", ())
    return tuple(link.person.name for link in links if link.role == role)


def stored_articles(ids: Iterable[int] = ()):
    """Stored articles (all, or these ids) with what ``item_from_article`` reads, in id order."""
    credits = ArticlePerson.objects.exclude(role=ArticlePerson.Role.MENTIONED)
    articles = Article.objects.select_related(*SOURCE_FIELDS).prefetch_related(
        Prefetch("person_links", queryset=credits.select_related("person"), to_attr="credit_links")
    )
    ids = list(ids)
    return (articles.filter(pk__in=ids) if ids else articles).order_by("pk")


def stored_chunks(ids: Iterable[int] = ()) -> Iterator[list[Article]]:
    """``stored_articles`` a chunk at a time, so memory stays flat however many there are."""
    return chunked(stored_articles(ids).iterator(chunk_size=CHUNK_SIZE))


def field_limits() -> FieldLimits:
    """The limits an item must fit: column lengths from the models, item size from settings."""
    return FieldLimits(
        title=_max_length(Article, "title"),
        section=_max_length(Article, "section"),
        source_name=min(_max_length(Source, "name"), _max_length(Source, "key")),
        person_name=min(_max_length(Person, "name"), _max_length(Person, "key")),
        item_chars=settings.NEWSDB_MAX_ITEM_CHARS,
    )


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length
