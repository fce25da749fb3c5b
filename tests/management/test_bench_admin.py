"""bench_admin at a tiny size: every desk page timed and counted, and nothing left behind."""

import io
import json

from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article, Person, Source

PAGES = {
    "article list, first page",
    "article list, search",
    "article list, country filter",
    "article list, review queue",
    "article list, sorted by persons",
    "article change form",
    "person list",
}


def bench_admin(*args) -> str:
    out = io.StringIO()
    call_command("bench_admin", "--articles", "20", "--repeat", "2", *args, stdout=out)
    return out.getvalue()


def test_bench_admin_times_and_counts_every_desk_page_then_rolls_back(db):
    figures = json.loads(bench_admin("--json"))
    assert (figures["articles"], figures["repeat"]) == (20, 2)
    assert set(figures["pages"]) == PAGES
    for page in figures["pages"].values():
        assert page["url"].startswith("/admin/articles/")
        assert page["median_seconds"] > 0
        assert page["queries"] > 0
    assert not Article.objects.exists()
    assert not Person.objects.exists() and not Source.objects.exists()
    assert not User.objects.exists()


def test_bench_admin_prints_markdown_without_json(db):
    text = bench_admin()
    assert text.startswith("## Editors' desk (admin)")
    assert "20 synthetic articles" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + len(PAGES)  # header, rule, one row per page
