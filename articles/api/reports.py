"""Response shapes of /api/stats/ and /api/articles/{id}/related/ (documentation and output)."""

from rest_framework import serializers

from articles.api.serializers import ArticleListSerializer
from articles.querysets import PAIR_ARTICLES, PAIR_PERSONS


class RelatedArticleSerializer(serializers.Serializer):
    """A related article with why: shared persons, topics and countries, and their score."""

    score = serializers.IntegerField(help_text="3 per shared person, 2 per topic, 1 per country.")
    persons = serializers.IntegerField(help_text="Persons both articles name.")
    topics = serializers.IntegerField(help_text="Topics both articles are about.")
    countries = serializers.IntegerField(help_text="Countries both articles name.")
    article = ArticleListSerializer(help_text="As in lists: no body unless included.")


class RelatedArticlesSerializer(serializers.Serializer):
    """The articles most related to one article."""

    results = RelatedArticleSerializer(many=True, help_text="Best first.")


class CountryCountSerializer(serializers.Serializer):
    """A country and how many of the articles name it."""

    code = serializers.CharField()
    name = serializers.CharField()
    article_count = serializers.IntegerField(source="filtered_count")


class NamedCountSerializer(serializers.Serializer):
    """A topic or source and how many of the articles it has."""

    id = serializers.IntegerField()
    slug = serializers.SlugField()
    name = serializers.CharField()
    article_count = serializers.IntegerField(source="filtered_count")


class SectionCountSerializer(serializers.Serializer):
    """A section and how many of the articles are in it."""

    section = serializers.CharField()
    article_count = serializers.IntegerField()


class PersonBriefSerializer(serializers.Serializer):
    """A person, briefly."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.SlugField()


class PersonPairSerializer(serializers.Serializer):
    """Two persons and how many of the articles mention both."""

    persons = PersonBriefSerializer(many=True, help_text="The two persons, lower id first.")
    article_count = serializers.IntegerField(help_text="Articles mentioning both.")


class DatedCountSerializer(serializers.Serializer):
    """A week or month of ``dated`` and how many of the articles are dated in it."""

    period = serializers.DateField(help_text="Its first day (a week starts on Monday).")
    article_count = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    """Counts over the articles the filters select; each list is most articles first."""

    article_count = serializers.IntegerField(help_text="Articles the filters select.")
    countries = CountryCountSerializer(many=True, help_text="Countries they name.")
    topics = NamedCountSerializer(many=True, help_text="Topics they are about.")
    sources = NamedCountSerializer(many=True, help_text="Outlets that published them.")
    sections = SectionCountSerializer(many=True, help_text="Their non-empty sections.")
    person_pairs = PersonPairSerializer(
        many=True,
        help_text=f"Persons mentioned together, counted over the newest {PAIR_ARTICLES:,} of these "
        f"articles, among the {PAIR_PERSONS} persons most mentioned in them (a bound on the work; "
        "exact at the top of the list).",
    )
    dated = DatedCountSerializer(
        many=True,
        required=False,
        help_text="With `bucket=week` or `bucket=month`: the dated articles per week or month "
        "of `dated`, oldest first (undated articles are not counted).",
    )
