"""One FilterSet per resource; every filter is explicit and backed by an index."""

import re
from datetime import UTC

import django_filters as filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django_filters.fields import IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.widgets import QueryArrayWidget
from drf_spectacular.utils import extend_schema_field

from articles import search as full_text
from articles.models import (
    Article,
    Country,
    CountryAlias,
    Person,
    PersonAlias,
    Source,
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
        return super().filter_queryset(request, queryset, view)


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
    "relevance": ("-rank", "-id"),
}


class CountryCodesField(forms.MultipleChoiceField):
    """One or more ISO alpha-2 codes: ``country=UA&country=RU`` or ``country=UA,RU``."""

    widget = QueryArrayWidget
    default_error_messages = {"invalid_choice": "%(value)s is not an ISO 3166-1 alpha-2 code."}

    def to_python(self, value) -> list[str]:
        return [code.strip() for item in super().to_python(value) for code in item.split(",")]

    def valid_value(self, value) -> bool:
        return bool(re.fullmatch(r"[A-Za-z]{2}", value))


@extend_schema_field({"type": "string", "pattern": "^[A-Za-z]{2}$"})
class CountryCodesFilter(filters.MultipleChoiceFilter):
    field_class = CountryCodesField


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
    source = filters.CharFilter(field_name="source__slug", help_text="Source slug.")
    country = CountryCodesFilter(
        method="filter_country",
        help_text="ISO alpha-2 code; repeat for several (see country_match).",
    )
    country_match = filters.ChoiceFilter(
        choices=[("any", "any"), ("all", "all")],
        method="filter_nothing",
        help_text="With several countries: articles naming any of them (default) or all.",
    )
    person = filters.CharFilter(method="filter_person", help_text="Person id or slug.")
    topic = filters.CharFilter(method="filter_topic", help_text="Topic slug.")
    section = filters.CharFilter(field_name="section")
    status = filters.ChoiceFilter(choices=Article.Status.choices)
    needs_review = StrictBooleanFilter()
    created_after = UtcDateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = UtcDateTimeFilter(field_name="created_at", lookup_expr="lt")
    provenance_file = filters.CharFilter(help_text="Dump file name, as in provenance.file.")
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
        help_text="Sort order; `relevance` (the default when searching) needs `search`.",
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
        return queryset.order_by(*ARTICLE_ORDERINGS[self.ordering_name()])

    def ordering_name(self) -> str:
        data = self.form.cleaned_data
        searching = bool(data.get("search"))
        name = data.get("ordering") or ("relevance" if searching else "-created")
        return name if searching or name != "relevance" else "-created"

    def filter_nothing(self, queryset, name, value):
        return queryset  # read by another filter or by filter_queryset

    def filter_country(self, queryset, name, value):
        match_all = self.form.cleaned_data.get("country_match") == "all"
        return queryset.in_countries(value, match_all=match_all)

    def filter_person(self, queryset, name, value: str):
        return queryset.naming(value)

    def filter_topic(self, queryset, name, value: str):
        return queryset.about(value)

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


def _ordering(*names: str) -> filters.OrderingFilter:
    return filters.OrderingFilter(
        fields=[(name, name) for name in names] + [("article_count", "count")],
        help_text="Sort order; `-count` lists those with most articles first.",
    )


class PersonFilterSet(NameSearchFilterSet):
    ordering = _ordering("name")

    class Meta:
        model = Person
        fields = []

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
    parent = filters.CharFilter(field_name="parent__slug", help_text="Parent topic slug.")
    ordering = _ordering("name")

    class Meta:
        model = Topic
        fields = []

    def name_matches(self, text: str) -> Q:
        return Q(name__icontains=text) | Q(slug__icontains=text)


class SourceFilterSet(NameSearchFilterSet):
    ordering = _ordering("name")

    class Meta:
        model = Source
        fields = []

    def name_matches(self, text: str) -> Q:
        return Q(name__icontains=text)
