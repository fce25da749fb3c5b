"""Filter values that name rows (countries, persons, topics, sources): parsed, bounded, resolved.

A value naming no row is an error that names the value, never an empty answer: a consumer with
a typo learns of it. A merged person's old slug or id resolves to the person it was merged into
(see ``Person.merge_into``), so saved queries survive curation. Every filter takes at most
``MAX_VALUES`` values: each one is work (one ``EXISTS`` per country with ``country_match=all``).
"""

import re
from dataclasses import dataclass

import django_filters as filters
from django import forms
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from articles.models import Country, Person, PersonAlias, Source, Topic

MAX_VALUES = 10


@dataclass(frozen=True)
class Resolved:
    """A filter value and the row it names; ``canonical`` is set when it named a merged row."""

    pk: int
    given: str
    canonical: str | None = None


class ValuesWidget(forms.Widget):
    """The parameter's values, repeated (``country=UA&country=RU``) or not; commas split later.

    Only the plain name is read (not ``country[]``): what is not read is ignored, and next-page
    links leave ignored parameters out.
    """

    def value_from_datadict(self, data, files, name):
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        return [value for value in values if value is not None]

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class ReferencesField(forms.Field):
    """Values (repeated or comma-separated), each naming one row; cleans to ``Resolved`` rows."""

    widget = ValuesWidget
    plural = "values"
    malformed = "%(value)s is too long to name anything."
    unknown = "%(value)s names nothing."

    def to_python(self, value) -> list[str]:
        items = value if isinstance(value, list | tuple) else [value] if value else []
        return [part.strip() for item in items for part in str(item).split(",") if part.strip()]

    def validate(self, value: list[str]) -> None:
        super().validate(value)
        if len(value) > MAX_VALUES:
            raise forms.ValidationError(
                f"At most {MAX_VALUES} {self.plural} in one filter ({len(value)} given).",
                code="limit",
            )
        self.raise_for(value, self.malformed, lambda ref: not self.well_formed(ref))

    def clean(self, value) -> list[Resolved]:
        refs = super().clean(value)
        if not refs:
            return []
        found = self.resolve(refs)
        self.raise_for(refs, self.unknown, lambda ref: ref not in found)
        return [found[ref] for ref in dict.fromkeys(refs)]

    @staticmethod
    def raise_for(refs: list[str], message: str, is_bad) -> None:
        bad = [ref for ref in dict.fromkeys(refs) if is_bad(ref)]
        if bad:
            raise forms.ValidationError(
                [forms.ValidationError(message, "invalid", {"value": _shown(ref)}) for ref in bad]
            )

    def well_formed(self, ref: str) -> bool:
        return len(ref) <= 200

    def resolve(self, refs: list[str]) -> dict[str, Resolved]:
        """The rows ``refs`` name, by the value naming each; unknown values are left out."""
        raise NotImplementedError


class CountryCodesField(ReferencesField):
    plural = "countries"
    malformed = "%(value)s is not an ISO 3166-1 alpha-2 code."
    unknown = "%(value)s is not a known country code."

    def well_formed(self, ref: str) -> bool:
        return bool(re.fullmatch(r"[A-Za-z]{2}", ref))

    def resolve(self, refs):
        codes = Country.objects.filter(code__in={ref.upper() for ref in refs})
        ids = dict(codes.values_list("code", "pk"))
        return {ref: Resolved(ids[ref.upper()], ref) for ref in refs if ref.upper() in ids}


class SlugsField(ReferencesField):
    """Slugs of one model's rows."""

    model = None

    def resolve(self, refs):
        ids = dict(self.model.objects.filter(slug__in=refs).values_list("slug", "pk"))
        return {ref: Resolved(ids[ref], ref) for ref in refs if ref in ids}


class TopicSlugsField(SlugsField):
    model = Topic
    plural = "topics"
    unknown = "%(value)s is not a known topic slug."


class SourceSlugsField(SlugsField):
    model = Source
    plural = "sources"
    unknown = "%(value)s is not a known source slug."


def _shown(ref: str) -> str:
    """A value as an error message quotes it: long ones cut (they come back to the client)."""
    return ref if len(ref) <= 60 else f"{ref[:60]}…"


def _as_id(ref: str) -> int | None:
    """The id a value spells, if it spells one (ASCII digits that fit a bigint)."""
    return int(ref) if ref.isascii() and ref.isdigit() and len(ref) < 19 else None


class PersonRefsField(ReferencesField):
    """Person ids or slugs; those of merged persons resolve to the person kept."""

    plural = "persons"
    unknown = "%(value)s is not a known person id or slug."

    def resolve(self, refs):
        ids = {_as_id(ref): ref for ref in refs if _as_id(ref) is not None}
        rows = list(
            Person.objects.filter(Q(slug__in=refs) | Q(pk__in=ids)).values_list("pk", "slug")
        )
        found = {ids[pk]: Resolved(pk, ids[pk]) for pk, _ in rows if pk in ids}  # ids first
        for pk, slug in rows:
            if slug in refs:
                found.setdefault(slug, Resolved(pk, slug))
        missing = [ref for ref in refs if ref not in found]
        return found | (self.resolve_merged(missing, ids) if missing else {})

    @staticmethod
    def resolve_merged(refs: list[str], ids: dict) -> dict[str, Resolved]:
        """The persons that the persons once named by these slugs or ids were merged into."""
        old_ids = [pk for pk, ref in ids.items() if ref in refs]
        aliases = PersonAlias.objects.filter(Q(merged_slug__in=refs) | Q(merged_id__in=old_ids))
        found = {}
        for slug, old_id, pk, kept in aliases.values_list(
            "merged_slug", "merged_id", "person_id", "person__slug"
        ):
            if slug in refs:
                found[slug] = Resolved(pk, slug, canonical=kept)
            if ids.get(old_id) in refs:
                found[ids[old_id]] = Resolved(pk, ids[old_id], canonical=str(pk))
        return found


ITEM_SCHEMAS = {
    CountryCodesField: {"type": "string", "pattern": "^[A-Za-z]{2}$", "example": "UA"},
    PersonRefsField: {"type": "string", "example": "vladimir-putin"},
    TopicSlugsField: {"type": "string", "example": "war"},
    SourceSlugsField: {"type": "string", "example": "dissident-voice"},
}


class ReferencesFilter(filters.Filter):
    """A filter whose method receives the values resolved (a list of ``Resolved``)."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        items = ITEM_SCHEMAS[cls.field_class]
        extend_schema_field({"type": "array", "items": items, "maxItems": MAX_VALUES})(cls)


class CountriesFilter(ReferencesFilter):
    field_class = CountryCodesField


class PersonsFilter(ReferencesFilter):
    field_class = PersonRefsField


class TopicsFilter(ReferencesFilter):
    field_class = TopicSlugsField


class SourcesFilter(ReferencesFilter):
    field_class = SourceSlugsField


def canonical_values(cleaned_data: dict) -> dict[str, str]:
    """For each filter given a merged row's value: its values, naming the rows themselves."""
    return {
        name: ",".join(ref.canonical or ref.given for ref in value)
        for name, value in cleaned_data.items()
        if isinstance(value, list) and any(getattr(ref, "canonical", None) for ref in value)
    }
