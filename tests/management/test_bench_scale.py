"""bench_scale: builds its corpus with exact counts and times every page of the 1M table."""

import pytest
from django.db import connection

from articles.benchmarks import api_corpus, scale_bench
from articles.counts import find_drift

on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")


def test_bench_scale_refuses_a_database_holding_other_articles(make_article):
    make_article("Someone's real article")
    with pytest.raises(RuntimeError, match="holds 1 articles, not 300"):
        scale_bench.ensure_corpus(300, say=lambda text: None)


@on_postgresql
def test_bench_scale_corpus_has_exact_counts_and_every_page_answers(db):
    scale_bench.ensure_corpus(150, say=lambda text: None)
    assert api_corpus.bench_articles().count() == 150
    assert not any(find_drift().values())
    rows = scale_bench.measure(repeat=1)
    stats = [url for _, url, _ in scale_bench.requests() if url.startswith("/api/stats/")]
    assert len(rows) == len(scale_bench.requests()) + len(stats) + 1 >= 20  # + searches' p99
    assert "**p99** of 100" in rows[-1]["label"]
    assert any(row["label"].endswith(", computed") for row in rows)
    assert all(row["status"] == 200 and row["median_ms"] > 0 for row in rows)
    table = scale_bench.render(150, rows)
    assert "| admin person list | " in table and "bench_scale --articles 150" in table
