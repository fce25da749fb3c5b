"""/api/stats/ filtered by one country, topic, source or section reads the facet pair counts."""

import pytest

from articles import facets
from articles.models import FacetPair

URL = "/api/stats/"
SINGLE_FILTERS = [
    "country=UA",
    "country=ru",
    "country=US",
    "topic=war",
    "topic=energy",
    "source=dissident-voice",
    "source=the-guardian",
    "section=World",
    "section=Business",
]


def without_pairs(stats: dict) -> dict:
    return {name: value for name, value in stats.items() if name != "person_pairs"}


@pytest.mark.parametrize("query", SINGLE_FILTERS)
def test_stats_of_one_facet_equal_the_counted_answer(api, corpus, query):
    # An empty second filter selects the same articles but is no longer one facet: counted.
    from_pairs = api.get(f"{URL}?{query}").json()
    counted = api.get(f"{URL}?{query}&status=").json()
    assert from_pairs == counted
    assert from_pairs["article_count"] > 0


def test_stats_of_one_facet_read_the_stored_pairs(api, corpus):
    war = facets.key("topic", corpus["topics"]["war"].pk)
    FacetPair.objects.filter(facet=war, other=war).update(article_count=99)
    assert api.get(f"{URL}?topic=war").json()["article_count"] == 99
    assert api.get(f"{URL}?topic=war&status=").json()["article_count"] == 2


def test_stats_of_several_values_or_filters_are_counted(api, corpus):
    stats = api.get(f"{URL}?country=UA,RU").json()
    assert stats["article_count"] == 3
    stats = api.get(f"{URL}?country=UA&country_match=all").json()
    assert stats["article_count"] == 2
    assert api.get(f"{URL}?topic=war&country=RU").json()["article_count"] == 1


def test_stats_of_a_facet_honour_the_limit(api, corpus):
    stats = api.get(f"{URL}?country=UA&limit=1").json()
    assert len(stats["countries"]) == 1 and stats["countries"][0]["code"] == "UA"
    assert stats == api.get(f"{URL}?country=UA&limit=1&status=").json()
