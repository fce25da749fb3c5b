"""GET /api/stats/: counts by country, topic, source, section and person pairs, filterable."""

from django.db import connection

from articles.models import Article
from tests.api.conftest import created, link

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


def test_stats_queries_are_constant(api, corpus, make_article, django_assert_num_queries, settings):
    settings.NEWSDB_STATS_PARALLEL_WORKERS = 2
    for n in range(10):
        link(make_article(f"More {n}"), person=corpus["persons"]["putin"])
    # pairs, pair names, article count, countries, topics, sources, sections; on PostgreSQL
    # also the parallel workers set and reset, in a savepoint (``parallel_query``)
    with django_assert_num_queries(7 + 4 * (connection.vendor == "postgresql")):
        assert api.get(URL).status_code == 200


def test_stats_person_pairs_read_a_bounded_candidate_set(corpus, make_person, make_article):
    """Only the newest articles are read, and only pairs of the persons most named in them."""
    putin, zelensky = corpus["persons"]["putin"], corpus["persons"]["zelensky"]
    biden, scholz = make_person("Joe Biden"), make_person("Olaf Scholz")
    for n, others in enumerate([(putin, zelensky, biden), (putin, zelensky, scholz), (biden,)]):
        article = created(make_article(f"Summit {n}"), 10 + n)
        for person in others:
            link(article, person=person)

    def pairs(**bounds):
        rows = Article.objects.all().person_pairs(**bounds)
        return {(row["person"], row["other"]): row["article_count"] for row in rows}

    assert pairs()[(putin.pk, zelensky.pk)] == 3  # Kyiv talks and the first two summits
    assert pairs(articles=1) == {}  # the newest: Biden alone
    assert pairs(articles=2) == {
        (putin.pk, zelensky.pk): 1,
        (putin.pk, scholz.pk): 1,
        (zelensky.pk, scholz.pk): 1,
    }
    assert pairs(persons=2) == {(putin.pk, zelensky.pk): 3}  # Biden and Scholz named less


def test_stats_unfiltered_counts_match_the_filtered_way(api, corpus):
    """Unfiltered, stats read stored counts and the section index: the same figures."""
    every = api.get(URL).json()
    articles = Article.objects.all()
    assert every["sections"] == list(articles.section_counts())
    countries = [{k: c[k] for k in ("code", "name")} for c in every["countries"]]
    assert countries == list(articles.country_counts().values("code", "name"))
    assert [c["article_count"] for c in every["countries"]] == [
        c["filtered_count"] for c in articles.country_counts()
    ]


def test_stats_answer_from_the_cache_for_the_same_query(api, corpus, settings, make_article):
    """Within NEWSDB_STATS_CACHE_SECONDS the same parameters, in any order, read the cache."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.NEWSDB_STATS_CACHE_SECONDS = 60
    first = api.get(URL, {"country": "UA", "limit": 5}).json()
    make_article("One more")  # not seen until the answer expires
    with CaptureQueriesContext(connection) as queries:
        again = api.get(f"{URL}?limit=5&country=UA").json()
    assert again == first
    assert not [q for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert api.get(URL).json()["article_count"] == 5  # another query: computed


def test_stats_cache_can_be_turned_off(api, corpus, settings, make_article):
    settings.NEWSDB_STATS_CACHE_SECONDS = 0
    assert api.get(URL).json()["article_count"] == 4
    make_article("One more")
    assert api.get(URL).json()["article_count"] == 5
