"""Automatic links planned against what is stored, then applied in a few bulk statements.

Everything about a kind of link comes from its ``ArticleLink`` model (``LINK_MODELS``): adding a
kind there adds it here. A link's key is the model's ``key`` (the target's id, and the role for
persons); its value is the model's ``value_field`` (a count or a score).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import astuple, dataclass, field

from articles import counts, evidence, facets
from articles.ingest.persist.catalog import Linker
from articles.ingest.records import ExtractedArticle, FileReport, ParsedItem, TopicMatch
from articles.models import LINK_MODELS, Article, ArticleLink, Origin


@dataclass(frozen=True)
class LinkKind:
    """How persistence keys, values and builds one kind of automatic link."""

    model: type[ArticleLink]

    @property
    def name(self) -> str:
        """As in ``LinkRejection.Kind``: "person", "country", "topic"."""
        return self.model.kind

    @property
    def related(self) -> str:
        """The Article's related manager of these links ("person_links", …)."""
        return self.model._meta.get_field("article").remote_field.related_name

    @property
    def plural(self) -> str:
        """The linked entities' plural ("persons", …), as the reports name their counters."""
        return str(self.model.target_model()._meta.verbose_name_plural)

    @property
    def value_field(self) -> str:
        return self.model.value_field

    def target_id(self, key: tuple) -> int:
        """The Person, Country or Topic id in a link key (what a rejection names)."""
        return key[self.model.key_fields.index(self.model.target_field)]

    def build(self, article: Article, key: tuple, value, evidence: list | None = None):
        """An unsaved automatic link of ``article`` with this key, count or score and evidence."""
        names = [self.model._meta.get_field(name).attname for name in self.model.key_fields]
        values = dict(zip(names, key, strict=True))
        values[self.value_field] = value
        return self.model(article=article, evidence=evidence or [], **values)


LINK_KINDS: dict[str, LinkKind] = {name: LinkKind(model) for name, model in LINK_MODELS.items()}


@dataclass
class LinkChanges:
    """How many automatic links one sync added, recounted or removed."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    added_by_kind: Counter = field(default_factory=Counter)  # kind name → links added

    def __bool__(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def __iadd__(self, other: "LinkChanges") -> "LinkChanges":
        self.added += other.added
        self.updated += other.updated
        self.removed += other.removed
        self.added_by_kind.update(other.added_by_kind)
        return self

    def count_into(self, report: FileReport) -> None:
        """Add the links added to a file report's ``persons_linked``, ``countries_linked``…"""
        for kind in LINK_KINDS.values():
            counter = f"{kind.plural}_linked"
            setattr(report, counter, getattr(report, counter) + self.added_by_kind[kind.name])


@dataclass
class LinkPlan:
    """What one sync will do to one kind of link of one article."""

    kind: LinkKind
    article_id: int | None = None  # a stored article's (its change bumps ``updated_at``)
    add: list = field(default_factory=list)
    update: list = field(default_factory=list)
    remove: list = field(default_factory=list)


@dataclass
class Wanted:
    """What the extraction asks of one link: its count or score, and its evidence rows."""

    value: float = 0
    evidence: list = field(default_factory=list)


def wanted_links(extracted: ExtractedArticle, linker: Linker) -> dict[str, dict[tuple, Wanted]]:
    """The links the extraction asks for, by kind: key → count or score, with evidence."""
    persons: dict[tuple, Wanted] = {}
    for mention in extracted.persons:
        person = linker.person(mention.known_as or mention.name)
        if person is not None:  # None: a blocked name
            _add(persons, (person.id, mention.role), mention)
    countries: dict[tuple, Wanted] = {}
    for mention in extracted.countries:
        if country_id := linker.country_id(mention.code):
            _add(countries, (country_id,), mention)
    topics = _wanted_topics(extracted.topics, linker)
    return {"person": persons, "country": countries, "topic": topics}


def _add(wanted: dict[tuple, Wanted], key: tuple, mention) -> None:
    """Two mentions can be one link (two spellings of one person): counts and evidence add up."""
    link = wanted.setdefault(key, Wanted())
    link.value += mention.count
    link.evidence = evidence.merged(link.evidence, evidence.rows(map(astuple, mention.evidence)))


def _wanted_topics(matches: Iterable[TopicMatch], linker: Linker) -> dict[tuple, Wanted]:
    return {(linker.topic(match).id,): Wanted(match.score) for match in matches}


def _in_stored_text(wanted: dict[tuple, Wanted], article: Article, item: ParsedItem) -> None:
    """Drop the evidence of fields the article stores otherwise than the item has them (an
    editor's text, which re-import keeps): their offsets would point at other words."""
    stale = [name for name in evidence.TEXT_FIELDS if getattr(article, name) != getattr(item, name)]
    if stale:
        for link in wanted.values():
            link.evidence = evidence.without_fields(link.evidence, stale)


def plan_links(
    article: Article, extracted: ExtractedArticle, linker: Linker, new: bool = False
) -> list[LinkPlan]:
    """Plan every kind of automatic link of an article (``new``: it has none yet)."""
    wanted = wanted_links(extracted, linker)
    for links in wanted.values():
        _in_stored_text(links, article, extracted.item)
    return [_plan_kind(article, kind, wanted[name], new) for name, kind in LINK_KINDS.items()]


def _plan_kind(
    article: Article, kind: LinkKind, wanted: dict[tuple, Wanted], new: bool = False
) -> LinkPlan:
    """Add the missing, recount the changed, drop the stale autos; editors' links stay."""
    plan = LinkPlan(kind, None if new else article.pk)
    rejected = set() if new else _rejected_targets(article, kind.name)
    wanted = {key: link for key, link in wanted.items() if kind.target_id(key) not in rejected}
    existing = {} if new else {link.key: link for link in getattr(article, kind.related).all()}
    for key, link in existing.items():
        if link.origin != Origin.AUTO:
            continue
        if key not in wanted:
            plan.remove.append(link.pk)
        elif (getattr(link, kind.value_field), link.evidence) != astuple(wanted[key]):
            setattr(link, kind.value_field, wanted[key].value)
            link.evidence = wanted[key].evidence
            plan.update.append(link)
    plan.add = [
        kind.build(article, key, link.value, link.evidence)
        for key, link in wanted.items()
        if key not in existing
    ]
    return plan


def _rejected_targets(article: Article, kind: str) -> set[int]:
    return {r.target_id for r in article.rejections.all() if r.kind == kind}


def apply_plans(plans: Iterable[LinkPlan]) -> LinkChanges:
    """Carry out link plans with one bulk statement per kind and operation.

    The targets' article counts are recounted once, at the end (``articles.counts``).
    """
    with counts.counts_kept():
        return _apply_plans(plans)


def _apply_plans(plans: Iterable[LinkPlan]) -> LinkChanges:
    plans = list(plans)
    by_kind: dict[str, LinkPlan] = {}
    for plan in plans:
        merged = by_kind.setdefault(plan.kind.name, LinkPlan(plan.kind))
        merged.add += plan.add
        merged.update += plan.update
        merged.remove += plan.remove
    changes = LinkChanges()
    changed = {plan.article_id for plan in plans if plan.add or plan.update or plan.remove}
    Article.objects.filter(pk__in=changed - {None}).touch()  # the change feed shows them again
    for plan in by_kind.values():
        manager = plan.kind.model.objects
        manager.bulk_create(plan.add)
        counts.touch(plan.kind.model.target_model(), (link.target_id for link in plan.add))
        if plan.kind.name in facets.LINKED_KINDS:
            counts.touch(Article, (link.article_id for link in plan.add))
        manager.bulk_update(plan.update, [plan.kind.value_field, "evidence"])
        manager.filter(pk__in=plan.remove).delete()
        changes.added += len(plan.add)
        changes.updated += len(plan.update)
        changes.removed += len(plan.remove)
        changes.added_by_kind[plan.kind.name] += len(plan.add)
    return changes


def sync_auto_links(
    article: Article, extracted: ExtractedArticle, linker: Linker | None = None
) -> LinkChanges:
    """Make one article's automatic links match the extraction; editors' work stays as it is."""
    return apply_plans(plan_links(article, extracted, linker or Linker()))


def sync_auto_topics(
    article: Article, matches: Iterable[TopicMatch], linker: Linker | None = None
) -> LinkChanges:
    """Make only the article's automatic topic links match ``matches`` (editors' links and
    rejected topics untouched)."""
    wanted = _wanted_topics(matches, linker or Linker())
    return apply_plans([_plan_kind(article, LINK_KINDS["topic"], wanted)])
