from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from rest_framework import serializers

from articles.api.representation import FastRepresentationMixin
from articles.api.serializers import ArticleSerializer, SourceBriefSerializer
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

KEYS = [
    "id", "title", "title_derived", "summary", "body", "authors", "photographers", "source",
    "original_source", "section", "topics", "persons", "countries", "status", "needs_review",
    "review_reasons", "duplicate_of", "duplicates", "dated", "dated_source", "provenance",
    "created_at", "updated_at", "story",
]  # fmt: skip


@pytest.fixture
def linked_article(make_article, make_source, make_person, make_topic, country):
    source = make_source("Dissident Voice")
    origin = make_source("Reuters")
    article = make_article(
        "Talks in Geneva", body="Body.", source=source, original_source=origin, section="World"
    )
    author = make_person("Jane Writer")
    putin = make_person("Vladimir Putin")
    ArticlePerson.objects.create(article=article, person=author, role="author")
    ArticlePerson.objects.create(
        article=article, person=putin, count=3, evidence=[["title", 0, 5], ["body", 2, 7]]
    )
    ArticlePerson.objects.create(
        article=article, person=make_person("Toby Lens"), role="photographer"
    )
    ArticleCountry.objects.create(article=article, country=country("UA"), count=2)
    ArticleTopic.objects.create(article=article, topic=make_topic("Diplomacy"), score=0.75)
    return article


def test_article_serializer_has_the_export_shape(linked_article):
    article = Article.objects.for_representation().get(pk=linked_article.pk)
    data = ArticleSerializer(article).data
    assert list(data) == KEYS
    assert data["authors"] == ["Jane Writer"]
    assert data["photographers"] == ["Toby Lens"]
    assert data["source"] == {
        "id": article.source_id,
        "name": "Dissident Voice",
        "slug": "dissident-voice",
    }
    assert data["original_source"]["name"] == "Reuters"
    evidence = [
        {"field": "title", "start": 0, "end": 5},
        {"field": "body", "start": 2, "end": 7},
    ]
    assert data["persons"] == [
        {
            "id": data["persons"][0]["id"],
            "name": "Vladimir Putin",
            "mentions": 3,
            "evidence": evidence,
        }
    ]
    assert data["countries"] == [{"code": "UA", "name": "Ukraine", "mentions": 2, "evidence": []}]
    assert (data["duplicate_of"], data["duplicates"]) == (None, [])
    assert data["topics"][0] | {"id": 0} == {
        "id": 0,
        "name": "Diplomacy",
        "slug": "diplomacy",
        "iptc_code": None,
        "score": 0.75,
    }
    assert data["provenance"] == {
        "file": "sample.txt",
        "line_start": article.provenance_line_start,
        "line_end": article.provenance_line_end,
        "sha256": "0" * 64,
    }


def test_article_serializer_gives_null_for_missing_sources(make_article):
    article = Article.objects.for_representation().get(pk=make_article().pk)
    data = ArticleSerializer(article).data
    assert data["source"] is None and data["original_source"] is None
    assert data["authors"] == data["persons"] == data["countries"] == data["topics"] == []


def test_article_serializer_reads_many_articles_in_fixed_queries(
    linked_article, make_article, django_assert_num_queries
):
    for _ in range(5):
        make_article()
    # One query: sources joined, links aggregated into JSON by the database.
    with django_assert_num_queries(1):
        data = ArticleSerializer(Article.objects.for_representation(), many=True).data
    assert len(data) == 6


def test_article_serializer_fast_path_equals_the_drf_field_loop(linked_article):
    article = Article.objects.for_representation().get(pk=linked_article.pk)
    serializer = ArticleSerializer()
    drf_loop = serializers.ModelSerializer.to_representation(serializer, article)
    assert serializer.to_representation(article) == drf_loop
    assert list(serializer.to_representation(article)) == list(drf_loop)


def test_article_serializer_orders_links_and_their_keys(linked_article, make_person, country):
    ArticlePerson.objects.create(article=linked_article, person=make_person("Anna Bee"), count=3)
    ArticlePerson.objects.create(article=linked_article, person=make_person("Zed Ay"), count=9)
    ArticleCountry.objects.create(article=linked_article, country=country("RU"), count=2)
    data = ArticleSerializer(Article.objects.for_representation().get(pk=linked_article.pk)).data
    assert [p["name"] for p in data["persons"]] == ["Zed Ay", "Anna Bee", "Vladimir Putin"]
    assert list(data["persons"][0]) == ["id", "name", "mentions", "evidence"]
    assert [c["code"] for c in data["countries"]] == ["RU", "UA"]  # same count: by name
    assert list(data["countries"][0]) == ["code", "name", "mentions", "evidence"]
    assert list(data["topics"][0]) == ["id", "name", "slug", "iptc_code", "score"]


def test_article_serializer_fast_path_equals_the_field_loop_for_some_fields(linked_article):
    article = Article.objects.for_representation().get(pk=linked_article.pk)
    serializer = ArticleSerializer(context={"fields": ["updated_at", "source", "persons", "id"]})
    drf_loop = serializers.ModelSerializer.to_representation(serializer, article)
    assert list(serializer.to_representation(article)) == ["id", "source", "persons", "updated_at"]
    assert serializer.to_representation(article) == drf_loop
    source = SourceBriefSerializer()
    loop = serializers.ModelSerializer.to_representation(source, article.source)
    assert source.to_representation(article.source) == loop


class Mixed(FastRepresentationMixin, serializers.Serializer):
    """Fields the fast path must leave to DRF: formatted, dotted, decimal, derived, missing."""

    price = serializers.DecimalField(max_digits=5, decimal_places=2)
    day = serializers.DateTimeField(format="%Y-%m-%d")
    seen = serializers.DateTimeField()
    missing = serializers.DateTimeField()
    city = serializers.CharField(source="place.city")
    whole = serializers.CharField(source="*")
    count = serializers.IntegerField()


def test_fast_representation_reads_other_fields_as_drf_does():
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    row = SimpleNamespace(price=Decimal("1.5"), day=moment, seen=moment, missing=None, count=3)
    row.place = SimpleNamespace(city="Geneva")
    serializer = Mixed()
    assert serializer.to_representation(row) == serializers.Serializer.to_representation(
        serializer, row
    )
    assert serializer.to_representation(row)["price"] == "1.50"
