"""Response shapes of /api/stats/ and /api/articles/{id}/related/ (documentation and output)."""

from rest_framework import serializers

from articles.api.serializers import ArticleListSerializer


class RelatedArticleSerializer(serializers.Serializer):
    """A related article with why: shared persons, topics and countries, and their score."""

    score = serializers.IntegerField(help_text="3 per shared person, 2 per topic, 1 per country.")
    persons = serializers.IntegerField(help_text="Persons both articles name.")
    topics = serializers.IntegerField()
    countries = serializers.IntegerField()
    article = ArticleListSerializer(help_text="As in lists: no body unless included.")


class RelatedArticlesSerializer(serializers.Serializer):
    results = RelatedArticleSerializer(many=True, help_text="Best first.")


class CountryCountSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    article_count = serializers.IntegerField()


class NamedCountSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    article_count = serializers.IntegerField()


class SectionCountSerializer(serializers.Serializer):
    section = serializers.CharField()
    article_count = serializers.IntegerField()


class PersonBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.SlugField()


class PersonPairSerializer(serializers.Serializer):
    persons = PersonBriefSerializer(many=True, help_text="The two persons, lower id first.")
    article_count = serializers.IntegerField(help_text="Articles mentioning both.")


class StatsSerializer(serializers.Serializer):
    """Counts over the articles the filters select; each list is most articles first."""

    article_count = serializers.IntegerField()
    countries = CountryCountSerializer(many=True)
    topics = NamedCountSerializer(many=True)
    sources = NamedCountSerializer(many=True)
    sections = SectionCountSerializer(many=True)
    person_pairs = PersonPairSerializer(many=True)
