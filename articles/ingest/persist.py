"""The only ingest stage that touches the ORM: idempotent upserts of extracted articles.

Rules kept here and nowhere else:
- an article is identified by its content fingerprint: the same text is stored once;
- re-importing changes only fields no editor has edited (``Article.edited_fields``);
- automatic links are added, recounted and removed to match the extractor; links an editor made
  (``origin="editor"``) are never touched, and links an editor removed (``LinkRejection``) never
  come back.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from simple_history.utils import bulk_create_with_history

from articles.ingest.entities.sources import display_name
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
    Origin,
    Person,
    PersonAlias,
    Source,
    Topic,
)
from articles.normalise import name_key, slug_for


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
        name = display_name(name or "")
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


def save_chunk(
    chunk: list[ExtractedArticle], document: Document, linker: Linker, report: FileReport
) -> None:
    """Create or update a chunk of articles and their automatic links in a few queries."""
    stored = _stored_by_fingerprint([extracted.fingerprint for extracted in chunk])
    fresh: dict[str, tuple[Article, ExtractedArticle]] = {}
    plans = []
    for extracted in chunk:
        article = stored.get(extracted.fingerprint)
        if article is not None:
            updated = _update_article(article, extracted.item, linker)
            report.updated += updated
            report.unchanged += not updated
            plans.append(plan_links(article, extracted, linker))
        elif extracted.fingerprint in fresh:  # the same text twice in one chunk
            report.unchanged += 1
        else:
            fresh[extracted.fingerprint] = (_new_article(extracted, document, linker), extracted)
    bulk_create_with_history([article for article, _ in fresh.values()], Article)
    report.created += len(fresh)
    plans += [
        plan_links(article, extracted, linker, new=True) for article, extracted in fresh.values()
    ]
    changes = apply_plans(plans)
    report.persons_linked += changes.persons_added
    report.countries_linked += changes.countries_added
    report.topics_linked += changes.topics_added


def _stored_by_fingerprint(fingerprints: list[str]) -> dict[str, Article]:
    articles = Article.objects.filter(fingerprint__in=fingerprints).prefetch_related(
        "person_links", "country_links", "topic_links", "rejections"
    )
    return {article.fingerprint: article for article in articles}


def _new_article(extracted: ExtractedArticle, document: Document, linker: Linker) -> Article:
    item = extracted.item
    return Article(
        **_imported_values(item, linker),
        fingerprint=extracted.fingerprint,
        needs_review=item.title_derived,
        provenance_file=document.name,
        provenance_line_start=item.line_start,
        provenance_line_end=item.line_end,
        provenance_sha256=document.sha256,
    )


def _imported_values(item: ParsedItem, linker: Linker) -> dict:
    """The fields the importer owns until an editor edits them."""
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
    for name, value in _imported_values(item, linker).items():
        if name in article.edited_fields or getattr(article, name) == value:
            continue
        setattr(article, name, value)
        changed.append(name)
    if changed:
        article.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


@dataclass(frozen=True)
class LinkKind:
    """How one kind of automatic link is keyed, valued and built."""

    name: str  # as in LinkRejection.Kind
    model: type
    related: str  # the Article's related manager
    key: Callable  # link → key of the wanted dict
    target: Callable  # key → id of the Person, Country or Topic (for rejections)
    value_field: str
    build: Callable  # (article, key, value) → unsaved link
    counter: str  # the LinkChanges field counting additions


LINK_KINDS = (
    LinkKind(
        "person", ArticlePerson, "person_links", lambda link: (link.person_id, link.role),
        lambda key: key[0], "count",
        lambda a, k, v: ArticlePerson(article=a, person_id=k[0], role=k[1], count=v),
        "persons_added",
    ),
    LinkKind(
        "country", ArticleCountry, "country_links", lambda link: link.country_id,
        lambda key: key, "count",
        lambda a, k, v: ArticleCountry(article=a, country_id=k, count=v),
        "countries_added",
    ),
    LinkKind(
        "topic", ArticleTopic, "topic_links", lambda link: link.topic_id,
        lambda key: key, "score",
        lambda a, k, v: ArticleTopic(article=a, topic_id=k, score=v),
        "topics_added",
    ),
)  # fmt: skip
TOPIC_LINKS = LINK_KINDS[2]


@dataclass
class LinkPlan:
    """What one sync will do to one kind of link of one article."""

    kind: LinkKind
    add: list = field(default_factory=list)
    update: list = field(default_factory=list)
    remove: list = field(default_factory=list)


def wanted_links(extracted: ExtractedArticle, linker: Linker) -> dict[str, dict]:
    """The links the extraction asks for, by kind: key → count or score."""
    persons: dict = {}
    for mention in extracted.persons:
        key = (linker.person(mention.name).id, mention.role)
        persons[key] = persons.get(key, 0) + mention.count
    countries: dict = {}
    for mention in extracted.countries:
        if country_id := linker.country_id(mention.code):
            countries[country_id] = countries.get(country_id, 0) + mention.count
    topics = {linker.topic(match).id: match.score for match in extracted.topics}
    return {"person": persons, "country": countries, "topic": topics}


def plan_links(
    article: Article, extracted: ExtractedArticle, linker: Linker, new: bool = False
) -> list[LinkPlan]:
    """Plan every kind of automatic link of an article (``new``: it has none yet)."""
    wanted = wanted_links(extracted, linker)
    return [_plan_kind(article, kind, wanted[kind.name], new) for kind in LINK_KINDS]


def _plan_kind(article: Article, kind: LinkKind, wanted: dict, new: bool = False) -> LinkPlan:
    """Add the missing, recount the changed, drop the stale autos; editors' links stay."""
    plan = LinkPlan(kind)
    rejected = set() if new else _rejected_targets(article, kind.name)
    wanted = {key: value for key, value in wanted.items() if kind.target(key) not in rejected}
    existing = (
        {} if new else {kind.key(link): link for link in getattr(article, kind.related).all()}
    )
    for key, link in existing.items():
        if link.origin != Origin.AUTO:
            continue
        if key not in wanted:
            plan.remove.append(link.pk)
        elif getattr(link, kind.value_field) != wanted[key]:
            setattr(link, kind.value_field, wanted[key])
            plan.update.append(link)
    plan.add = [
        kind.build(article, key, value) for key, value in wanted.items() if key not in existing
    ]
    return plan


def _rejected_targets(article: Article, kind: str) -> set[int]:
    return {r.target_id for r in article.rejections.all() if r.kind == kind}


def apply_plans(plans: Iterable[LinkPlan | list[LinkPlan]]) -> LinkChanges:
    """Carry out link plans with one bulk statement per kind and operation."""
    by_kind: dict[str, LinkPlan] = {}
    for plan in _flatten(plans):
        merged = by_kind.setdefault(plan.kind.name, LinkPlan(plan.kind))
        merged.add += plan.add
        merged.update += plan.update
        merged.remove += plan.remove
    changes = LinkChanges()
    for plan in by_kind.values():
        kind = plan.kind
        kind.model.objects.bulk_create(plan.add)
        kind.model.objects.bulk_update(plan.update, [kind.value_field])
        kind.model.objects.filter(pk__in=plan.remove).delete()
        changes.added += len(plan.add)
        changes.updated += len(plan.update)
        changes.removed += len(plan.remove)
        setattr(changes, kind.counter, len(plan.add))
    return changes


def _flatten(plans) -> Iterable[LinkPlan]:
    for plan in plans:
        yield from plan if isinstance(plan, list) else [plan]


def sync_auto_links(
    article: Article, extracted: ExtractedArticle, linker: Linker | None = None
) -> LinkChanges:
    """Make one article's automatic links match the extraction; editors' work stays as it is."""
    return apply_plans(plan_links(article, extracted, linker or Linker()))


def stored_articles(ids: Iterable[int] = ()):
    """Stored articles (all, or these ids) with what re-extraction reads, without N+1 queries."""
    authors = ArticlePerson.objects.filter(role=ArticlePerson.Role.AUTHOR).select_related("person")
    articles = Article.objects.select_related("source", "original_source").prefetch_related(
        Prefetch("person_links", queryset=authors, to_attr="author_links")
    )
    ids = list(ids)
    return (articles.filter(pk__in=ids) if ids else articles).order_by("pk")


def item_from_article(article: Article) -> ParsedItem:
    """The ParsedItem a stored article was made from, rebuilt from its stored fields."""
    return ParsedItem(
        title=article.title,
        summary=article.summary,
        body=article.body,
        line_start=article.provenance_line_start,
        line_end=article.provenance_line_end,
        title_derived=article.title_derived,
        section=article.section,
        authors=tuple(link.person.name for link in getattr(article, "author_links", ())),
        source=article.source.name if article.source else None,
        original_source=article.original_source.name if article.original_source else None,
    )


def sync_auto_topics(
    article: Article, matches: Iterable[TopicMatch], linker: Linker | None = None
) -> LinkChanges:
    """Make only the article's automatic topic links match ``matches`` (editors' links and
    rejected topics untouched)."""
    linker = linker or Linker()
    wanted = {linker.topic(match).id: match.score for match in matches}
    return apply_plans([_plan_kind(article, TOPIC_LINKS, wanted)])
