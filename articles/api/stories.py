"""The representations of stories: a list row, and the detail with its entities and articles."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from articles.api.serializers import SourceBriefSerializer
from articles.models import Article, Country, Person, Story, Topic

# The detail lists at most this many of its articles, oldest first; ``articles`` lists them all.
DETAIL_ARTICLES = 200


class StoryArticleSerializer(serializers.ModelSerializer):
    source = SourceBriefSerializer(
        read_only=True, allow_null=True, help_text="Outlet that published it."
    )

    class Meta:
        model = Article
        fields = ["id", "title", "source", "created_at", "story_locked"]
        extra_kwargs = {
            "title": {"help_text": "Headline."},
            "created_at": {"help_text": "When it was imported (ISO 8601, UTC)."},
        }


class StoryEntitySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    key = serializers.CharField(help_text="Slug (persons, topics) or ISO alpha-2 code (countries).")
    articles = serializers.IntegerField(help_text="How many of the story's articles name it.")


STORY_FIELD_HELP = {
    "size": {"help_text": "Number of its articles."},
    "first_seen": {"help_text": "When its first article was imported (ISO 8601, UTC)."},
    "last_seen": {"help_text": "When its latest article was imported (ISO 8601, UTC)."},
}


class StorySerializer(serializers.ModelSerializer):
    """A story: its label, when it was seen, its size and the URL of its articles."""

    url = serializers.HyperlinkedIdentityField(view_name="story-detail")
    articles_url = serializers.SerializerMethodField(help_text="The story's articles, filtered.")

    class Meta:
        model = Story
        fields = ["id", "url", "label", "label_edited", "size", "first_seen", "last_seen"]
        fields += ["articles_url"]
        read_only_fields = ["size", "first_seen", "last_seen", "label_edited"]
        extra_kwargs = STORY_FIELD_HELP

    def get_articles_url(self, story) -> str:
        url = reverse("article-list", request=self.context.get("request"))
        return f"{url}?story={story.pk}"


# Entities of a story's profile: key prefix → (model, the field the API names them by).
ENTITY_KEYS = {"persons": ("p", Person, "slug"), "countries": ("c", Country, "code")}
ENTITY_KEYS["topics"] = ("t", Topic, "slug")


class StoryDetailSerializer(StorySerializer):
    """A story with the persons, countries and topics of its articles (with counts) and its
    articles (the first ``DETAIL_ARTICLES``)."""

    persons = serializers.SerializerMethodField(help_text="Persons its articles name.")
    countries = serializers.SerializerMethodField(help_text="Countries its articles name.")
    topics = serializers.SerializerMethodField(help_text="Topics of its articles.")
    articles = serializers.SerializerMethodField(
        help_text=f"Its articles, oldest first (at most {DETAIL_ARTICLES}; see `articles_url`)."
    )

    class Meta(StorySerializer.Meta):
        fields = [*StorySerializer.Meta.fields, "persons", "countries", "topics", "articles"]

    def entities(self, story, name: str) -> list[dict]:
        prefix, model, key = ENTITY_KEYS[name]
        counts = {int(k[2:]): n for k, n in story.profile.items() if k.startswith(f"{prefix}:")}
        rows = model.objects.filter(pk__in=counts).values_list("pk", "name", key)
        found = [{"id": pk, "name": n, "key": k, "articles": counts[pk]} for pk, n, k in rows]
        return sorted(found, key=lambda row: (-row["articles"], row["name"]))

    @extend_schema_field(StoryEntitySerializer(many=True))
    def get_persons(self, story) -> list[dict]:
        return self.entities(story, "persons")

    @extend_schema_field(StoryEntitySerializer(many=True))
    def get_countries(self, story) -> list[dict]:
        return self.entities(story, "countries")

    @extend_schema_field(StoryEntitySerializer(many=True))
    def get_topics(self, story) -> list[dict]:
        return self.entities(story, "topics")

    @extend_schema_field(StoryArticleSerializer(many=True))
    def get_articles(self, story) -> list[dict]:
        articles = story.articles.select_related("source").order_by("created_at", "pk")
        return StoryArticleSerializer(articles[:DETAIL_ARTICLES], many=True).data


class StoryWriteSerializer(serializers.ModelSerializer):
    """What an editor may change through the API: the label (kept by re-clustering)."""

    class Meta:
        model = Story
        fields = ["label"]
