"""GET /api/stats/: counts by country, topic, source, section and person pairs, filterable."""

from tests.api.conftest import link

URL = "/api/stats/"


def test_stats_count_every_dimension(api, corpus):
    stats = api.get(URL).json()
    assert stats["article_count"] == 4
    assert [(c["code"], c["article_count"]) for c in stats["countries"]] == [
        ("RU", 2),
        ("UA", 2),
        ("US", 1),
    ]
    assert [(t["slug"], t["article_count"]) for t in stats["topics"]] == [("war", 2), ("energy", 1)]
    assert [(s["slug"], s["article_count"]) for s in stats["sources"]] == [
        ("dissident-voice", 2),
        ("the-guardian", 2),
    ]
    assert stats["sections"] == [
        {"section": "World", "article_count": 2},
        {"section": "Business", "article_count": 1},
    ]
    pair = stats["person_pairs"][0]
    assert [p["name"] for p in pair["persons"]] == ["Vladimir Putin", "Volodymyr Zelensky"]
    assert pair["article_count"] == 1 and len(stats["person_pairs"]) == 1


def test_stats_follow_the_article_filters(api, corpus):
    stats = api.get(f"{URL}?country=UA&topic=war").json()
    assert stats["article_count"] == 2
    assert {c["code"] for c in stats["countries"]} == {"UA", "RU"}
    assert stats["sources"] == [
        {
            "id": corpus["sources"]["dv"].pk,
            "slug": "dissident-voice",
            "name": "Dissident Voice",
            "article_count": 2,
        }
    ]
    assert api.get(f"{URL}?source=the-guardian").json()["person_pairs"] == []
    assert api.get(f"{URL}?search=talks").json()["article_count"] == 1
    assert api.get(f"{URL}?country=nope").status_code == 400


def test_stats_person_pairs_count_articles_and_ignore_authors(api, corpus, make_person):
    putin, zelensky = corpus["persons"]["putin"], corpus["persons"]["zelensky"]
    link(corpus["articles"]["front"], person=putin)
    link(corpus["articles"]["front"], person=make_person("Jane Writer"), role="author")
    pairs = api.get(URL).json()["person_pairs"]
    assert [([p["id"] for p in pair["persons"]], pair["article_count"]) for pair in pairs] == [
        ([putin.pk, zelensky.pk], 2)
    ]


def test_stats_limit_is_clamped(api, corpus):
    assert len(api.get(f"{URL}?limit=1").json()["countries"]) == 1
    assert len(api.get(f"{URL}?limit=100000").json()["countries"]) == 3


def test_stats_queries_are_constant(api, corpus, make_article, django_assert_num_queries):
    for n in range(10):
        link(make_article(f"More {n}"), person=corpus["persons"]["putin"])
    # pairs, pair names, article count, countries, topics, sources, sections
    with django_assert_num_queries(7):
        assert api.get(URL).status_code == 200
