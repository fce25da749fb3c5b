"""The API representations; ``ArticleSerializer`` is also the ``export_articles`` JSON line.

Read it from ``Article.objects.for_representation()`` so that a list costs a fixed number of
queries. Nested lists are built from the prefetched links as plain dicts (cheap per row) and
documented in the schema by the brief serializers below.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from articles.models import Article, ArticlePerson, Source


class SourceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "slug"]


class TopicLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.SlugField()
    score = serializers.FloatField()


class PersonLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    mentions = serializers.IntegerField()


class CountryLinkSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2")
    name = serializers.CharField()
    mentions = serializers.IntegerField()


class ProvenanceSerializer(serializers.Serializer):
    file = serializers.CharField()
    line_start = serializers.IntegerField()
    line_end = serializers.IntegerField()
    sha256 = serializers.CharField()


def _links(article, role):
    return [link for link in article.person_links.all() if link.role == role]


class ArticleSerializer(serializers.ModelSerializer):
    """One article with its source, authors, persons, countries, topics and provenance."""

    authors = serializers.SerializerMethodField()
    source = SourceBriefSerializer(read_only=True, allow_null=True)
    original_source = SourceBriefSerializer(read_only=True, allow_null=True)
    topics = serializers.SerializerMethodField()
    persons = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    provenance = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id", "title", "title_derived", "summary", "body", "authors", "source",
            "original_source", "section", "topics", "persons", "countries", "status",
            "needs_review", "provenance", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = ["title_derived", "created_at", "updated_at"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_authors(self, article) -> list[str]:
        return [link.person.name for link in _links(article, ArticlePerson.Role.AUTHOR)]

    @extend_schema_field(TopicLinkSerializer(many=True))
    def get_topics(self, article):
        return [
            {"id": t.topic_id, "name": t.topic.name, "slug": t.topic.slug, "score": t.score}
            for t in article.topic_links.all()
        ]

    @extend_schema_field(PersonLinkSerializer(many=True))
    def get_persons(self, article):
        return [
            {"id": p.person_id, "name": p.person.name, "mentions": p.count}
            for p in _links(article, ArticlePerson.Role.MENTIONED)
        ]

    @extend_schema_field(CountryLinkSerializer(many=True))
    def get_countries(self, article):
        return [
            {"code": c.country.code, "name": c.country.name, "mentions": c.count}
            for c in article.country_links.all()
        ]

    @extend_schema_field(ProvenanceSerializer)
    def get_provenance(self, article):
        return {
            "file": article.provenance_file,
            "line_start": article.provenance_line_start,
            "line_end": article.provenance_line_end,
            "sha256": article.provenance_sha256,
        }
