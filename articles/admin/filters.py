"""Changelist filters for related rows: never one line per row of a long table."""

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q

from articles.choices import ReviewReason


class RelatedFilter(admin.RelatedFieldListFilter):
    """A related-row filter titled by the related model ("By person", not "By persons").

    Through a link table (an article's countries, persons, topics) it selects with a semi-join,
    ``id IN (SELECT article_id FROM the links of that country)``, not a join: each article comes
    once, so the list needs no DISTINCT (``spawns_duplicates``, read by ``changelist``), and the
    planner starts from the country's links when they are few.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.admin_site = model_admin.admin_site
        super().__init__(field, request, params, model, model_admin, field_path)
        self.title = field.related_model._meta.verbose_name
        self.spawns_duplicates = not (self.field.many_to_many and "__" not in field_path)

    def queryset(self, request, queryset):
        if self.spawns_duplicates or not self.lookup_val:
            return super().queryset(request, queryset)
        through = self.field.remote_field.through._default_manager
        target = self.field.m2m_reverse_field_name()
        try:
            links = through.filter(**{f"{target}__in": self.lookup_val})
            return queryset.filter(pk__in=links.values(self.field.m2m_field_name()))
        except (ValueError, ValidationError) as error:
            raise IncorrectLookupParameters(error) from error


class LinkedOnlyFilter(RelatedFilter):
    """Lists only the related rows that some object links to, in one query.

    Rows that store their ``article_count`` answer from it: reading every link to find the
    used rows takes a second at a million articles.
    """

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        if hasattr(field.related_model, "article_count"):
            used = Q(article_count__gt=0)
        else:
            used = Q(pk__in=field.model._default_manager.values(field.name))
        return field.get_choices(include_blank=False, ordering=ordering, limit_choices_to=used)


class AutocompleteFilter(RelatedFilter):
    """A related-row filter searched as you type (the admin's autocomplete view), no list."""

    template = "admin/articles/autocomplete_filter.html"

    def field_choices(self, field, request, model_admin):
        return []

    def has_output(self):
        return True

    def choices(self, changelist):
        remove = [self.lookup_kwarg, self.lookup_kwarg_isnull]
        yield {"widget": self.widget(changelist.get_query_string(remove=remove))}

    def widget(self, clear_url: str) -> str:
        """The select2 box; the filter's script reloads the list when it changes."""
        attrs = {"data-filter-url": clear_url, "data-filter-param": self.lookup_kwarg}
        chooser = forms.ModelChoiceField(
            queryset=self.field.related_model._default_manager.all(),
            required=False,
            widget=AutocompleteSelect(self.field, self.admin_site, attrs=attrs),
        )
        selected = self.lookup_val[-1] if self.lookup_val else None
        return chooser.widget.render(f"filter-{self.field_path}", selected)


# The distinct values of an indexed column, one index probe per value ("loose index scan"):
# SELECT DISTINCT reads every row, a second at a million articles for a thousand files.
_DISTINCT_SQL = """
WITH RECURSIVE found(value) AS (
    SELECT MIN({column}) FROM {table}
    UNION ALL
    SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.value)
    FROM found WHERE found.value IS NOT NULL
)
SELECT value FROM found WHERE value IS NOT NULL
"""


class IndexedValuesFilter(admin.AllValuesFieldListFilter):
    """The values of an indexed column, found by probing its index once per distinct value."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.lookup_choices = _distinct_values(model, field.column)


def _distinct_values(model, column: str) -> list:
    sql = _DISTINCT_SQL.format(column=connection.ops.quote_name(column), table=model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


class ReviewReasonFilter(admin.SimpleListFilter):
    """The review queue by reason: read from the queue's partial index, then its reasons."""

    title = "review reason"
    parameter_name = "review_reason"

    def lookups(self, request, model_admin):
        return ReviewReason.choices

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        return queryset.filter(needs_review=True, review_reasons__contains=self.value())
