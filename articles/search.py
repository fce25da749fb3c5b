"""Full-text search over articles: the one place that knows which backend the database has.

PostgreSQL matches the stored, weighted ``search_vector`` (migration ``0006_search``) with
``websearch_to_tsquery`` (quotes, ``or`` and ``-word`` work; syntax errors cannot happen) and
ranks with ``ts_rank`` over ``search_rank_vector``: a title hit (weight A) outranks a summary
hit (B), which outranks a hit in the body's first 300 characters (C); a hit further into the
body ranks lowest (ties: newest id first). Other databases (SQLite in development) match every
word case-insensitively in title, summary or body and rank by where the words were found.
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
from django.db.models.functions import Cast

CONFIG = "english"


class StoredVector(Expression):
    """A tsvector column of the query's article table (unknown to the model state)."""

    def __init__(self, column: str = "search_vector"):
        super().__init__()
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        field = SearchVectorField()
        field.set_attributes_from_name(self.column)
        field.model = query.model
        return Col(query.get_initial_alias(), field)


def search(queryset, text: str):
    """Keep the articles matching ``text`` and annotate each with its ``rank`` (higher first)."""
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, text)
    return _search_portable(queryset, text)


def _search_postgresql(queryset, text):
    query = SearchQuery(text, config=CONFIG, search_type="websearch")
    # ts_rank is a float4: as a float8 its value survives the trip to a page cursor and back.
    rank = Cast(SearchRank(StoredVector("search_rank_vector"), query), FloatField())
    return queryset.filter(SearchVectorExact(StoredVector(), query)).annotate(rank=rank)


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
