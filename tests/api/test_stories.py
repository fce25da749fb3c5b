"""/api/stories/: list, filters, ordering, detail, rename; ``story`` on articles and ``?story=``."""

from datetime import UTC, datetime

import pytest

from articles.ingest.persist.stories import assign_stories
from articles.models import Article, Story
from tests.api.conftest import link

URL = "/api/stories/"
pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(make_article, make_person, make_source, country, make_topic):
    """Two stories: a Geneva summit (two outlets, Swiss and Ukrainian) and a port strike."""
    dv, guardian = make_source("Dissident Voice"), make_source("The Guardian")
    putin, war = make_person("Vladimir Putin"), make_topic("War")
    summit = [
        make_article("Geneva summit opens with ceasefire talks", summary="Leaders met.", source=dv),
        make_article("Ceasefire talks at Geneva summit", summary="Talks began.", source=guardian),
    ]
    for article in summit:
        link(article, person=putin, country=country("CH"), topic=war)
    strike = make_article("Rotterdam dock strike halts port", source=guardian)
    link(strike, country=country("NL"))
    Article.objects.filter(pk=strike.pk).update(created_at=datetime(2030, 1, 1, tzinfo=UTC))
    assign_stories(Article.objects.all())
    return {
        "summit": Article.objects.get(pk=summit[0].pk).story,
        "strike": Article.objects.get(pk=strike.pk).story,
        "putin": putin,
    }


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_story_list_is_newest_first_and_orders_by_size(api, stories):
    summit, strike = stories["summit"].pk, stories["strike"].pk
    assert ids(api.get(URL)) == [strike, summit]
    assert ids(api.get(f"{URL}?ordering=-size")) == [summit, strike]
    row = api.get(URL).json()["results"][1]
    assert row["size"] == 2 and row["articles_url"].endswith(f"/api/articles/?story={summit}")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=ch", ["summit"]),
        ("country=NL,CH", ["strike", "summit"]),
        ("person=vladimir-putin", ["summit"]),
        ("topic=war", ["summit"]),
        ("source=dissident-voice", ["summit"]),
        ("source=the-guardian&country=NL", ["strike"]),
        ("min_size=2", ["summit"]),
        ("seen_after=2029-12-31", ["strike"]),
        ("seen_before=2029-12-31", ["summit"]),
    ],
)
def test_story_filters_select_stories_by_their_articles(api, stories, query, expected):
    assert ids(api.get(f"{URL}?{query}")) == [stories[name].pk for name in expected]


@pytest.mark.parametrize("query", ["country=XX", "person=nobody", "min_size=0", "ordering=x"])
def test_story_filters_refuse_values_naming_nothing(api, stories, query):
    response = api.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_story_detail_has_entities_with_counts_and_articles(api, stories):
    data = api.get(f"{URL}{stories['summit'].pk}/").json()
    assert data["size"] == 2 and len(data["articles"]) == 2
    assert data["persons"] == [
        {
            "id": stories["putin"].pk,
            "name": "Vladimir Putin",
            "key": "vladimir-putin",
            "articles": 2,
        }
    ]
    assert [row["key"] for row in data["countries"]] == ["CH"]
    assert data["articles"][0]["source"]["slug"] == "dissident-voice"


def test_article_detail_list_and_filter_carry_the_story(api, stories):
    summit = stories["summit"]
    article = summit.articles.order_by("pk").first()
    assert api.get(f"/api/articles/{article.pk}/").json()["story"] == {
        "id": summit.pk, "label": summit.label, "size": 2,
    }  # fmt: skip
    listed = api.get(f"/api/articles/?story={summit.pk}").json()["results"]
    assert {row["id"] for row in listed} == set(summit.articles.values_list("pk", flat=True))
    assert api.get("/api/articles/?story=999999").status_code == 400


def test_story_queries_are_constant(api, stories, make_article, django_assert_num_queries):
    for n in range(30):
        word = "".join(chr(ord("k") + int(digit)) for digit in f"{n:03d}")
        make_article(f"{word}a {word}b {word}c", summary=f"{word}d {word}e")
    assign_stories(Article.objects.all())
    with django_assert_num_queries(2):  # count, page
        assert len(ids(api.get(f"{URL}?page_size=100"))) == 32
    with django_assert_num_queries(3):  # the code's id, count, page (through the key index)
        api.get(f"{URL}?country=CH&ordering=-size")
    with django_assert_num_queries(5):  # story, persons, countries, topics, articles
        api.get(f"{URL}{stories['summit'].pk}/")


def test_editors_rename_stories_and_others_may_not(api, reader_api, editor_api, editor, stories):
    from django.contrib.auth.models import Permission

    url = f"{URL}{stories['strike'].pk}/"
    assert api.patch(url, {"label": "Port strike"}, format="json").status_code == 401
    assert reader_api.patch(url, {"label": "Port strike"}, format="json").status_code == 403
    editor.user_permissions.add(Permission.objects.get(codename="change_story"))
    response = editor_api.patch(url, {"label": "Port strike"}, format="json")
    assert response.status_code == 200 and response.json()["label"] == "Port strike"
    story = Story.objects.get(pk=stories["strike"].pk)
    assert story.label == "Port strike" and story.label_edited
