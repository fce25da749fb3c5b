"""What the extractors read from the database, and the rows articles link to."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from articles.ingest.entities.sources import display_name, source_key
from articles.ingest.entities.variants import surname_key, variant_key
from articles.ingest.records import (
    Catalog,
    CountryAliasRecord,
    RegistryPerson,
    TopicMatch,
    TopicRule,
)
from articles.models import (
    Country,
    CountryAlias,
    Person,
    PersonAlias,
    PersonBlock,
    Source,
    SourceAlias,
    Topic,
)
from articles.normalise import name_key, slug_for


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
    merged = frozenset(SourceAlias.objects.values_list("key", flat=True))
    outlets = frozenset(Source.objects.values_list("key", flat=True)) | merged
    return Catalog(
        country_names=names,
        country_aliases=aliases,
        topics=topics,
        persons=load_person_registry(),
        outlets=tuple(Source.objects.values_list("name", flat=True)),
        outlet_keys=outlets,
        merged_outlet_keys=merged,
    )


def load_person_registry() -> tuple[RegistryPerson, ...]:
    """The persons registry-assisted recognition looks for, with their aliases (two queries)."""
    aliases: dict[int, list[str]] = defaultdict(list)
    for person_id, name in PersonAlias.objects.values_list("person_id", "name"):
        aliases[person_id].append(name)
    return tuple(
        RegistryPerson(name, tuple(aliases[pk]))
        for pk, name in Person.objects.registry().values_list("pk", "name").order_by("pk")
    )


class Linker:
    """Finds or creates the rows articles link to, caching them for one import run."""

    def __init__(self):
        self._sources: dict[str, Source] = {}
        self._topics: dict[str, Topic] = {}
        self._persons: dict[str, Person | None] = {}
        self._blocked: set[str] | None = None  # read on the first person asked for
        self._country_ids = dict(Country.objects.values_list("code", "id"))

    def source(self, name: str | None) -> Source | None:
        """The Source of an outlet name, created on first sight; all spellings share one key, and
        a name merged into another source (a ``SourceAlias``) is that source."""
        key = source_key(name or "")
        if not key:
            return None
        if key not in self._sources:
            source = _known_source(key)
            if source is None:
                source = _create_unique_slug(Source, name=display_name(name))
            self._sources[key] = source
        return self._sources[key]

    def topic(self, match: TopicMatch) -> Topic:
        if match.slug not in self._topics:
            topic = Topic.objects.filter(slug=match.slug).first()
            if topic is None:
                topic = _create_unique_slug(Topic, name=match.name, slug=match.slug)
            self._topics[match.slug] = topic
        return self._topics[match.slug]

    def person(self, name: str) -> Person | None:
        """The Person a name refers to: by key, by alias, by a single surname match, or new.

        None for a blocked name (an editor said it is not a person): never created or linked.
        """
        key = name_key(name)
        if self._blocked is None:
            self._blocked = PersonBlock.objects.keys()
        if key in self._blocked:
            return None
        if key not in self._persons:
            self._persons[key] = resolve_person(name) or _create_unique_slug(Person, name=name)
        return self._persons[key]

    def prefetch_persons(self, names: Iterable[str]) -> None:
        """Find in three statements the stored persons a chunk's names refer to by key, alias
        or spelling variant, as ``resolve_person`` would one name at a time; the rest (a
        surname, a new person) are left to ``person``."""
        if self._blocked is None:
            self._blocked = PersonBlock.objects.keys()
        wanted = {name_key(name): name for name in names}
        wanted = {
            key: name
            for key, name in wanted.items()
            if key not in self._persons and key not in self._blocked
        }
        if not wanted:
            return
        found = {person.key: person for person in Person.objects.filter(key__in=wanted)}
        aliases = defaultdict(list)
        rows = PersonAlias.objects.select_related("person").filter(key__in=wanted.keys() - found)
        for alias in rows:
            aliases[alias.key].append(alias.person)
        found |= {key: persons[0] for key, persons in aliases.items() if len(persons) == 1}
        variants = {key: variant_key(name) for key, name in wanted.items() if key not in found}
        by_variant = defaultdict(list)
        for person in Person.objects.filter(variant_key__in=set(variants.values())):
            by_variant[person.variant_key].append(person)
        for key, variant in variants.items():
            if key not in aliases and len(by_variant[variant]) == 1:
                found[key] = by_variant[variant][0]
        self._persons.update(found)

    def country_id(self, code: str) -> int | None:
        return self._country_ids.get(code.upper())


def _known_source(key: str) -> Source | None:
    """The stored Source with this key, or the one an alias with this key names."""
    found = Source.objects.filter(key=key).first()
    if found is None:
        alias = SourceAlias.objects.select_related("source").filter(key=key).first()
        found = alias.source if alias else None
    return found


def resolve_person(name: str) -> Person | None:
    """An existing Person this name refers to, or None: by key, by alias, by spelling variant
    ("Zelenskyy" for "Zelensky", "Steven" for "Steve"), or by surname.

    A variant or a one-word name (a surname) links to a known person only when exactly one fits.
    """
    key = name_key(name)
    person = Person.objects.filter(key=key).first()
    if person is None:
        alias = PersonAlias.objects.select_related("person").filter(key=key).first()
        person = alias.person if alias else None
    if person is None:
        person = _only(Person.objects.filter(variant_key=variant_key(name)))
    if person is None and len(name.split()) == 1:
        person = _only(surname_matches(name))
    return person


def surname_matches(surname: str):
    """Persons with more than one word whose last word is ``surname`` in any spelling."""
    return Person.objects.filter(variant_key__endswith=f" {surname_key(surname)}")


def _only(persons) -> Person | None:
    found = list(persons[:2])
    return found[0] if len(found) == 1 else None


def _create_unique_slug(model, *, name: str, slug: str = ""):
    """Create a row whose slug may collide with another name's: suffix -2, -3… until free."""
    base = slug or slug_for(name)
    candidate, n = base, 1
    while model.objects.filter(slug=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    row = model(name=name, slug=candidate)
    row._change_reason = "import: new name in a dump"  # what the history shows for who made it
    with transaction.atomic():
        row.save(force_insert=True)
    return row
