"""``GET /api/articles/export/``: the filtered articles streamed as JSON Lines or CSV."""

import csv
import io
import json

import pytest
from rest_framework.throttling import SimpleRateThrottle

from articles.api.serializers import ArticleSerializer
from articles.models import Article


def body(answer) -> str:
    assert answer.status_code == 200, answer.content
    assert answer.streaming, "an export is streamed, never built whole"
    return b"".join(answer.streaming_content).decode()


@pytest.mark.django_db
def test_export_streams_json_lines_in_the_export_articles_shape(api, corpus):
    answer = api.get("/api/articles/export/?country=UA")
    assert answer["Content-Type"].startswith("application/x-ndjson")
    assert answer["Content-Disposition"].startswith('attachment; filename="articles-')
    assert answer["Content-Disposition"].endswith('.jsonl"')
    rows = [json.loads(line) for line in body(answer).splitlines()]
    expected = [corpus["articles"][key].pk for key in ("kyiv", "front")]
    assert [row["id"] for row in rows] == expected
    stored = Article.objects.for_representation().get(pk=expected[0])
    assert rows[0] == json.loads(json.dumps(ArticleSerializer(stored).data))
    assert "body" in rows[0]


@pytest.mark.django_db
def test_export_csv_honours_the_same_filters_as_the_list(api, corpus):
    query = "topic=war&source=dissident-voice"
    answer = api.get(f"/api/articles/export/?format=csv&{query}")
    assert answer["Content-Type"].startswith("text/csv")
    assert answer["Content-Disposition"].endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(body(answer))))
    listed = api.get(f"/api/articles/?{query}").json()["results"]
    assert sorted(int(row["id"]) for row in rows) == sorted(row["id"] for row in listed)
    assert rows[0]["topics"] == "war"
    assert rows[0]["iptc_codes"] == ""  # a topic of the test's own, without a code


@pytest.mark.django_db
def test_export_csv_lists_the_iptc_codes_of_the_topics(api, make_article):
    from articles.models import ArticleTopic, Topic

    article = make_article("Dockers strike")
    for slug in ("war-and-conflict", "labour-and-strikes", "racism"):
        ArticleTopic.objects.create(article=article, topic=Topic.objects.get(slug=slug))
    (row,) = csv.DictReader(io.StringIO(body(api.get("/api/articles/export/?format=csv"))))
    assert row["iptc_codes"] == "medtop:09000000; medtop:16000000"
    line = json.loads(body(api.get("/api/articles/export/")))
    assert {t["slug"]: t["iptc_code"] for t in line["topics"]}["racism"] is None


@pytest.mark.django_db
def test_export_of_a_search_selects_the_matches(api, corpus):
    lines = body(api.get("/api/articles/export/?search=gas")).splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["Gas prices"]


@pytest.mark.django_db
def test_export_bad_filter_or_format_is_a_json_error(api, corpus):
    bad = api.get("/api/articles/export/?country=XX")
    assert bad.status_code == 400 and bad["Content-Type"] == "application/json"
    assert "country" in bad.json()["errors"]
    assert api.get("/api/articles/export/?format=xml").status_code == 404


@pytest.mark.django_db
def test_export_is_throttled_per_client(api, corpus, monkeypatch):
    rates = {**SimpleRateThrottle.THROTTLE_RATES, "export": "2/hour"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    answers = [api.get("/api/articles/export/").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    assert api.get("/api/articles/").status_code == 200  # the list is not an export
