import pytest

from articles.api.serializers import ArticleSerializer
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

KEYS = [
    "id", "title", "title_derived", "summary", "body", "authors", "source", "original_source",
    "section", "topics", "persons", "countries", "status", "needs_review", "provenance",
    "created_at", "updated_at",
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
    ArticlePerson.objects.create(article=article, person=putin, role="mentioned", count=3)
    ArticleCountry.objects.create(article=article, country=country("UA"), count=2)
    ArticleTopic.objects.create(article=article, topic=make_topic("Diplomacy"), score=0.75)
    return article


def test_article_serializer_has_the_export_shape(linked_article):
    article = Article.objects.for_representation().get(pk=linked_article.pk)
    data = ArticleSerializer(article).data
    assert list(data) == KEYS
    assert data["authors"] == ["Jane Writer"]
    assert data["source"] == {
        "id": article.source_id,
        "name": "Dissident Voice",
        "slug": "dissident-voice",
    }
    assert data["original_source"]["name"] == "Reuters"
    assert data["persons"] == [
        {"id": data["persons"][0]["id"], "name": "Vladimir Putin", "mentions": 3}
    ]
    assert data["countries"] == [{"code": "UA", "name": "Ukraine", "mentions": 2}]
    assert data["topics"][0] | {"id": 0} == {
        "id": 0,
        "name": "Diplomacy",
        "slug": "diplomacy",
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
    # One query for the articles (with sources joined), one per prefetched link table.
    with django_assert_num_queries(4):
        data = ArticleSerializer(Article.objects.for_representation(), many=True).data
    assert len(data) == 6
