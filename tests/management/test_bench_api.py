"""bench_api: refuses what it must, and measures a (tiny) generated corpus on PostgreSQL."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles.benchmarks import api_bench, api_corpus
from articles.models import Article

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite refusal")
def test_bench_api_refuses_sqlite(db):
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("bench_api", stdout=io.StringIO())


@on_postgresql
def test_bench_api_refuses_a_database_holding_other_articles(make_article):
    make_article("Someone's real article")
    with pytest.raises(CommandError, match="scratch database"):
        call_command("bench_api", "--articles", "300", stdout=io.StringIO(), stderr=io.StringIO())
    assert Article.objects.count() == 1


@on_postgresql
def test_bench_api_measures_every_request_next_to_its_reference(db):
    api_corpus.build(400)
    assert api_corpus.bench_articles().count() == 400
    figures = api_bench.run(repeat=3)
    rows = [r["rows"] for r in figures["results"]]
    assert rows[:2] == [50, 50] and rows[3] == min(50, figures["search_matches"])
    assert all(
        r["api"]["median_ms"] > 0 and r["reference"]["p99_ms"] > 0 for r in figures["results"]
    )
    assert 0 < figures["search_matches"] < 400
    markdown = api_bench.render(figures)
    assert markdown.startswith("## API on PostgreSQL (400 articles)")
    assert markdown.count("\n| ") == 6  # header, rule, four requests
