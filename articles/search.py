"""Full-text search over articles: the one place that knows which backend the database has.

PostgreSQL matches the stored, weighted ``search_vector`` (migration ``0006_search``) with
``websearch_to_tsquery`` (quotes, ``or`` and ``-word`` work; syntax errors cannot happen) and
ranks with ``ts_rank``: a title hit (weight A) outranks a summary hit (B), which outranks a body
hit (C). Other databases (SQLite in development) match every word case-insensitively in title,
summary or body and rank by where the words were found.
"""

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connections
from django.db.models import Case, Expression, FloatField, Q, Value, When
from django.db.models.expressions import Col

CONFIG = "english"


class StoredVector(Expression):
    """The ``search_vector`` column of the query's article table (unknown to the model state)."""

    def resolve_expression(self, query=None, *args, **kwargs):
        field = SearchVectorField()
        field.set_attributes_from_name("search_vector")
        field.model = query.model
        return Col(query.get_initial_alias(), field)


def search(queryset, text: str):
    """Keep the articles matching ``text`` and annotate each with its ``rank`` (higher first)."""
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, text)
    return _search_portable(queryset, text)


def _search_postgresql(queryset, text):
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    return queryset.filter(SearchVectorExact(StoredVector(), query)).annotate(
        rank=SearchRank(StoredVector(), query)
    )


def _search_portable(queryset, text):
    words = text.split()
    if not words:
        return queryset.none()
    matched = Q()
    for word in words:
        matched &= Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
    rank = Case(
        When(_all_words_in("title", words), then=Value(1.0)),
        When(_all_words_in("summary", words), then=Value(0.4)),
        default=Value(0.1),
        output_field=FloatField(),
    )
    return queryset.filter(matched).annotate(rank=rank)


def _all_words_in(field: str, words: list[str]) -> Q:
    condition = Q()
    for word in words:
        condition &= Q(**{f"{field}__icontains": word})
    return condition
