"""The dashboard on the desk's home page: its numbers, filters, cache, queries, permissions."""

import re
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache

from articles.models import Article, ArticleTopic
from tests.admin.helpers import queries_for


@pytest.fixture(autouse=True)
def empty_cache(settings):
    # This process's own cache: test workers sharing a Redis would empty each other's.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def section(html: str, panel_id: str) -> str:
    """The HTML of one dashboard panel (up to the next panel)."""
    start = html.index(f'id="{panel_id}"')
    following = html.find('class="module desk-panel', start + 1)
    return html[start : following if following > 0 else len(html)]


def test_dashboard_anonymous_gets_the_login_page(client):
    response = client.get("/admin/?source=anything")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_dashboard_hidden_from_staff_without_view_permission(client, db):
    client.force_login(User.objects.create_user("nobody", password="x", is_staff=True))
    assert b"desk-dashboard" not in client.get("/admin/").content


def test_dashboard_shows_counts_charts_and_tables(viewer_client, linked_articles):
    linked_articles(4)
    html = viewer_client.get("/admin/").content.decode()
    assert re.search(r"<strong>4</strong> article", html)
    countries = section(html, "dashboard-countries")
    assert "Ukraine</a></th><td>4</td>" in countries
    assert "<svg" in section(html, "dashboard-map")
    assert 'class="ua ' in section(html, "dashboard-map")  # pygal's shape of the country
    persons = section(html, "dashboard-persons")
    assert persons.count("<svg") == 3  # a sparkline per person
    assert re.search(r"Person 1</a></th><td>3</td>", persons)  # 2 links in every 3 articles
    network = section(html, "dashboard-network")
    assert "Person 0 – Person 1" in network and "<svg" in network


def test_dashboard_map_links_countries_to_the_filtered_article_list(
    viewer_client, linked_articles, country
):
    linked_articles(2)
    html = section(viewer_client.get("/admin/").content.decode(), "dashboard-map")
    ukraine = country("UA").pk
    assert f'href="/admin/articles/article/?countries__id__exact={ukraine}"' in html


def test_dashboard_filters_by_source_and_keeps_it_in_links(
    viewer_client, linked_articles, make_article, make_source
):
    linked_articles(3)
    other = make_source("Other Outlet")
    make_article(source=other)
    html = viewer_client.get(f"/admin/?source={other.slug}").content.decode()
    assert re.search(r"<strong>1</strong> article", html)
    assert "Ukraine" not in section(html, "dashboard-countries")
    assert f"source__id__exact={other.pk}&amp;needs_review__exact=1" in html


def test_dashboard_filters_by_date_range_and_section(viewer_client, make_article):
    for day, section_name in [(1, "World"), (2, "World"), (20, "Business")]:
        article = make_article(section=section_name)
        moment = datetime(2026, 3, day, tzinfo=UTC)
        Article.objects.filter(pk=article.pk).update(created_at=moment)
    html = viewer_client.get("/admin/?created_after=2026-03-02&period=day").content.decode()
    assert re.search(r"<strong>2</strong> article", html)
    timeline = section(html, "dashboard-timeline")
    assert "2026-03-02" in timeline and "2026-03-01" not in timeline
    html = viewer_client.get("/admin/?section=World").content.decode()
    assert re.search(r"<strong>2</strong> article", html)


def test_dashboard_timeline_stacks_by_topic(viewer_client, linked_articles, make_topic):
    articles = linked_articles(2)
    extra = make_topic("Elections")
    ArticleTopic.objects.create(article=articles[0], topic=extra, score=0.5)
    timeline = section(
        viewer_client.get("/admin/?stack=topic").content.decode(), "dashboard-timeline"
    )
    assert '<th scope="col">Ukraine</th>' in timeline
    assert '<th scope="col">Elections</th>' in timeline


def test_dashboard_unknown_filter_value_is_an_error_not_a_500(viewer_client, linked_articles):
    linked_articles(2)
    response = viewer_client.get("/admin/?source=no-such-outlet&period=year")
    assert response.status_code == 200
    html = response.content.decode()
    assert "errornote" in html
    assert re.search(r"<strong>2</strong> article", html)  # shown unfiltered


def test_dashboard_review_work_by_reason_and_this_week(viewer_client, make_article):
    make_article(needs_review=True, title_derived=True)
    make_article(needs_review=True)
    reviewed = make_article(needs_review=True)
    Article.objects.filter(pk=reviewed.pk).mark_reviewed()
    review = section(viewer_client.get("/admin/").content.decode(), "dashboard-review")
    numbers = re.findall(r"<th[^>]*>(?:<a[^>]*>)?([^<]+)(?:</a>)?</th><td>(\d+)</td>", review)
    assert numbers == [
        ("In the review queue", "2"),
        ("title derived from the text", "1"),
        ("flagged for another reason", "1"),
        ("Reviewed this week", "1"),
    ]


def test_dashboard_queries_do_not_grow_with_the_articles(viewer_client, linked_articles):
    linked_articles(3)
    few = queries_for(viewer_client, "/admin/?period=day")
    cache.clear()
    linked_articles(12)
    assert queries_for(viewer_client, "/admin/?period=day") == few


def test_dashboard_cached_page_reads_no_counts(viewer_client, linked_articles, settings):
    linked_articles(3)
    cold = queries_for(viewer_client, "/admin/")
    warm = queries_for(viewer_client, "/admin/")
    assert warm <= cold - 10  # the counts (and the filters' choices) come from the cache
    settings.NEWSDB_DASHBOARD_CACHE_SECONDS = 0  # cache off: counted afresh, what it held unread
    assert queries_for(viewer_client, "/admin/") == queries_for(viewer_client, "/admin/") == cold


def test_dashboard_map_shapes_name_their_country_and_count(viewer_client, linked_articles):
    linked_articles(2)
    html = section(viewer_client.get("/admin/").content.decode(), "dashboard-map")
    assert re.search(
        r'<a [^>]*aria-label="Ukraine: 2 articles"[^>]*><title>Ukraine: 2 articles<', html
    )
