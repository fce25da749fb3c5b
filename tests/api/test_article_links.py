"""The link and unlink endpoints under /api/articles/{id}/: one pair per kind in LINK_MODELS."""

import pytest
from django.urls import reverse
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from articles.api.serializers import LINK_SERIALIZERS, TARGET_KEYS, target_key
from articles.api.views import ArticleViewSet, limit_from
from articles.models import LINK_MODELS, Country, LinkRejection

KINDS = list(LINK_MODELS)


@pytest.fixture
def target_of(make_person, make_topic, country):
    """One entity to link for each kind, by the kind's target model."""
    made = {"Person": make_person, "Topic": make_topic, "Country": lambda: country("FR")}
    return lambda kind: made[LINK_MODELS[kind].target_model().__name__]()


def written_key(target) -> str:
    """The target as a client writes it: its id, or its natural key in lower case."""
    key = target_key(type(target))
    return str(target.pk) if key.field == "pk" else getattr(target, key.field).lower()


def test_article_links_every_kind_has_a_write_serializer_and_two_actions():
    actions = {action.__name__ for action in ArticleViewSet.get_extra_actions()}
    assert set(LINK_SERIALIZERS) == set(KINDS)
    for kind, model in LINK_MODELS.items():
        assert LINK_SERIALIZERS[kind].link_model is model
        assert {f"link_{kind}", f"unlink_{kind}"} <= actions


@pytest.mark.parametrize("kind", KINDS)
def test_article_links_routes_are_named_by_the_target_entities(kind):
    target = LINK_MODELS[kind].target_model()
    plural, key = (
        target._meta.verbose_name_plural,
        {"pk": "12", "code": "ua"}[target_key(target).field],
    )
    assert reverse(f"article-link-{kind}", args=[7]) == f"/api/articles/7/{plural}/"
    assert reverse(f"article-unlink-{kind}", args=[7, key]) == f"/api/articles/7/{plural}/{key}/"


def test_article_links_name_countries_by_code_and_the_rest_by_id():
    keys = {kind: target_key(model.target_model()).field for kind, model in LINK_MODELS.items()}
    assert list(TARGET_KEYS) == [Country]
    assert keys == {"person": "pk", "country": "code", "topic": "pk"}


@pytest.mark.parametrize("kind", KINDS)
def test_article_links_link_and_unlink_each_kind(kind, editor_api, make_article, target_of):
    article, target = make_article(), target_of(kind)
    model = LINK_MODELS[kind]
    url = reverse(f"article-link-{kind}", args=[article.pk])

    added = editor_api.post(url, {model.target_field: written_key(target)}, format="json")
    removed = editor_api.delete(f"{url}{written_key(target)}/")

    assert added.status_code == 200 and added.json()["id"] == article.pk
    assert removed.status_code == 204 and removed.content == b""
    assert not model.objects.filter(article=article).exists()
    assert LinkRejection.objects.filter(article=article, kind=kind, target_id=target.pk).exists()
    reasons = list(article.history.values_list("history_change_reason", flat=True)[:2])
    assert reasons == [f"API: removed {kind} {target}", f"API: linked {kind} {target}"]


@pytest.mark.parametrize("kind", KINDS)
def test_article_links_need_the_kinds_permissions(kind, reader_api, make_article, target_of):
    article, target = make_article(), target_of(kind)
    url = reverse(f"article-link-{kind}", args=[article.pk])
    field = LINK_MODELS[kind].target_field

    assert reader_api.post(url, {field: written_key(target)}, format="json").status_code == 403
    assert reader_api.delete(f"{url}{written_key(target)}/").status_code == 403


@pytest.mark.parametrize(
    ("query", "limit"),
    [
        ("", 20),
        ("?limit=5", 5),
        ("?limit=500", 100),
        ("?limit=", 20),
    ],
)
def test_limit_from_clamps_and_falls_back_to_the_default(query, limit):
    request = Request(APIRequestFactory().get(f"/api/stats/{query}"))
    assert limit_from(request) == limit


@pytest.mark.parametrize("value", ["0", "-3", "x", "+5", "٥"])
def test_limit_from_refuses_what_is_not_a_positive_integer(value):
    request = Request(APIRequestFactory().get("/api/stats/", {"limit": value}))
    with pytest.raises(ValidationError, match="not a positive integer"):
        limit_from(request)
