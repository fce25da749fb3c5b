"""GET /api/sources/: article counts, search, ordering, links to articles."""

import pytest

URL = "/api/sources/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_sources_list_counts_search_and_order(api, corpus, make_source):
    make_source("Radio Free")
    assert slugs(api.get(f"{URL}?ordering=count")) == [
        "radio-free",
        "dissident-voice",
        "the-guardian",
    ]
    assert slugs(api.get(f"{URL}?search=guard")) == ["the-guardian"]
    row = api.get(f"{URL}?search=guard").json()["results"][0]
    assert row["article_count"] == 2 and row["name"] == "The Guardian"


def test_sources_detail_links_to_its_articles(api, corpus):
    guardian = corpus["sources"]["guardian"]
    detail = api.get(f"{URL}{guardian.pk}/").json()
    titles = {row["title"] for row in api.get(detail["articles"]).json()["results"]}
    assert titles == {"Gas prices", "US vote"}


@pytest.mark.parametrize("extra", [0, 20])
def test_sources_list_queries_are_constant(
    api, corpus, make_source, extra, django_assert_num_queries
):
    for n in range(extra):
        make_source(f"Outlet {n}")
    with django_assert_num_queries(3):  # count, page, the page's aliases
        assert len(slugs(api.get(f"{URL}?page_size=100"))) == extra + 2


def test_api_lists_source_aliases(api, make_source):
    source = make_source("Truthout")
    source.aliases.create(name="Latest – Truthout")
    row = api.get(f"/api/sources/{source.pk}/").json()
    assert row["aliases"] == ["Latest – Truthout"]
