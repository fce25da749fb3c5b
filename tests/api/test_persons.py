"""GET /api/persons/: article counts, name and alias search, ordering, links to articles."""

import pytest

from articles.models import PersonAlias
from tests.api.conftest import link

URL = "/api/persons/"


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_persons_list_has_article_counts(api, corpus):
    rows = {row["name"]: row for row in api.get(URL).json()["results"]}
    assert rows["Vladimir Putin"]["article_count"] == 2
    assert rows["Volodymyr Zelensky"]["article_count"] == 2


def test_persons_count_an_article_once_whatever_the_roles(api, corpus):
    putin = corpus["persons"]["putin"]
    link(corpus["articles"]["kyiv"], person=putin, role="author")
    assert api.get(f"{URL}{putin.pk}/").json()["article_count"] == 2


def test_persons_search_by_name_or_alias(api, corpus):
    PersonAlias.objects.create(person=corpus["persons"]["zelensky"], name="Zelenskyy")
    assert names(api.get(f"{URL}?search=putin")) == ["Vladimir Putin"]
    assert names(api.get(f"{URL}?search=zelenskyy")) == ["Volodymyr Zelensky"]
    assert names(api.get(f"{URL}?search=nobody")) == []


def test_persons_ordering_by_count(api, corpus, make_person):
    make_person("Nobody Special")
    assert names(api.get(f"{URL}?ordering=-count,name"))[-1] == "Nobody Special"
    assert names(api.get(f"{URL}?ordering=count"))[0] == "Nobody Special"
    assert api.get(f"{URL}?ordering=shoe").status_code == 400


def test_persons_detail_links_to_its_articles(api, corpus):
    putin = corpus["persons"]["putin"]
    detail = api.get(f"{URL}{putin.pk}/").json()
    assert detail["url"].endswith(f"{URL}{putin.pk}/") and detail["aliases"] == []
    articles = api.get(detail["articles"]).json()["results"]
    assert {row["title"] for row in articles} == {"Kyiv talks", "Gas prices"}


@pytest.mark.parametrize("extra", [0, 25])
def test_persons_list_queries_are_constant(
    api, corpus, make_person, extra, django_assert_num_queries
):
    for n in range(extra):
        PersonAlias.objects.create(person=make_person(f"Person {n}"), name=f"Alias {n}")
    with django_assert_num_queries(3):  # count, page, aliases
        assert len(names(api.get(f"{URL}?page_size=100"))) == extra + 2
