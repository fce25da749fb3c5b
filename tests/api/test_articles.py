"""GET /api/articles/: filters, search, ordering, sparse fields, keyset pages, queries; related."""

import pytest

from articles.api.serializers import ArticleSerializer
from articles.models import Article
from tests.api.conftest import created, link

URL = "/api/articles/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["title"] for row in response.json()["results"]]


def test_articles_list_is_newest_first_without_body(api, corpus):
    response = api.get(URL)
    assert titles(response) == ["US vote", "Front line", "Gas prices", "Kyiv talks"]
    first = response.json()["results"][0]
    assert "body" not in first
    assert list(first) == [key for key in ArticleSerializer.Meta.fields if key != "body"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=dissident-voice", {"Kyiv talks", "Front line"}),
        ("country=UA", {"Kyiv talks", "Front line"}),
        ("country=ua&country=RU", {"Kyiv talks", "Gas prices", "Front line"}),
        ("country=UA,RU", {"Kyiv talks", "Gas prices", "Front line"}),
        ("country=UA&country=RU&country_match=all", {"Kyiv talks"}),
        ("topic=war", {"Kyiv talks", "Front line"}),
        ("section=World", {"Kyiv talks", "Front line"}),
        ("status=reviewed", {"US vote"}),
        ("needs_review=true", {"US vote"}),
        ("needs_review=false", {"Kyiv talks", "Gas prices", "Front line"}),
        ("created_after=2026-01-02", {"Gas prices", "Front line", "US vote"}),
        ("created_before=2026-01-03T00:00:00Z", {"Kyiv talks", "Gas prices"}),
        ("created_after=2026-01-02&created_before=2026-01-03", {"Gas prices"}),
        ("provenance_file=a.txt", {"Kyiv talks", "Front line"}),
        ("country=UA&topic=war&source=dissident-voice", {"Kyiv talks", "Front line"}),
        ("country=RU&topic=war", {"Kyiv talks"}),
        ("topic=energy&section=World", set()),
    ],
)
def test_articles_filter_narrows(api, corpus, query, expected):
    assert set(titles(api.get(f"{URL}?{query}"))) == expected


def test_articles_filter_dates_take_any_zone_offset(api, corpus):
    # 2026-01-03T00:00+23:30 is 2026-01-02T00:30Z: a moment PostgreSQL cannot spell itself
    response = api.get(f"{URL}?created_after=2026-01-03T00:00:00%2B23:30")
    assert set(titles(response)) == {"Front line", "US vote"}


def test_articles_filter_person_by_id_or_slug(api, corpus):
    putin = corpus["persons"]["putin"]
    assert set(titles(api.get(f"{URL}?person={putin.pk}"))) == {"Kyiv talks", "Gas prices"}
    assert set(titles(api.get(f"{URL}?person={putin.slug}&country=UA"))) == {"Kyiv talks"}


@pytest.mark.parametrize(
    ("ref", "shown"),
    [("99999999999999999999999", "99999999999999999999999"), ("%C2%B2", "²"), ("nobody", "nobody")],
)
def test_articles_filter_person_unknown_is_a_400_naming_it(api, corpus, ref, shown):
    response = api.get(f"{URL}?person={ref}")
    assert response.status_code == 400
    assert response.json()["errors"] == {"person": [f"{shown} is not a known person id or slug."]}


def test_articles_filter_person_counts_authors(api, corpus, make_person):
    writer = make_person("Jane Writer")
    link(corpus["articles"]["vote"], person=writer, role="author")
    assert titles(api.get(f"{URL}?person={writer.slug}")) == ["US vote"]


@pytest.mark.parametrize(
    "query",
    [
        "country=USA",
        "status=lost",
        "needs_review=maybe",
        "created_after=yesterday",
        "created_before=0001-01-01T00:00:00%2B05:00",  # before the year 1 in UTC
        "ordering=x",
    ],
)
def test_articles_filter_rejects_bad_values_with_an_error_body(api, corpus, query):
    response = api.get(f"{URL}?{query}")
    body = response.json()
    assert response.status_code == 400
    assert body["status"] == 400 and body["code"] == "invalid"
    assert list(body["errors"]) == [query.split("=")[0]]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("created", ["Kyiv talks", "Gas prices", "Front line", "US vote"]),
        ("title", ["Front line", "Gas prices", "Kyiv talks", "US vote"]),
        ("-title", ["US vote", "Kyiv talks", "Gas prices", "Front line"]),
        ("relevance", ["US vote", "Front line", "Gas prices", "Kyiv talks"]),  # no search: newest
    ],
)
def test_articles_ordering(api, corpus, ordering, expected):
    assert titles(api.get(f"{URL}?ordering={ordering}")) == expected


def test_articles_search_matches_title_summary_and_body(api, make_article):
    make_article("Ceasefire agreed", summary="Talks ended.")
    make_article("Markets", summary="Stocks rose after the ceasefire.")
    make_article("Weather", body="Rain. The ceasefire held overnight.")
    make_article("Unrelated", summary="Nothing here.")
    assert set(titles(api.get(f"{URL}?search=ceasefire"))) == {
        "Ceasefire agreed",
        "Markets",
        "Weather",
    }


def test_articles_search_ranks_title_hit_above_body_hit(api, make_article):
    body_hit = make_article("Weather report", body="Officials discussed the grain corridor.")
    title_hit = make_article("Grain corridor reopens", summary="Ships sail again.")
    created(body_hit, 2)  # the body hit is newer: only rank can put the title hit first
    created(title_hit, 1)
    assert titles(api.get(f"{URL}?search=grain corridor")) == [
        "Grain corridor reopens",
        "Weather report",
    ]
    ordered = titles(api.get(f"{URL}?search=grain corridor&ordering=-created"))
    assert ordered == ["Weather report", "Grain corridor reopens"]


def test_articles_search_combines_with_filters(api, corpus):
    assert titles(api.get(f"{URL}?search=talks&country=UA")) == ["Kyiv talks"]
    assert titles(api.get(f"{URL}?search=talks&country=US")) == []


def test_articles_list_fields_and_include(api, corpus):
    rows = api.get(f"{URL}?fields=id,title,countries").json()["results"]
    assert list(rows[0]) == ["id", "title", "countries"]
    assert "body" in api.get(f"{URL}?include=body").json()["results"][0]
    response = api.get(f"{URL}?fields=id,bogus")
    assert response.status_code == 400 and "bogus" in response.json()["errors"]["fields"][0]


def test_articles_detail_is_the_export_representation(api, corpus):
    article = Article.objects.for_representation().get(pk=corpus["articles"]["kyiv"].pk)
    response = api.get(f"{URL}{article.pk}/")
    assert response.status_code == 200
    assert response.json() == ArticleSerializer(article).data
    assert api.get(f"{URL}999999/").json() == {
        "status": 404,
        "code": "not_found",
        "detail": "No Article matches the given query.",
    }


def make_many(count: int) -> None:
    Article.objects.bulk_create(
        Article(
            title=f"Bulk {n:04d}",
            fingerprint=f"bulk{n:060d}",
            provenance_file="bulk.txt",
            provenance_line_start=n,
            provenance_line_end=n,
            provenance_sha256="0" * 64,
        )
        for n in range(count)
    )


def test_articles_pages_follow_next_and_previous_links(api, db):
    make_many(7)
    seen, url, pages = [], f"{URL}?page_size=3&ordering=title", []
    while url:
        response = api.get(url)
        pages.append(response)
        seen += titles(response)
        url = response.json()["next"]
    assert seen == [f"Bulk {n:04d}" for n in range(7)]
    assert [len(titles(page)) for page in pages] == [3, 3, 1]
    assert pages[0].json()["previous"] is None
    assert 'rel="next"' in pages[0]["Link"] and 'rel="prev"' in pages[1]["Link"]
    back = api.get(pages[2].json()["previous"])
    assert titles(back) == titles(pages[1])
    assert titles(api.get(back.json()["previous"])) == titles(pages[0])


def test_articles_pages_with_equal_created_at_lose_nothing(api, db):
    make_many(9)  # bulk-created: many share a timestamp, the id breaks ties
    Article.objects.update(created_at=Article.objects.first().created_at)
    seen, url = [], f"{URL}?page_size=2"
    while url:
        response = api.get(url)
        seen += titles(response)
        url = response.json()["next"]
    assert sorted(seen) == [f"Bulk {n:04d}" for n in range(9)] and len(set(seen)) == 9


def test_articles_search_pages_follow_the_rank_and_lose_nothing(api, make_article):
    for n in range(3):
        make_article(f"Harbour news {n}", summary="Cranes.")  # title hits tie on rank
        make_article(f"Other {n}", body="Cranes at the harbour.")  # body hits tie lower
    seen, url, pages = [], f"{URL}?search=harbour&page_size=2", 0
    while url:
        response = api.get(url)
        seen += titles(response)
        url, pages = response.json()["next"], pages + 1
    assert pages == 3 and len(set(seen)) == 6
    assert {t[:7] for t in seen[:3]} == {"Harbour"} and {t[:5] for t in seen[3:]} == {"Other"}
    back = api.get(api.get(f"{URL}?search=harbour&page_size=2").json()["next"]).json()
    assert titles(api.get(back["previous"])) == seen[:2]


def test_articles_page_size_is_clamped(api, db):
    make_many(205)
    assert len(titles(api.get(f"{URL}?page_size=1000"))) == 200
    assert len(titles(api.get(f"{URL}?page_size="))) == 50
    assert len(titles(api.get(URL))) == 50


def test_articles_bad_cursor_is_a_400(api, corpus):
    response = api.get(f"{URL}?cursor=not-a-cursor")
    assert response.status_code == 400 and "cursor" in response.json()["errors"]
    cursor = api.get(f"{URL}?page_size=1").json()["next"].split("cursor=")[1].split("&")[0]
    payload, signature = cursor.rsplit("%3A", 1)  # signing's "payload:timestamp:signature"
    forged = payload + "%3A" + signature[::-1]
    assert api.get(f"{URL}?page_size=1&cursor={forged}").status_code == 400  # cursors are signed
    assert api.get(f"{URL}?page_size=1&cursor={cursor}").status_code == 200
    next_url = api.get(f"{URL}?page_size=1&ordering=title").json()["next"]
    assert api.get(next_url.replace("ordering=title", "ordering=created")).status_code == 400


@pytest.mark.parametrize("rows", [2, 30])
def test_articles_list_queries_are_constant(
    api, corpus, make_article, rows, django_assert_num_queries
):
    for n in range(rows):
        link(make_article(f"Extra {n}"), person=corpus["persons"]["putin"])
    # one query (sources joined, links as JSON built by the database); a filter by code looks
    # the code's id up first; a search sorts its keys first, then reads the page's rows by id
    with django_assert_num_queries(1):
        assert len(titles(api.get(f"{URL}?page_size=100"))) == rows + 4
    with django_assert_num_queries(2):
        assert api.get(f"{URL}?country=UA&page_size=100").status_code == 200
    with django_assert_num_queries(2):
        assert len(titles(api.get(f"{URL}?search=extra&page_size=100"))) == rows


def test_articles_related_ranks_by_shared_entities(api, corpus):
    kyiv = corpus["articles"]["kyiv"]
    results = api.get(f"{URL}{kyiv.pk}/related/").json()["results"]
    assert [r["article"]["title"] for r in results] == ["Front line", "Gas prices"]
    assert {k: results[0][k] for k in ("score", "persons", "topics", "countries")} == {
        "score": 6,
        "persons": 1,
        "topics": 1,
        "countries": 1,
    }
    assert results[1]["score"] == 4 and "body" not in results[1]["article"]
    assert len(api.get(f"{URL}{kyiv.pk}/related/?limit=1").json()["results"]) == 1
