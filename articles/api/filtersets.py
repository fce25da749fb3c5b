"""One FilterSet per resource; every filter is explicit and backed by an index."""

from datetime import UTC

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters import utils
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.utils.urls import replace_query_param

from articles import search as full_text
from articles.api.references import (
    MAX_VALUES,
    CountriesFilter,
    PersonsFilter,
    Resolved,
    SourcesFilter,
    TopicsFilter,
    canonical_values,
)
from articles.choices import ReviewReason, Suspicion
from articles.models import (
    Article,
    Country,
    CountryAlias,
    Person,
    PersonAlias,
    Source,
    Story,
    Topic,
)


class FilterBackend(DjangoFilterBackend):
    """django-filter, without building the filter form when no filter is asked for.

    That form is a deep copy of every filter's field: most requests (a plain page, the next
    page) need none of it. Such a request gets the FilterSet's ``unfiltered`` queryset.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if (
            filterset_class
            and not request.query_params.keys() & filterset_class.base_filters.keys()
        ):
            return filterset_class.unfiltered(queryset)
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        request.canonical_url = canonical_url(request, filterset)
        return filterset.qs


def canonical_url(request, filterset) -> str | None:
    """This request's URL with merged rows' values replaced by the rows kept (else ``None``)."""
    replaced = canonical_values(filterset.form.cleaned_data)
    if not replaced:
        return None
    url = request.build_absolute_uri()
    for name, value in replaced.items():
        url = replace_query_param(url, name, value)
    return url


class FilterSet(filters.FilterSet):
    @classmethod
    def unfiltered(cls, queryset):
        """The queryset when no filter parameter is given (what filtering by nothing gives)."""
        return queryset


# Sort orders of the articles list: the last key is the unique id, as keyset paging needs.
ARTICLE_ORDERINGS = {
    "-created": ("-created_at", "-id"),
    "created": ("created_at", "id"),
    "title": ("title", "id"),
    "-title": ("-title", "-id"),
    "relevance": ("distance", "-id"),
    "updated": ("updated_at", "id"),  # the change feed: oldest change first, see ``settled``
    "dated": ("dated", "id"),
    "-dated": ("-dated", "-id"),
}
# Orderings that list only the articles having the sort key (a null has no place in a keyset).
DATED_ORDERINGS = {"dated", "-dated"}


class StrictBooleanField(forms.NullBooleanField):
    """``true``/``false`` (or ``1``/``0``); anything else is an error, not "no filter"."""

    widget = forms.TextInput
    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if str(value).lower() not in self.VALUES:
            raise forms.ValidationError("Use true or false.", code="invalid")
        return self.VALUES[str(value).lower()]


class StrictBooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date or date-time, as UTC (a zone offset the database refuses is no error)."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError as error:
            raise forms.ValidationError("Out of range.", code="invalid") from error


class UtcDateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class SearchField(forms.CharField):
    """A full-text query, parsed once: too long or too many operators is a 400, not a 500."""

    def clean(self, value):
        text = super().clean(value)
        try:
            return full_text.parse(text) if text else text
        except full_text.SearchError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class SearchFilter(filters.CharFilter):
    field_class = SearchField


class ArticleFilterSet(FilterSet):
    source = SourcesFilter(
        method="filter_source",
        help_text=f"Source slug; several (repeated or comma-separated, at most {MAX_VALUES}) "
        "match any. An unknown slug is a 400.",
    )
    country = CountriesFilter(
        method="filter_country",
        help_text=f"ISO 3166-1 alpha-2 code, any case; several (repeated or comma-separated, at "
        f"most {MAX_VALUES}): see `country_match`. An unknown code is a 400.",
    )
    country_match = filters.ChoiceFilter(
        choices=[("any", "any"), ("all", "all")],
        method="filter_nothing",
        help_text="With several countries: `any` (default): articles naming any of them; "
        "`all`: articles naming every one.",
    )
    person = PersonsFilter(
        method="filter_person",
        help_text=f"Person id or slug, as author or mentioned; several (at most {MAX_VALUES}) "
        "match any. A merged person's old id or slug finds the person kept, and the answer "
        'names the canonical query in a `Link: <…>; rel="canonical"` header. Unknown: 400.',
    )
    topic = TopicsFilter(
        method="filter_topic",
        help_text=f"Topic slug; several (at most {MAX_VALUES}) match any. Unknown: 400.",
    )
    section = filters.CharFilter(
        field_name="section",
        help_text="Section heading of the dump, exactly as written (e.g. `World`); free text.",
    )
    status = filters.ChoiceFilter(
        choices=Article.Status.choices, help_text="Editorial status of the article."
    )
    needs_review = StrictBooleanFilter(
        help_text="`true`: only articles the importer flagged for review; `false`: the others."
    )
    is_duplicate = StrictBooleanFilter(
        method="filter_is_duplicate",
        help_text="`false`: only first-seen articles, each republished text once (count "
        "coverage with it); `true`: only the copies (see `duplicate_of`).",
    )
    review_reason = filters.ChoiceFilter(
        choices=ReviewReason.choices,
        method="filter_review_reason",
        help_text="Articles on the review queue for this reason (see `review_reasons`).",
    )
    created_after = UtcDateTimeFilter(
        field_name="created_at",
        lookup_expr="gte",
        help_text="ISO 8601 date or date-time (no zone: UTC); created at or after it.",
    )
    created_before = UtcDateTimeFilter(
        field_name="created_at",
        lookup_expr="lt",
        help_text="ISO 8601 date or date-time (no zone: UTC); created before it.",
    )
    updated_after = UtcDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="ISO 8601 date or date-time (no zone: UTC); changed at or after it. With "
        "`ordering=updated`, the change feed.",
    )
    dated_after = filters.DateFilter(
        field_name="dated",
        lookup_expr="gte",
        help_text="ISO 8601 date; articles whose events are dated on or after it.",
    )
    dated_before = filters.DateFilter(
        field_name="dated",
        lookup_expr="lt",
        help_text="ISO 8601 date; articles whose events are dated before it.",
    )
    provenance_file = filters.CharFilter(
        help_text="Dump file name, as in `provenance.file`; free text."
    )
    story = filters.ModelChoiceFilter(
        queryset=Story.objects.all(),
        field_name="story",
        help_text="Story id: the articles of that story. Unknown: 400.",
    )
    search = SearchFilter(
        method="filter_search",
        help_text=(
            'Full text over title, summary and body: words, "phrases", `or`, `-word`; '
            f"at most {full_text.MAX_CHARS} characters and {full_text.MAX_TERMS} words and "
            "operators."
        ),
    )
    ordering = filters.ChoiceFilter(
        choices=[(name, name) for name in ARTICLE_ORDERINGS],
        method="filter_nothing",
        help_text="Sort order; `relevance` (the default when searching) needs `search`; "
        "`updated`: oldest change first, changes of the last moments held back (the change "
        "feed); `dated`/`-dated` list only dated articles.",
    )

    class Meta:
        model = Article
        fields = []

    @classmethod
    def unfiltered(cls, queryset):
        return queryset.order_by(*ARTICLE_ORDERINGS["-created"])

    def filter_queryset(self, queryset):
        """Apply the filters, then the sort order the keyset pages follow."""
        queryset = super().filter_queryset(queryset)
        name = self.ordering_name()
        if name == "updated":
            queryset = queryset.settled()
        elif name in DATED_ORDERINGS:
            queryset = queryset.filter(dated__isnull=False)
        return queryset.order_by(*ARTICLE_ORDERINGS[name])

    def ordering_name(self) -> str:
        data = self.form.cleaned_data
        searching = bool(data.get("search"))
        name = data.get("ordering") or ("relevance" if searching else "-created")
        return name if searching or name != "relevance" else "-created"

    def filter_nothing(self, queryset, name, value):
        return queryset  # read by another filter or by filter_queryset

    def filter_review_reason(self, queryset, name, value: str):
        return queryset.filter(needs_review=True, review_reasons__contains=value)

    def filter_source(self, queryset, name, value: list[Resolved]):
        return queryset.filter(source_id__in=[ref.pk for ref in value])

    def filter_country(self, queryset, name, value: list[Resolved]):
        match_all = self.form.cleaned_data.get("country_match") == "all"
        return queryset.linked_to("country", [ref.pk for ref in value], match_all=match_all)

    def filter_person(self, queryset, name, value: list[Resolved]):
        return queryset.linked_to("person", [ref.pk for ref in value])

    def filter_topic(self, queryset, name, value: list[Resolved]):
        return queryset.linked_to("topic", [ref.pk for ref in value])

    def filter_is_duplicate(self, queryset, name, value: bool):
        return queryset.filter(duplicate_of__isnull=not value)

    def filter_search(self, queryset, name, value: full_text.Query):
        return queryset.search(value)


class StatsFilterSet(ArticleFilterSet):
    """The article filters, without a sort order: counts have none to choose."""

    ordering = None


class NameSearchFilterSet(FilterSet):
    """Base of the entity FilterSets: ``search`` over names (and aliases), ``ordering``."""

    search = filters.CharFilter(method="filter_search", help_text="Part of the name or an alias.")

    def filter_search(self, queryset, name, value: str):
        return queryset.filter(self.name_matches(value.strip()))


class EntityOrdering(filters.OrderingFilter):
    """The chosen order, ties broken by name: rows with equal counts keep a stable order."""

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "name") if value else qs


def _ordering(*names: str) -> filters.OrderingFilter:
    return EntityOrdering(
        fields=[(name, name) for name in names] + [("article_count", "count")],
        help_text="Sort order; `-count` lists those with most articles first.",
    )


class PersonFilterSet(NameSearchFilterSet):
    suspicion = filters.ChoiceFilter(
        choices=Suspicion.choices,
        method="filter_suspicion",
        help_text="Persons suspected for this reason (see `suspicion`; the desk's suspects "
        "queue). Unknown: 400.",
    )
    suspect = StrictBooleanFilter(
        method="filter_suspect",
        help_text="`true`: the suspects queue (any reason, `no_articles` included); `false`: "
        "persons with no reason.",
    )
    ordering = _ordering("name")

    class Meta:
        model = Person
        fields = []

    def filter_suspicion(self, queryset, name, value: str):
        return queryset.suspected(value)

    def filter_suspect(self, queryset, name, value: bool):
        return queryset.suspects() if value else queryset.unsuspected()

    def name_matches(self, text: str) -> Q:
        aliases = PersonAlias.objects.filter(person=OuterRef("pk"), name__icontains=text)
        return Q(name__icontains=text) | Exists(aliases)


class CountryFilterSet(NameSearchFilterSet):
    ordering = _ordering("name", "code")

    class Meta:
        model = Country
        fields = []

    def name_matches(self, text: str) -> Q:
        aliases = CountryAlias.objects.filter(
            country=OuterRef("pk"), text__icontains=text, is_active=True
        )
        return Q(name__icontains=text) | Q(code__iexact=text) | Exists(aliases)


class TopicFilterSet(NameSearchFilterSet):
    parent = TopicsFilter(
        method="filter_parent",
        help_text="Parent topic slug: its direct subtopics. Unknown: 400.",
    )
    ordering = _ordering("name")

    class Meta:
        model = Topic
        fields = []

    def name_matches(self, text: str) -> Q:
        return Q(name__icontains=text) | Q(slug__icontains=text)

    def filter_parent(self, queryset, name, value: list[Resolved]):
        return queryset.filter(parent_id__in=[ref.pk for ref in value])


class SourceFilterSet(NameSearchFilterSet):
    ordering = _ordering("name")

    class Meta:
        model = Source
        fields = []

    def name_matches(self, text: str) -> Q:
        return Q(name__icontains=text)


# Story sort orders (``-`` descending), the id breaking ties.
STORY_ORDERINGS = {
    "-last_seen": ("-last_seen", "-id"),
    "last_seen": ("last_seen", "id"),
    "-first_seen": ("-first_seen", "-id"),
    "first_seen": ("first_seen", "id"),
    "-size": ("-size", "-last_seen", "-id"),
    "size": ("size", "last_seen", "id"),
}


class StoryFilterSet(FilterSet):
    """Stories by what their articles name (through ``StoryKey``), when seen, and size."""

    country = CountriesFilter(
        method="filter_keys",
        help_text="ISO alpha-2 code named by one of its articles (any of several).",
    )
    person = PersonsFilter(
        method="filter_keys",
        help_text="Person id or slug named by one of its articles (any of several).",
    )
    topic = TopicsFilter(
        method="filter_keys", help_text="Topic slug of one of its articles (any of several)."
    )
    source = SourcesFilter(
        method="filter_keys",
        help_text="Source slug that published one of its articles (any of several).",
    )
    seen_after = UtcDateTimeFilter(
        field_name="last_seen",
        lookup_expr="gte",
        help_text="ISO date or date-time: stories with an article at or after it.",
    )
    seen_before = UtcDateTimeFilter(
        field_name="first_seen",
        lookup_expr="lt",
        help_text="ISO date or date-time: stories with an article before it.",
    )
    min_size = filters.NumberFilter(
        field_name="size", lookup_expr="gte", min_value=1, help_text="At least this many articles."
    )
    ordering = filters.ChoiceFilter(
        choices=[(name, name) for name in STORY_ORDERINGS],
        method="filter_nothing",
        help_text="`-last_seen` (default: most recent first), `-size` (largest first), …",
    )

    # The StoryKey prefix of each entity filter (see articles.ingest.story_match).
    KEY_PREFIXES = {"country": "c", "person": "p", "topic": "t", "source": "s"}

    class Meta:
        model = Story
        fields = []

    @classmethod
    def unfiltered(cls, queryset):
        return queryset.order_by(*STORY_ORDERINGS["-last_seen"])

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(
            *STORY_ORDERINGS[self.form.cleaned_data.get("ordering") or "-last_seen"]
        )

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_keys(self, queryset, name, value: list[Resolved]):
        return queryset.having_keys(f"{self.KEY_PREFIXES[name]}:{ref.pk}" for ref in value)
