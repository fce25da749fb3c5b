"""Identical API writes at once: one makes the row, the others get it or a 409, never a 500."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.db.models import QuerySet
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.api.serializers import ArticleWriteSerializer
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    LinkRejection,
)

URL = "/api/articles/"
CLIENTS = 8

postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks and unique checks across connections"
)
concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def at_once(token: str, method: str, url: str, data: dict) -> list:
    """``CLIENTS`` threads, each with its own connection, send the same request together."""
    start = threading.Barrier(CLIENTS)

    def send(_):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        try:
            start.wait()
            return getattr(client, method)(url, data, format="json")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(send, range(CLIENTS)))


def stale_once(monkeypatch, owner, name: str, applies, stale) -> list:
    """The first call of ``owner.name`` that ``applies(*args)`` to answers ``stale()`` instead:
    a lookup made just before another request with the same data committed. Later calls look
    again. Returns the list of stale answers given (one, once it happened)."""
    original, given = getattr(owner, name), []

    def lookup(*args, **kwargs):
        if not given and applies(*args):
            given.append(name)
            return stale()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, lookup)
    return given


@pytest.fixture
def token(editor):
    return Token.objects.create(user=editor).key


@postgresql
@concurrent
def test_article_races_identical_creates_make_one_article(token):
    data = {"title": "Port strike", "summary": "Dock workers walk out."}
    responses = at_once(token, "post", URL, data)
    codes = sorted(response.status_code for response in responses)
    assert codes == [201] + [409] * (CLIENTS - 1), [r.content for r in responses]
    article = Article.objects.get()
    conflicts = [response for response in responses if response.status_code == 409]
    assert {response.json()["detail"] for response in conflicts} == {
        f"Article {article.pk} has the same text."
    }
    assert {response["Location"] for response in conflicts} == {
        f"http://testserver{URL}{article.pk}/"
    }


@postgresql
@concurrent
@pytest.mark.parametrize(
    ("path", "data", "model"),
    [
        ("persons/", {"person": "PERSON"}, ArticlePerson),
        ("countries/", {"country": "UA"}, ArticleCountry),
        ("topics/", {"topic": "TOPIC"}, ArticleTopic),
    ],
)
def test_article_races_identical_links_make_one_link(
    token, make_article, make_person, make_topic, path, data, model
):
    article = make_article("Kyiv talks")
    targets = {"PERSON": make_person("Vladimir Putin").pk, "TOPIC": make_topic("War").pk}
    data = {key: targets.get(value, value) for key, value in data.items()}
    responses = at_once(token, "post", f"{URL}{article.pk}/{path}", data)
    assert [r.status_code for r in responses] == [200] * CLIENTS, [r.content for r in responses]
    assert model.objects.filter(article=article).count() == 1


@postgresql
@concurrent
def test_article_races_identical_unlinks_remove_once(token, make_article, make_person):
    article, putin = make_article("Kyiv talks"), make_person("Vladimir Putin")
    ArticlePerson.objects.create(article=article, person=putin)
    responses = at_once(token, "delete", f"{URL}{article.pk}/persons/{putin.pk}/", {})
    assert [r.status_code for r in responses] == [204] * CLIENTS, [r.content for r in responses]
    assert not ArticlePerson.objects.filter(article=article).exists()
    assert LinkRejection.objects.filter(article=article, target_id=putin.pk).count() == 1


def test_article_races_create_losing_the_race_is_a_409(editor_api, make_article, monkeypatch):
    """Our check finds no twin, then the insert meets the one stored meanwhile: 409 naming it."""
    twin = make_article(
        fingerprint=ArticleWriteSerializer().validate({"title": "Port strike"})["fingerprint"]
    )
    stale = stale_once(
        monkeypatch, ArticleWriteSerializer, "refuse_twin", lambda *args: True, lambda: None
    )
    response = editor_api.post(URL, {"title": "Port strike"}, format="json")
    assert response.status_code == 409, response.content
    assert response.json() == {
        "status": 409,
        "code": "conflict",
        "detail": f"Article {twin.pk} has the same text.",
    }
    assert response["Location"].endswith(f"{URL}{twin.pk}/")
    assert stale and list(Article.objects.values_list("pk", flat=True)) == [twin.pk]


@pytest.mark.parametrize(
    ("model", "path", "target"),
    [(ArticlePerson, "persons/", "person"), (ArticleCountry, "countries/", "country")],
)
def test_article_races_link_losing_the_race_takes_the_link(
    editor_api, make_article, make_person, monkeypatch, model, path, target
):
    """Our lookup misses the link stored meanwhile and the insert meets it: ours updates it."""
    article = make_article("Kyiv talks")
    value = make_person("Vladimir Putin") if target == "person" else Country.objects.get(code="UA")
    model.objects.create(article=article, **{target: value})

    def missed():
        raise model.DoesNotExist

    is_link = lambda queryset, *args: queryset.model is model  # noqa: E731
    stale = stale_once(monkeypatch, QuerySet, "get", is_link, missed)
    key = value.pk if target == "person" else value.code
    response = editor_api.post(
        f"{URL}{article.pk}/{path}", {target: key, "mentions": 3}, format="json"
    )
    assert response.status_code == 200, response.content
    link = model.objects.get(article=article)
    assert stale and (link.count, link.origin) == (3, "editor")
