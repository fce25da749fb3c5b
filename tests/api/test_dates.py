"""Article dates in the API: filters, orderings, writes that re-import keeps, stats buckets."""

from datetime import date

import pytest

from articles.models import Topic


@pytest.fixture
def dated(make_article):
    """Four articles: three dated (two in one week, one a month later), one not."""
    days = {"mon": date(2024, 6, 24), "fri": date(2024, 6, 28), "july": date(2024, 7, 30)}
    made = {key: make_article(key, dated=day, dated_source="text") for key, day in days.items()}
    made["none"] = make_article("none")
    return made


def ids(answer) -> list[int]:
    assert answer.status_code == 200, answer.content
    return [row["id"] for row in answer.json()["results"]]


@pytest.mark.django_db
def test_dated_filters_select_a_date_range(api, dated):
    answer = api.get("/api/articles/?dated_after=2024-06-25&dated_before=2024-07-30")
    assert ids(answer) == [dated["fri"].pk]
    assert api.get("/api/articles/?dated_after=June").status_code == 400


@pytest.mark.django_db
def test_dated_orderings_list_dated_articles_by_date(api, dated):
    oldest_first = [dated[key].pk for key in ("mon", "fri", "july")]
    assert ids(api.get("/api/articles/?ordering=dated")) == oldest_first
    pages = api.get("/api/articles/?ordering=-dated&page_size=2").json()
    rest = ids(api.get(pages["next"]))
    assert [row["id"] for row in pages["results"]] + rest == oldest_first[::-1]


@pytest.mark.django_db
def test_dated_is_shown_with_its_source(api, dated):
    row = api.get(f"/api/articles/{dated['mon'].pk}/").json()
    assert (row["dated"], row["dated_source"]) == ("2024-06-24", "text")
    undated = api.get(f"/api/articles/{dated['none'].pk}/").json()
    assert (undated["dated"], undated["dated_source"]) == (None, None)


@pytest.mark.django_db
def test_dated_written_through_the_api_is_marked_api_and_kept(editor_api, dated):
    article = dated["mon"]
    answer = editor_api.patch(f"/api/articles/{article.pk}/", {"dated": "2024-06-20"})
    assert answer.status_code == 200, answer.content
    assert (answer.json()["dated"], answer.json()["dated_source"]) == ("2024-06-20", "api")
    article.refresh_from_db()
    assert "dated" in article.edited_fields
    bad = editor_api.patch(f"/api/articles/{article.pk}/", {"dated": "soon"})
    assert bad.status_code == 400


@pytest.mark.django_db
def test_dated_cannot_be_written_anonymously(api, dated):
    article = dated["mon"]
    assert api.patch(f"/api/articles/{article.pk}/", {"dated": "2024-06-20"}).status_code == 401


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        ("week", [("2024-06-24", 2), ("2024-07-29", 1)]),
        ("month", [("2024-06-01", 2), ("2024-07-01", 1)]),
    ],
)
def test_stats_bucket_counts_dated_articles_per_period(api, dated, bucket, expected):
    answer = api.get(f"/api/stats/?bucket={bucket}")
    assert answer.status_code == 200
    assert [(row["period"], row["article_count"]) for row in answer.json()["dated"]] == expected
    filtered = api.get(f"/api/stats/?bucket={bucket}&dated_after=2024-07-01").json()
    assert [row["article_count"] for row in filtered["dated"]] == [1]


@pytest.mark.django_db
def test_stats_bucket_must_be_week_or_month(api, dated):
    assert "dated" not in api.get("/api/stats/").json()
    assert api.get("/api/stats/?bucket=day").status_code == 400


@pytest.mark.django_db
def test_topics_carry_their_iptc_code(api):
    war = Topic.objects.get(slug="war-and-conflict")
    assert war.iptc_code == "medtop:16000000"
    row = api.get(f"/api/topics/{war.pk}/").json()
    assert row["iptc_code"] == "medtop:16000000"
    assert Topic.objects.get(slug="racism").iptc_code is None
