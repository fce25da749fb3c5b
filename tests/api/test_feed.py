"""The change feed: ``ordering=updated`` keyset pages over (updated_at, id), ``updated_after``,
a horizon that no uncommitted change can precede, and every write path bumping ``updated_at``."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles import feed
from articles.models import Article

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def settled_at_once(settings):
    settings.NEWSDB_FEED_SETTLE_SECONDS = 0


def changed(article, moment=LONG_AGO) -> None:
    Article.objects.filter(pk=article.pk).update(updated_at=moment)


def read_feed(api, url: str) -> tuple[list[tuple[int, str]], str | None]:
    """Follow ``next`` links from ``url`` to the end: the (id, updated_at) seen, the last link."""
    seen, last = [], url
    while url:
        page = api.get(url).json()
        seen += [(row["id"], row["updated_at"]) for row in page["results"]]
        last, url = url, page["next"]
    return seen, last


@pytest.mark.django_db
def test_feed_lists_oldest_change_first_and_resumes_without_gaps_or_repeats(api, make_article):
    articles = [make_article() for _ in range(5)]
    for day, article in enumerate(articles, start=1):
        changed(article, LONG_AGO + timedelta(days=day))
    first = api.get("/api/articles/?ordering=updated&page_size=2").json()
    assert [row["id"] for row in first["results"]] == [a.pk for a in articles[:2]]
    # While the consumer is away: an old article is withdrawn, a new one arrives.
    withdrawn = articles[0]
    api_editor_change = Article.objects.get(pk=withdrawn.pk)
    api_editor_change.status = Article.Status.WITHDRAWN
    api_editor_change.save()
    newcomer = make_article()
    seen, _ = read_feed(api, first["next"])
    ids = [pk for pk, _ in seen]
    assert ids == [a.pk for a in articles[2:]] + [withdrawn.pk, newcomer.pk]
    assert len(set(seen)) == len(seen)
    assert api.get(f"/api/articles/{withdrawn.pk}/").json()["status"] == "withdrawn"


@pytest.mark.django_db
def test_feed_updated_after_selects_changes_at_or_after_the_moment(api, make_article):
    old, new = make_article(), make_article()
    changed(old)
    answer = api.get("/api/articles/?ordering=updated&updated_after=2021-01-01T00:00:00Z")
    assert [row["id"] for row in answer.json()["results"]] == [new.pk]
    bad = api.get("/api/articles/?updated_after=yesterday")
    assert bad.status_code == 400 and "updated_after" in bad.json()["errors"]


@pytest.mark.django_db
def test_feed_holds_back_changes_younger_than_the_settle_time(api, make_article, settings):
    settings.NEWSDB_FEED_SETTLE_SECONDS = 60
    settled, fresh = make_article(), make_article()
    changed(settled)
    ids = [row["id"] for row in api.get("/api/articles/?ordering=updated").json()["results"]]
    assert ids == [settled.pk]
    everything = api.get("/api/articles/").json()["results"]  # other orders show everything
    assert fresh.pk in [row["id"] for row in everything]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_stat_activity is PostgreSQL's")
@pytest.mark.django_db
def test_feed_horizon_stops_before_an_open_write_transaction():
    import psycopg

    other = psycopg.connect(**connection.get_connection_params())
    try:
        with other.transaction():
            started = other.execute("SELECT now(), txid_current()").fetchone()[0]
            assert feed.horizon() <= started
        assert feed.horizon() > started
    finally:
        other.close()


@pytest.mark.django_db
def test_editor_link_changes_bump_updated_at(corpus, make_topic, make_person):
    kyiv, gas = corpus["articles"]["kyiv"], corpus["articles"]["gas"]
    for article in (kyiv, gas):
        changed(article)
    Article.objects.filter(pk=kyiv.pk).assign_topic(make_topic("Peace"))
    Article.objects.filter(pk=gas.pk).remove_person(corpus["persons"]["putin"])
    for article in (kyiv, gas):
        article.refresh_from_db()
        assert article.updated_at > LONG_AGO


@pytest.mark.django_db
def test_person_merge_bumps_the_articles_it_relinks(corpus, make_person):
    front = corpus["articles"]["front"]
    changed(front)
    corpus["persons"]["zelensky"].merge_into(make_person("Volodymyr Zelenskyy"))
    front.refresh_from_db()
    assert front.updated_at > LONG_AGO


@pytest.mark.django_db
def test_article_touch_sets_now(make_article):
    article = make_article()
    changed(article)
    before = timezone.now()
    assert Article.objects.filter(pk=article.pk).touch() == 1
    article.refresh_from_db()
    assert article.updated_at >= before


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [5, 40])
def test_feed_and_dated_pages_take_a_fixed_number_of_queries(
    api, make_article, rows, django_assert_num_queries
):
    for n in range(rows):
        make_article(f"Extra {n}", dated=f"2024-01-{n % 28 + 1:02d}", dated_source="text")
    # the page (one query), plus the horizon of the open transactions on PostgreSQL (two
    # queries here: inside the test's transaction the activity snapshot is cleared first)
    horizon = 2 if connection.vendor == "postgresql" else 0
    with django_assert_num_queries(1 + horizon):
        answer = api.get("/api/articles/?ordering=updated&page_size=100").json()
    assert len(answer["results"]) == rows
    with django_assert_num_queries(1):
        assert (
            len(api.get("/api/articles/?ordering=-dated&page_size=100").json()["results"]) == rows
        )
