"""``parallel_query``: parallel workers for one block's statements, and only for them."""

import pytest
from django.db import connection

from articles.parallel import parallel_query


def workers_setting() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_parallel_query_sets_the_workers_for_its_block_and_restores_them():
    if connection.vendor != "postgresql":
        pytest.skip("parallel query is PostgreSQL's")
    before = workers_setting()
    with parallel_query(3):
        assert workers_setting() == "3"
    assert workers_setting() == before


@pytest.mark.django_db
def test_parallel_query_with_no_workers_leaves_the_connection_alone(django_assert_num_queries):
    with django_assert_num_queries(0), parallel_query(0):
        pass
