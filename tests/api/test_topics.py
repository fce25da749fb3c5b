"""GET /api/topics/: article counts, search, parent filter, ordering, links to articles."""

import pytest

URL = "/api/topics/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_topics_list_counts_and_orders(api, corpus):
    names = [t["name"] for t in api.get(f"{URL}?page_size=200").json()["results"]]
    assert names == sorted(names) and {"War", "Energy"} <= set(names)
    by_count = api.get(f"{URL}?ordering=-count,name").json()["results"]
    assert [(t["slug"], t["article_count"]) for t in by_count[:3]] == [
        ("war", 2),
        ("energy", 1),
        (by_count[2]["slug"], 0),
    ]
    assert slugs(api.get(f"{URL}?ordering=count"))[-2:] == ["energy", "war"]
    war = api.get(f"{URL}?search=war").json()["results"]
    assert {t["slug"] for t in war} >= {"war", "war-and-conflict"}


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


@pytest.mark.parametrize("extra", [1, 20])
def test_topics_list_queries_are_constant(
    api, corpus, make_topic, extra, django_assert_num_queries
):
    parent = corpus["topics"]["war"]
    for n in range(extra):
        topic = make_topic(f"Topic {n}")
        topic.parent = parent
        topic.save()
    with django_assert_num_queries(3):  # the parent's slug checked, count, page (parents joined)
        assert len(slugs(api.get(f"{URL}?page_size=200&parent=war"))) == extra
    with django_assert_num_queries(2):
        assert api.get(f"{URL}?page_size=200").status_code == 200
