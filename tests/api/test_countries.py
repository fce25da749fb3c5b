"""GET /api/countries/: every ISO country, article counts, search by name, code or alias."""

import pytest

from articles.models import CountryAlias

URL = "/api/countries/"


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["code"] for row in response.json()["results"]]


def test_countries_list_is_paginated_and_clamped(api, db):
    first = api.get(URL).json()
    assert first["count"] == 249 and len(first["results"]) == 50
    assert 'rel="next"' in api.get(URL)["Link"]
    assert len(codes(api.get(f"{URL}?page_size=1000"))) == 200
    assert api.get(f"{URL}?page=99").json()["code"] == "not_found"


def test_countries_ordering_by_count_puts_the_most_named_first(api, corpus):
    assert codes(api.get(f"{URL}?ordering=-count"))[:3] == ["RU", "UA", "US"]
    top = api.get(f"{URL}?ordering=-count").json()["results"][0]
    assert (top["name"], top["article_count"]) == ("Russia", 2)


def test_countries_search_by_name_code_or_alias(api, country, db):
    CountryAlias.objects.create(country=country("UA"), text="Zorbagrad", kind="city")
    CountryAlias.objects.create(country=country("GB"), text="Albionia", is_active=False)
    assert codes(api.get(f"{URL}?search=ukrain")) == ["UA"]
    assert codes(api.get(f"{URL}?search=zorbagrad")) == ["UA"]
    assert {"UA", "EC"} <= set(codes(api.get(f"{URL}?search=UA")))  # code, or "Ecuador"
    assert codes(api.get(f"{URL}?search=albionia")) == []  # inactive aliases are not matched


def test_countries_detail_by_code_links_to_its_articles(api, corpus):
    detail = api.get(f"{URL}UA/").json()
    assert (detail["alpha3"], detail["article_count"]) == ("UKR", 2)
    titles = {row["title"] for row in api.get(detail["articles"]).json()["results"]}
    assert titles == {"Kyiv talks", "Front line"}
    assert api.get(f"{URL}ua/").status_code == 404  # codes are upper case
    assert api.get(f"{URL}XX/").json()["status"] == 404


@pytest.mark.parametrize("page_size", [5, 200])
def test_countries_list_queries_are_constant(api, corpus, page_size, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, page, aliases
        assert len(codes(api.get(f"{URL}?page_size={page_size}"))) == page_size
