"""EstimatedCountPaginator: exact up to its cap, an estimate or the cap beyond."""

import pytest
from django.db import connection

from articles.admin import paginator
from articles.admin.paginator import EstimatedCountPaginator
from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def five(make_article, monkeypatch):
    monkeypatch.setattr(paginator, "CAP", 2)
    return [make_article(needs_review=n % 2 == 0) for n in range(5)]


def test_paginator_counts_exactly_up_to_the_cap(five):
    one = Article.objects.filter(pk=five[0].pk)
    assert EstimatedCountPaginator(one, 50).count == 1


def test_paginator_caps_a_filtered_count(five):
    assert EstimatedCountPaginator(Article.objects.filter(needs_review=True), 50).count == 2


def test_paginator_estimates_an_unfiltered_table(five):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE articles_article")
    estimate = EstimatedCountPaginator(Article.objects.all(), 50).count
    assert estimate == (5 if connection.vendor == "postgresql" else 2)
