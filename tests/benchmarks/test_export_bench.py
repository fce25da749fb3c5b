"""The export benchmark reads each export to its end and reports what it counted."""

import pytest

from articles.benchmarks import export_bench


@pytest.mark.django_db
def test_export_bench_counts_every_row_of_each_export(make_article, country):
    from articles.models import ArticleCountry

    articles = [make_article(f"Article {n}", body="words " * 50) for n in range(3)]
    ArticleCountry.objects.create(article=articles[0], country=country("UA"))
    rows = {row["label"]: row for row in export_bench.measure()}
    assert [row["rows"] for row in rows.values()] == [3, 3, 1]
    for row in rows.values():
        assert row["seconds"] > 0 and row["mb"] > 0 and row["traced_peak_mb"] > 0
    table = export_bench.render(3, list(rows.values()))
    assert "| all articles, CSV | 3 |" in table
