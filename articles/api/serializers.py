"""The API representations; ``ArticleSerializer`` is also the ``export_articles`` JSON line.

Read articles from ``Article.objects.for_representation()``: it brings each article's persons,
countries and topics as JSON lists built by the database, so a page is one query and no link
model is instantiated. The brief serializers below document those lists in the schema.
"""

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from django.conf import settings
from django.db import IntegrityError, transaction
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from articles import evidence
from articles.api.exceptions import Conflict
from articles.api.representation import FastRepresentationMixin
from articles.choices import Suspicion, codes_of
from articles.models import (
    LINK_MODELS,
    Article,
    ArticleLink,
    Country,
    Person,
    Source,
    Story,
    Topic,
)
from articles.normalise import content_fingerprint


class SourceBriefSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "slug"]


class StoryBriefSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    class Meta:
        model = Story
        fields = ["id", "label", "size"]
        extra_kwargs = {"size": {"help_text": "Number of articles in the story."}}


class TopicLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.SlugField()
    iptc_code = serializers.CharField(
        allow_null=True, help_text="IPTC Media Topics code (`medtop:…`), null where none fits."
    )
    score = serializers.FloatField()


class EvidenceSerializer(serializers.Serializer):
    field = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class PersonLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    mentions = serializers.IntegerField()
    evidence = EvidenceSerializer(many=True)


class CountryLinkSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2")
    name = serializers.CharField()
    mentions = serializers.IntegerField()
    evidence = EvidenceSerializer(many=True)


class ProvenanceSerializer(serializers.Serializer):
    file = serializers.CharField()
    line_start = serializers.IntegerField()
    line_end = serializers.IntegerField()
    sha256 = serializers.CharField()


def _rows(rows, keys: tuple[str, ...], order: tuple[str, ...]) -> list[dict]:
    """JSON link rows with ``keys`` in that order, sorted by ``order`` (``-key`` descending);
    an ``evidence`` key turns its stored triples into objects."""
    rows = [{key: _value(row, key) for key in keys} for row in rows or []]
    for key in reversed(order):
        name = key.lstrip("-")
        rows.sort(key=lambda row, name=name: row[name], reverse=key.startswith("-"))
    return rows


def _value(row: dict, key: str):
    return evidence.as_objects(row[key]) if key == "evidence" else row[key]


class ArticleSerializer(FastRepresentationMixin, serializers.ModelSerializer):
    """One article with its source, authors, photographers, persons, countries, topics and
    provenance."""

    authors = serializers.SerializerMethodField()
    photographers = serializers.SerializerMethodField()
    source = SourceBriefSerializer(read_only=True, allow_null=True)
    original_source = SourceBriefSerializer(read_only=True, allow_null=True)
    story = StoryBriefSerializer(read_only=True, allow_null=True)
    topics = serializers.SerializerMethodField()
    persons = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    provenance = serializers.SerializerMethodField()
    duplicate_of = serializers.IntegerField(
        source="duplicate_of_id",
        allow_null=True,
        help_text="The first-seen article this one republishes (another outlet, layout or "
        "headline), or null.",
    )
    duplicates = serializers.SerializerMethodField(
        help_text="The articles republishing this one, by id."
    )
    review_reasons = serializers.SerializerMethodField(
        help_text="Why it is on the review queue: `derived_title`, `suspect_person`, "
        "`low_confidence`, `no_country` (empty when it is not on the queue)."
    )
    dated_source = serializers.SerializerMethodField()

    class Meta:
        model = Article
        fields = [
            "id", "title", "title_derived", "summary", "body", "authors", "photographers", "source",
            "original_source", "section", "topics", "persons", "countries", "status",
            "needs_review", "review_reasons", "duplicate_of", "duplicates", "dated",
            "dated_source", "provenance", "created_at", "updated_at", "story",
        ]  # fmt: skip
        read_only_fields = fields  # writes go through ArticleWriteSerializer

    def get_fields(self):
        """All keys, or those the ``fields`` context names (lists leave ``body`` out)."""
        fields = super().get_fields()
        wanted = self.context.get("fields")
        if wanted is None:
            return fields
        return {name: field for name, field in fields.items() if name in wanted}

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_authors(self, article) -> list[str]:
        return [row["name"] for row in _rows(article.linked_authors, ("name",), ("name",))]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_photographers(self, article) -> list[str]:
        rows = _rows(article.linked_photographers, ("name",), ("name",))
        return [row["name"] for row in rows]

    @extend_schema_field(TopicLinkSerializer(many=True))
    def get_topics(self, article):
        keys = ("id", "name", "slug", "iptc_code", "score")
        return _rows(article.linked_topics, keys, ("-score", "name"))

    @extend_schema_field(PersonLinkSerializer(many=True))
    def get_persons(self, article):
        keys = ("id", "name", "mentions", "evidence")
        return _rows(article.linked_persons, keys, ("-mentions", "name"))

    @extend_schema_field(CountryLinkSerializer(many=True))
    def get_countries(self, article):
        keys = ("code", "name", "mentions", "evidence")
        return _rows(article.linked_countries, keys, ("-mentions", "name"))

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_duplicates(self, article) -> list[int]:
        return [row["id"] for row in _rows(article.linked_duplicates, ("id",), ("id",))]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_review_reasons(self, article) -> list[str]:
        return codes_of(article.review_reasons)

    @extend_schema_field(
        serializers.ChoiceField(choices=Article.DatedSource.choices, allow_null=True)
    )
    def get_dated_source(self, article) -> str | None:
        return article.dated_source or None  # null while the article has no date

    @extend_schema_field(ProvenanceSerializer)
    def get_provenance(self, article):
        return {
            "file": article.provenance_file,
            "line_start": article.provenance_line_start,
            "line_end": article.provenance_line_end,
            "sha256": article.provenance_sha256,
        }


class ArticleListSerializer(ArticleSerializer):
    """An article in a list: the keys ``?fields=`` names (all but ``body`` unless included)."""


TEXT_FIELDS = ("title", "summary", "body")  # the content fingerprint's, in its order


class ArticleWriteSerializer(serializers.ModelSerializer):
    """What an editor may write; every written field is kept by re-import (``mark_edited``).

    Answers with the ``ArticleSerializer`` representation. A created article gets the importer's
    content fingerprint (so a dump holding the same text later updates it instead of adding a
    twin) and the provenance file ``api``.
    """

    source = serializers.SlugRelatedField(
        slug_field="slug", queryset=Source.objects.all(), allow_null=True, required=False
    )
    original_source = serializers.SlugRelatedField(
        slug_field="slug", queryset=Source.objects.all(), allow_null=True, required=False
    )
    duplicate_of = serializers.PrimaryKeyRelatedField(
        queryset=Article.objects.all(),
        allow_null=True,
        required=False,
        help_text="Id of the article this one republishes (a copy of a copy names the first); "
        "null: not a copy. Re-import and `find_duplicates` keep what an editor writes.",
    )

    class Meta:
        model = Article
        fields = [
            "title", "summary", "body", "section", "status", "needs_review", "source",
            "original_source", "duplicate_of", "dated",
        ]  # fmt: skip

    def validate_duplicate_of(self, original: Article | None) -> Article | None:
        """The first-seen article of ``original``'s copies; never this article itself."""
        if original is not None and original.duplicate_of_id is not None:
            original = original.duplicate_of
        if original is not None and self.instance is not None and original.pk == self.instance.pk:
            raise serializers.ValidationError("An article cannot be a copy of itself.")
        return original

    def validate(self, attrs):
        text = [attrs.get(name, getattr(self.instance, name, "")) for name in TEXT_FIELDS]
        size, limit = sum(map(len, text)), settings.NEWSDB_MAX_ITEM_CHARS
        if size > limit:  # the importer's limit: one article never weighs down every page
            raise serializers.ValidationError(
                f"Title, summary and body hold {size:,} characters, over "
                f"NEWSDB_MAX_ITEM_CHARS ({limit:,})."
            )
        if self.instance is None:
            attrs["fingerprint"] = content_fingerprint(*text)
            self.refuse_twin(attrs["fingerprint"])
        return attrs

    def create(self, validated_data):
        fingerprint = validated_data.pop("fingerprint")
        article = Article(**validated_data, fingerprint=fingerprint, provenance_file="api")
        if "dated" in validated_data:
            article.dated_source = Article.DatedSource.API
        article.provenance_line_start = article.provenance_line_end = 0
        article.provenance_sha256 = fingerprint
        article.mark_edited(*validated_data)
        try:
            with transaction.atomic():  # the article and its history row, or neither
                article.save()
        except IntegrityError:
            # A request with the same text committed between validate() and here: its row
            # is the answer (409), as it would have been a moment later.
            self.refuse_twin(fingerprint)
            raise
        return article

    def refuse_twin(self, fingerprint: str) -> None:
        """409 ``Conflict`` naming the article holding this content fingerprint, if one does."""
        twin = Article.objects.filter(fingerprint=fingerprint).values_list("pk", flat=True)
        if twin:
            request = self.context.get("request")
            location = reverse("article-detail", args=[twin[0]], request=request)
            raise Conflict(f"Article {twin[0]} has the same text.", location)

    def update(self, instance, validated_data):
        changed = [
            name for name, value in validated_data.items() if getattr(instance, name) != value
        ]
        instance.mark_edited(*changed)
        if "dated" in changed:  # re-import keeps it: "dated" is now among the edited fields
            instance.dated_source = Article.DatedSource.API
        article = super().update(instance, validated_data)
        article.forget_evidence(changed)
        return article

    def to_representation(self, instance):
        article = Article.objects.for_representation().get(pk=instance.pk)
        return ArticleSerializer(article, context=self.context).data


class TargetKey(NamedTuple):
    """How the API names the entity a link points at: by which field, written how in URLs."""

    field: str = "pk"
    pattern: str = "[0-9]+"
    help_text: str = ""
    clean: Callable[[str], str] = str  # what a written key becomes before the lookup


# Entities the API names by a natural key, as their own URLs do; any other by its id.
COUNTRY_KEY = TargetKey("code", "[A-Za-z]{2}", "ISO 3166-1 alpha-2", str.upper)
TARGET_KEYS = {Country: COUNTRY_KEY}


def target_key(model) -> TargetKey:
    return TARGET_KEYS.get(model, TargetKey())


class NaturalKeyField(serializers.SlugRelatedField):
    """A related entity named by its natural key, cleaned first (country codes: any case)."""

    def __init__(self, key: TargetKey, **kwargs):
        self.clean = key.clean
        super().__init__(slug_field=key.field, help_text=key.help_text, **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(self.clean(data) if isinstance(data, str) else data)


# A link's value as editors write it; the API calls a count "mentions", as articles show it.
LINK_VALUES = {
    "count": ("mentions", partial(serializers.IntegerField, min_value=1, max_value=100_000)),
    "score": ("score", partial(serializers.FloatField, min_value=0.0, max_value=1.0)),
}


# A link an editor adds to an article: its target, its value and the rest of its key.
# ``link_write_serializer`` makes one per link kind from its ``ArticleLink`` model. (No docstring:
# the schema would show it as the description of each kind's request body.)
class LinkWriteSerializer(serializers.Serializer):
    link_model: type[ArticleLink]

    def link_values(self) -> dict:
        """The link's fields for ``Article.add_link``: its value (and a person link's role)."""
        model, data = self.link_model, self.validated_data
        values = {name: data[name] for name in model.key_fields if name != model.target_field}
        values[model.value_field] = data[LINK_VALUES[model.value_field][0]]
        return values


def link_write_serializer(model: type[ArticleLink]) -> type[LinkWriteSerializer]:
    """``<Target>LinkWriteSerializer``: the target (by ``target_key``), any other key field
    (a choice, as the model's) and the value (``LINK_VALUES``), each defaulting as the model."""
    target = model.target_model()
    key, queryset = target_key(target), target.objects.all()
    fields = {
        model.target_field: serializers.PrimaryKeyRelatedField(queryset=queryset)
        if key.field == "pk"
        else NaturalKeyField(key, queryset=queryset)
    }
    for name in model.key_fields:
        if name != model.target_field:
            field = model._meta.get_field(name)
            fields[name] = serializers.ChoiceField(field.choices, default=field.get_default())
    api_name, value_field = LINK_VALUES[model.value_field]
    fields[api_name] = value_field(default=model._meta.get_field(model.value_field).default)
    name = f"{target.__name__}LinkWriteSerializer"
    return type(name, (LinkWriteSerializer,), {"link_model": model, **fields})


LINK_SERIALIZERS = {kind: link_write_serializer(model) for kind, model in LINK_MODELS.items()}


class ArticlesLinkMixin(serializers.Serializer):
    """An ``articles`` field: the URL of the articles list filtered to this row."""

    articles = serializers.SerializerMethodField(help_text="This row's articles.")
    # Every entity list reads it from its QuerySet's with_article_counts().
    article_count = serializers.IntegerField(read_only=True)
    articles_filter: tuple[str, str] = ("", "")  # (articles filter name, attribute)

    def get_articles(self, obj) -> str:
        name, attribute = self.articles_filter
        url = reverse("article-list", request=self.context.get("request"))
        return f"{url}?{name}={getattr(obj, attribute)}"


class PersonSerializer(ArticlesLinkMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="person-detail")
    aliases = serializers.SerializerMethodField()
    suspicion = serializers.ListField(
        child=serializers.ChoiceField(choices=Suspicion.choices),
        source="suspicion_codes",
        read_only=True,
        help_text="Why the person looks wrong (the desk's suspects queue); empty when nothing.",
    )
    suspected_duplicate = serializers.PrimaryKeyRelatedField(
        read_only=True,
        allow_null=True,
        help_text="The person this one is likely a duplicate of (its id), or null.",
    )
    articles_filter = ("person", "pk")

    class Meta:
        model = Person
        fields = [
            "id", "url", "name", "slug", "wikidata_id", "aliases", "article_count", "articles",
            "suspicion", "suspected_duplicate",
        ]  # fmt: skip
        read_only_fields = ["name", "slug"]

    def get_aliases(self, person) -> list[str]:
        return [alias.name for alias in person.aliases.all()]


class CountrySerializer(ArticlesLinkMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="country-detail", lookup_field=COUNTRY_KEY.field
    )
    aliases = serializers.SerializerMethodField()
    articles_filter = ("country", "code")

    class Meta:
        model = Country
        fields = ["code", "url", "alpha3", "name", "aliases", "article_count", "articles"]

    def get_aliases(self, country) -> list[str]:
        return [alias.text for alias in country.aliases.all() if alias.is_active]


class TopicSerializer(ArticlesLinkMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="topic-detail")
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    articles_filter = ("topic", "slug")

    class Meta:
        model = Topic
        fields = ["id", "url", "name", "slug", "iptc_code", "parent", "article_count", "articles"]


class SourceSerializer(ArticlesLinkMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="source-detail")
    aliases = serializers.SerializerMethodField()
    articles_filter = ("source", "slug")

    class Meta:
        model = Source
        fields = ["id", "url", "name", "slug", "aliases", "article_count", "articles"]

    def get_aliases(self, source) -> list[str]:
        return [alias.name for alias in source.aliases.all()]
