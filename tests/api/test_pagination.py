"""Paging and list parameters: bad values are a 400, big ones clamped, links carry valid ones."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.conftest import link


def error_names(response) -> list[str]:
    assert response.status_code == 400, response.content
    return list(response.json()["errors"])


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", "%C2%B2", "1e3"])
@pytest.mark.parametrize("url", ["/api/articles/", "/api/persons/", "/api/topics/"])
def test_pagination_bad_page_size_is_a_400(api, corpus, url, value):
    assert error_names(api.get(f"{url}?page_size={value}")) == ["page_size"]


@pytest.mark.parametrize("value", ["abc", "0", "-2"])
def test_pagination_bad_page_number_is_a_400(api, corpus, value):
    assert error_names(api.get(f"/api/persons/?page={value}")) == ["page"]


def test_pagination_page_past_the_end_is_a_404(api, corpus):
    response = api.get("/api/persons/?page=5")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


@pytest.mark.parametrize("url", ["/api/stats/", "related"])
@pytest.mark.parametrize("value", ["x", "0", "-5"])
def test_pagination_bad_limit_is_a_400(api, corpus, url, value):
    if url == "related":
        url = f"/api/articles/{corpus['articles']['kyiv'].pk}/related/"
    assert error_names(api.get(f"{url}?limit={value}")) == ["limit"]


@pytest.mark.parametrize("query", ["include=nothing", "include=body,title", "fields=id,nope"])
def test_pagination_bad_include_or_fields_is_a_400(api, corpus, query):
    assert error_names(api.get(f"/api/articles/?{query}")) == [query.split("=")[0]]


def query_of(url: str) -> dict:
    return parse_qs(urlsplit(url).query)


def test_pagination_next_links_carry_only_valid_parameters(api, corpus):
    response = api.get(
        "/api/articles/?page_size=1000&country=UA&colour=red&fields=id,title&topic=&x[]=1"
    )
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2 and response.json()["next"] is None
    one = api.get("/api/articles/?page_size=1&country=UA&colour=red&include=body&search=")
    query = query_of(one.json()["next"])
    assert set(query) == {"page_size", "country", "include", "cursor"}
    second = api.get(one.json()["next"])
    assert query_of(second.json()["previous"]).keys() == query.keys()


def test_pagination_next_links_show_the_page_size_applied(api, corpus, make_article):
    for n in range(201):
        link(make_article(f"More {n}"), person=corpus["persons"]["putin"])
    articles = api.get("/api/articles/?page_size=5000").json()
    assert len(articles["results"]) == 200
    assert query_of(articles["next"])["page_size"] == ["200"]


def test_pagination_numbered_links_carry_only_valid_parameters(api, corpus, make_person):
    for n in range(3):
        make_person(f"Person {n}")
    response = api.get("/api/persons/?page_size=2&ordering=name&colour=red&format=json")
    assert response.status_code == 200
    following = response.json()["next"]
    assert query_of(following) == {
        "page_size": ["2"],
        "ordering": ["name"],
        "format": ["json"],
        "page": ["2"],
    }
    previous = api.get(following).json()["previous"]
    assert query_of(previous) == {"page_size": ["2"], "ordering": ["name"], "format": ["json"]}
