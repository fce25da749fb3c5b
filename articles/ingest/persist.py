"""The only ingest stage that touches the ORM: idempotent upserts of extracted articles.

Rules kept here and nowhere else:
- an article is identified by its content fingerprint: the same text is stored once;
- re-importing changes only fields no editor has edited (``Article.edited_fields``);
- automatic links are added, recounted and removed to match the extractor; links an editor made
  (``origin="editor"``) are never touched, and links an editor removed (``LinkRejection``) never
  come back.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from articles.ingest.records import (
    Catalog,
    CountryAliasRecord,
    Document,
    ExtractedArticle,
    FileReport,
    ParsedItem,
    TopicMatch,
    TopicRule,
)
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    CountryAlias,
    LinkRejection,
    Origin,
    Person,
    PersonAlias,
    Source,
    Topic,
)
from articles.normalise import clean_spaces, name_key, slug_for

# Fields the importer owns until an editor edits them.
IMPORTED_FIELDS = ("title", "title_derived", "summary", "body", "section")


@dataclass
class LinkChanges:
    """How many automatic links one sync added, recounted or removed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    persons_added: int = 0
    countries_added: int = 0
    topics_added: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def load_catalog() -> Catalog:
    """Read what the extractors need from the database: country aliases and the topic taxonomy."""
    aliases = tuple(
        CountryAliasRecord(text=text, code=code, kind=kind)
        for text, code, kind in CountryAlias.objects.filter(is_active=True).values_list(
            "text", "country__code", "kind"
        )
    )
    topics = tuple(
        TopicRule(slug=topic.slug, name=topic.name, keywords=tuple(topic.keyword_list()))
        for topic in Topic.objects.exclude(keywords="")
    )
    names = dict(Country.objects.values_list("code", "name"))
    return Catalog(country_names=names, country_aliases=aliases, topics=topics)


def existing_fingerprints(fingerprints: Iterable[str]) -> set[str]:
    """Which of these fingerprints are already stored (for dry runs)."""
    return set(
        Article.objects.filter(fingerprint__in=list(fingerprints)).values_list(
            "fingerprint", flat=True
        )
    )


class Linker:
    """Finds or creates the rows articles link to, caching them for one import run."""

    def __init__(self):
        self._sources: dict[str, Source] = {}
        self._topics: dict[str, Topic] = {}
        self._persons: dict[str, Person] = {}
        self._country_ids = dict(Country.objects.values_list("code", "id"))

    def source(self, name: str | None) -> Source | None:
        """The Source of an outlet name, created on first sight; all spellings share one key."""
        name = clean_spaces(name or "")
        key = name_key(name)
        if not key:
            return None
        if key not in self._sources:
            source = Source.objects.filter(key=key).first()
            if source is None:
                source = _create_unique_slug(Source, name=name)
            self._sources[key] = source
        return self._sources[key]

    def topic(self, match: TopicMatch) -> Topic:
        if match.slug not in self._topics:
            topic = Topic.objects.filter(slug=match.slug).first()
            if topic is None:
                topic = _create_unique_slug(Topic, name=match.name, slug=match.slug)
            self._topics[match.slug] = topic
        return self._topics[match.slug]

    def person(self, name: str) -> Person:
        """The Person a name refers to: by key, by alias, by a single surname match, or new."""
        key = name_key(name)
        if key not in self._persons:
            self._persons[key] = resolve_person(name) or _create_unique_slug(Person, name=name)
        return self._persons[key]

    def country_id(self, code: str) -> int | None:
        return self._country_ids.get(code.upper())


def resolve_person(name: str) -> Person | None:
    """An existing Person this name refers to, or None.

    A one-word name (a surname) links to a known person only when exactly one fits.
    """
    key = name_key(name)
    person = Person.objects.filter(key=key).first()
    if person is None:
        alias = PersonAlias.objects.select_related("person").filter(key=key).first()
        person = alias.person if alias else None
    if person is None and len(name.split()) == 1:
        candidates = list(Person.objects.filter(name__iendswith=f" {name}")[:2])
        if len(candidates) == 1:
            person = candidates[0]
    return person


def _create_unique_slug(model, *, name: str, slug: str = ""):
    """Create a row whose slug may collide with another name's: suffix -2, -3… until free."""
    base = slug or slug_for(name)
    candidate, n = base, 1
    while model.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    with transaction.atomic():
        return model.objects.create(name=name, slug=candidate)


def save_article(
    extracted: ExtractedArticle, document: Document, linker: Linker, report: FileReport
) -> Article:
    """Create or update one article and its automatic links; count the outcome in ``report``."""
    item = extracted.item
    article = Article.objects.filter(fingerprint=extracted.fingerprint).first()
    if article is None:
        article = _create_article(extracted, document, linker)
        report.created += 1
    elif _update_article(article, item, linker):
        report.updated += 1
    else:
        report.unchanged += 1
    changes = sync_auto_links(article, extracted, linker)
    report.persons_linked += changes.persons_added
    report.countries_linked += changes.countries_added
    report.topics_linked += changes.topics_added
    return article


def _create_article(extracted: ExtractedArticle, document: Document, linker: Linker) -> Article:
    item = extracted.item
    try:
        with transaction.atomic():
            return Article.objects.create(
                **_imported_values(item, linker),
                fingerprint=extracted.fingerprint,
                needs_review=item.title_derived,
                provenance_file=document.name,
                provenance_line_start=item.line_start,
                provenance_line_end=item.line_end,
                provenance_sha256=document.sha256,
            )
    except IntegrityError:
        # Another import stored the same text between our lookup and our insert.
        return Article.objects.get(fingerprint=extracted.fingerprint)


def _imported_values(item: ParsedItem, linker: Linker) -> dict:
    return {
        "title": item.title[:500],
        "title_derived": item.title_derived,
        "summary": item.summary,
        "body": item.body,
        "section": item.section[:200],
        "source": linker.source(item.source),
        "original_source": linker.source(item.original_source),
    }


def _update_article(article: Article, item: ParsedItem, linker: Linker) -> bool:
    """Bring the importer-owned fields up to date, skipping what editors changed."""
    changed = []
    for field, value in _imported_values(item, linker).items():
        if field in article.edited_fields or getattr(article, field) == value:
            continue
        setattr(article, field, value)
        changed.append(field)
    if changed:
        article.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


def sync_auto_links(
    article: Article, extracted: ExtractedArticle, linker: Linker | None = None
) -> LinkChanges:
    """Make the article's automatic links match the extraction; editors' work stays as it is."""
    linker = linker or Linker()
    rejected = _rejections(article)
    changes = LinkChanges()
    wanted_persons = {}
    for mention in extracted.persons:
        person = linker.person(mention.name)
        role_key = (person.id, mention.role)
        wanted_persons[role_key] = wanted_persons.get(role_key, 0) + mention.count
    wanted_countries = {}
    for mention in extracted.countries:
        country_id = linker.country_id(mention.code)
        if country_id:
            wanted_countries[country_id] = wanted_countries.get(country_id, 0) + mention.count
    wanted_topics = {linker.topic(match).id: match.score for match in extracted.topics}

    persons = _sync(
        article.person_links.all(),
        {k: v for k, v in wanted_persons.items() if k[0] not in rejected["person"]},
        key=lambda link: (link.person_id, link.role),
        value_field="count",
        build=lambda k, v: ArticlePerson(article=article, person_id=k[0], role=k[1], count=v),
    )
    countries = _sync(
        article.country_links.all(),
        {k: v for k, v in wanted_countries.items() if k not in rejected["country"]},
        key=lambda link: link.country_id,
        value_field="count",
        build=lambda k, v: ArticleCountry(article=article, country_id=k, count=v),
    )
    topics = _sync(
        article.topic_links.all(),
        {k: v for k, v in wanted_topics.items() if k not in rejected["topic"]},
        key=lambda link: link.topic_id,
        value_field="score",
        build=lambda k, v: ArticleTopic(article=article, topic_id=k, score=v),
    )
    for kind, counts in (("persons", persons), ("countries", countries), ("topics", topics)):
        changes.added += counts.added
        changes.updated += counts.updated
        changes.removed += counts.removed
        setattr(changes, f"{kind}_added", counts.added)
    return changes


def _rejections(article: Article) -> dict[str, set[int]]:
    rejected: dict[str, set[int]] = {kind: set() for kind in LinkRejection.Kind.values}
    for kind, target_id in article.rejections.values_list("kind", "target_id"):
        rejected[kind].add(target_id)
    return rejected


def _sync(existing_links, wanted: dict, *, key, value_field: str, build) -> LinkChanges:
    """Reconcile one kind of link: add the missing, recount the changed, drop the stale autos."""
    counts = LinkChanges()
    existing = {key(link): link for link in existing_links}
    stale = []
    for link_key, link in existing.items():
        if link.origin != Origin.AUTO:
            continue
        if link_key not in wanted:
            stale.append(link.pk)
        elif getattr(link, value_field) != wanted[link_key]:
            setattr(link, value_field, wanted[link_key])
            link.save(update_fields=[value_field])
            counts.updated += 1
    new_links = [build(k, v) for k, v in wanted.items() if k not in existing]
    if new_links:
        type(new_links[0]).objects.bulk_create(new_links)
    if stale:
        type(next(iter(existing.values()))).objects.filter(pk__in=stale).delete()
    counts.added, counts.removed = len(new_links), len(stale)
    return counts
