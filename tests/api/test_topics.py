"""GET /api/topics/: article counts, search, parent filter, ordering, links to articles."""

import pytest

URL = "/api/topics/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_topics_list_counts_and_orders(api, corpus, make_topic):
    make_topic("Climate")
    assert slugs(api.get(URL)) == ["climate", "energy", "war"]
    assert slugs(api.get(f"{URL}?ordering=-count,name")) == ["war", "energy", "climate"]
    war = api.get(f"{URL}?search=wa").json()["results"][0]
    assert (war["name"], war["article_count"], war["parent"]) == ("War", 2, None)


def test_topics_filter_by_parent(api, corpus, make_topic):
    child = make_topic("Drone war")
    child.parent = corpus["topics"]["war"]
    child.save()
    assert slugs(api.get(f"{URL}?parent=war")) == ["drone-war"]
    assert api.get(f"{URL}{child.pk}/").json()["parent"] == "war"


def test_topics_detail_links_to_its_articles(api, corpus):
    war = corpus["topics"]["war"]
    detail = api.get(f"{URL}{war.pk}/").json()
    titles = {row["title"] for row in api.get(detail["articles"]).json()["results"]}
    assert titles == {"Kyiv talks", "Front line"}


@pytest.mark.parametrize("extra", [0, 20])
def test_topics_list_queries_are_constant(
    api, corpus, make_topic, extra, django_assert_num_queries
):
    parent = corpus["topics"]["war"]
    for n in range(extra):
        topic = make_topic(f"Topic {n}")
        topic.parent = parent
        topic.save()
    with django_assert_num_queries(2):  # count, page (parents joined)
        assert len(slugs(api.get(f"{URL}?page_size=100"))) == extra + 2
