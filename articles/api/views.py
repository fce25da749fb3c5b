"""One ViewSet per resource; each queryset reads a page in a fixed number of queries."""

import functools

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from articles import facets
from articles.api import exporting, reports, serializers, stats_cache, stories
from articles.api.filtersets import (
    ArticleFilterSet,
    CountryFilterSet,
    PersonFilterSet,
    SourceFilterSet,
    StatsFilterSet,
    StoryFilterSet,
    TopicFilterSet,
)
from articles.api.pagination import CanonicalLinkMixin, KeysetPagination, positive_int
from articles.api.throttling import AnonThrottle, ExportThrottle, UserThrottle
from articles.choices import REASON_LENGTH
from articles.export import FORMATS as EXPORT_FORMATS
from articles.ingest.persist.stories import rename_story
from articles.models import LINK_MODELS, Article, Country, Person, Source, Story, Topic
from articles.parallel import parallel_query

BUCKET = OpenApiParameter(
    "bucket",
    str,
    enum=["week", "month"],
    description="Add `dated`: the dated articles counted per week or month of their date.",
)
LIMIT = OpenApiParameter(
    "limit", int, description="Rows per list (default 20, at most 100; more is clamped)."
)


def list_fields(request) -> list[str]:
    """The article keys a list shows: ``?fields=`` names them, else all but ``body``
    (``?include=body`` adds it)."""
    every = serializers.ArticleSerializer.Meta.fields
    asked = [name for name in request.query_params.get("fields", "").split(",") if name]
    unknown = sorted(set(asked) - set(every))
    if unknown:
        raise ValidationError({"fields": [f"Unknown field(s): {', '.join(unknown)}."]})
    include = [name for name in request.query_params.get("include", "").split(",") if name]
    if set(include) - {"body"}:
        raise ValidationError({"include": ["Only body can be included: include=body."]})
    if asked:
        return [name for name in every if name in asked]
    return [name for name in every if name != "body" or "body" in include]


def limit_from(request, default: int = 20, most: int = 100) -> int:
    """The ``limit`` query parameter, clamped to ``most``; the default if absent (bad: 400)."""
    return positive_int(request, "limit", default, most)


def _perms(model: str, *verbs: str) -> list[str]:
    return [f"articles.{verb}_{model}" for verb in verbs]


FIELDS = OpenApiParameter(
    "fields",
    str,
    description="Comma-separated article keys to return (default: all but `body`).",
)
INCLUDE = OpenApiParameter("include", str, enum=["body"], description="`body`: add the body.")


WRITE = extend_schema(
    request=serializers.ArticleWriteSerializer, responses=serializers.ArticleSerializer
)


def touch(article, reason: str) -> None:
    """Mark ``article`` changed by the API: ``updated_at`` and a history entry saying why;
    a link change may correct a review reason ("no country")."""
    article._change_reason = f"API: {reason}"[:REASON_LENGTH]
    article.save(update_fields=["updated_at"])
    article.refresh_review_reasons()


def link_actions(model) -> list:
    """The ``link_<kind>`` (POST ``articles/{id}/<entities>/``) and ``unlink_<kind>`` (DELETE
    ``articles/{id}/<entities>/<key>/``) actions of one link kind."""
    kind, entity = model.kind, model.target_model()
    name, path = entity._meta.verbose_name, entity._meta.verbose_name_plural
    perms, pattern = model._meta.model_name, serializers.target_key(entity).pattern

    def link(self, request, pk=None):
        return self.add_link(kind)

    def unlink(self, request, pk=None, target=None):
        return self.remove_link(kind, target)

    linked = f"Link a {name} as an editor; re-import keeps the link."
    removed = f"Remove a {name} from the article for good: re-import will not link it again."
    link, unlink = _named(link, f"link_{kind}", linked), _named(unlink, f"unlink_{kind}", removed)
    post = action(
        detail=True,
        methods=["post"],
        url_path=path,
        serializer_class=serializers.LINK_SERIALIZERS[kind],
        required_perms={"post": _perms(perms, "add", "change")},
    )
    delete = action(
        detail=True,
        methods=["delete"],
        url_path=f"{path}/(?P<target>{pattern})",
        required_perms={"delete": _perms(perms, "delete")},
    )
    return [
        extend_schema(responses=serializers.ArticleSerializer)(post(link)),
        extend_schema(responses={204: None})(delete(unlink)),
    ]


def _named(method, name: str, doc: str):
    """``method`` called ``name`` (DRF routes an action by it), ``doc`` its schema description."""
    method.__name__, method.__doc__ = name, doc
    return method


def with_link_actions(viewset):
    """Give ``viewset`` the ``link_actions`` of every kind in ``LINK_MODELS``."""
    for model in LINK_MODELS.values():
        for method in link_actions(model):
            setattr(viewset, method.__name__, method)
    return viewset


@with_link_actions
@extend_schema_view(
    list=extend_schema(parameters=[FIELDS, INCLUDE]),
    create=WRITE,
    update=WRITE,
    partial_update=WRITE,
)
class ArticleViewSet(
    CanonicalLinkMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    """Articles: list (keyset pages, no ``body`` unless asked), detail, create, update, links."""

    queryset = Article.objects.for_representation()
    serializer_class = serializers.ArticleSerializer
    filterset_class = ArticleFilterSet
    pagination_class = KeysetPagination
    required_perms = None  # set per link action; see EditorWriteOrReadOnly
    query_parameters = ("fields", "include")  # read besides the filters (next links keep them)
    throttle_scope = None  # "export" on the export action: ExportThrottle counts it

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.action in ("list", "related") and "body" not in list_fields(self.request):
            queryset = queryset.defer("body")
        return queryset

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if self.action == "list":
            context["fields"] = list_fields(self.request)
        return context

    def perform_update(self, serializer):
        super().perform_update(serializer)
        serializer.instance.refresh_review_reasons()  # an edited title is no longer derived

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.ArticleListSerializer
        if self.action in ("create", "update", "partial_update"):
            return serializers.ArticleWriteSerializer
        return super().get_serializer_class()

    @extend_schema(parameters=[LIMIT], responses=reports.RelatedArticlesSerializer)
    @action(detail=True, methods=["get"], pagination_class=None, filterset_class=None)
    def related(self, request, pk=None):
        """The articles sharing most persons (3 points), topics (2) and countries (1)."""
        rows = Article.objects.related_to(self.get_object(), limit_from(request, 10, 50))
        found = self.get_queryset().in_bulk([row["article_id"] for row in rows])
        context = {**self.get_serializer_context(), "fields": list_fields(request)}
        results = [{**row, "article": found[row["article_id"]]} for row in rows]
        return Response(
            reports.RelatedArticlesSerializer({"results": results}, context=context).data
        )

    @extend_schema(
        filters=True,
        parameters=[
            OpenApiParameter(
                "format",
                str,
                enum=list(EXPORT_FORMATS),
                description="`jsonl` (default): one article per line, as the detail shows it; "
                "`csv`: one row per article, lists joined by `; `.",
            )
        ],
        responses={(200, media): OpenApiTypes.STR for media in EXPORT_FORMATS.values()},
    )
    @action(
        detail=False,
        methods=["get"],
        pagination_class=None,
        renderer_classes=exporting.RENDERERS,
        throttle_classes=[AnonThrottle, UserThrottle, ExportThrottle],
        throttle_scope="export",
    )
    def export(self, request):
        """Every article the filters select, streamed in id order: `?format=jsonl` (default,
        one article representation per line) or `?format=csv`."""
        articles = self.filter_queryset(self.get_queryset())
        return exporting.streamed(articles, request.accepted_renderer.format)

    def handle_exception(self, exc):
        if self.action == "export":  # an export's error is JSON, as every other error
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def add_link(self, kind: str) -> Response:
        article = self.get_object()
        serializer = self.get_serializer(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        target = serializer.validated_data[LINK_MODELS[kind].target_field]
        article.add_link(kind, target.pk, **serializer.link_values())
        touch(article, f"linked {kind} {target}")
        return self.answer(article)

    def remove_link(self, kind: str, key: str) -> Response:
        article, model = self.get_object(), LINK_MODELS[kind].target_model()
        target_key = serializers.target_key(model)
        target = generics.get_object_or_404(model, **{target_key.field: target_key.clean(key)})
        article.reject_link(kind, target.pk)
        touch(article, f"removed {kind} {target}")
        return Response(status=status.HTTP_204_NO_CONTENT)

    def answer(self, article) -> Response:
        """The article as it is now, in its full representation."""
        fresh = Article.objects.for_representation().get(pk=article.pk)
        context = self.get_serializer_context()
        return Response(serializers.ArticleSerializer(fresh, context=context).data)


class PersonViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Persons named in articles, with their aliases and number of articles; editors may set
    a person's ``wikidata_id`` (PATCH)."""

    queryset = Person.objects.with_article_counts().prefetch_related("aliases")
    serializer_class = serializers.PersonSerializer
    filterset_class = PersonFilterSet


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """Countries (ISO 3166-1), with the aliases the importer matches and number of articles."""

    queryset = Country.objects.with_article_counts().prefetch_related("aliases")
    serializer_class = serializers.CountrySerializer
    filterset_class = CountryFilterSet
    lookup_field = serializers.COUNTRY_KEY.field
    lookup_value_regex = serializers.COUNTRY_KEY.pattern


class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    """Topics of the taxonomy, with their parent and number of articles."""

    queryset = Topic.objects.with_article_counts().select_related("parent")
    serializer_class = serializers.TopicSerializer
    filterset_class = TopicFilterSet


class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    """Outlets that published the articles, with their number of articles."""

    queryset = Source.objects.with_article_counts().prefetch_related("aliases")
    serializer_class = serializers.SourceSerializer
    filterset_class = SourceFilterSet


@extend_schema_view(
    partial_update=extend_schema(
        request=stories.StoryWriteSerializer, responses=stories.StoryDetailSerializer
    ),
    update=extend_schema(
        request=stories.StoryWriteSerializer, responses=stories.StoryDetailSerializer
    ),
)
class StoryViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Stories: articles about one event; editors rename them (the admin splits and merges)."""

    queryset = Story.objects.all()
    serializer_class = stories.StorySerializer
    filterset_class = StoryFilterSet

    def get_queryset(self):
        if self.action == "list":
            return super().get_queryset().defer("profile")
        return super().get_queryset()

    def get_serializer_class(self):
        if self.action in ("update", "partial_update"):
            return stories.StoryWriteSerializer
        if self.action == "retrieve":
            return stories.StoryDetailSerializer
        return super().get_serializer_class()

    def perform_update(self, serializer):
        if "label" in serializer.validated_data:
            rename_story(serializer.instance, serializer.validated_data["label"])

    def update(self, request, *args, **kwargs):
        super().update(request, *args, **kwargs)
        story = self.get_object()
        context = self.get_serializer_context()
        return Response(stories.StoryDetailSerializer(story, context=context).data)


class StatsView(CanonicalLinkMixin, generics.GenericAPIView):
    """Counts of the filtered articles by country, topic, source and section, and the persons
    most often named together."""

    queryset = Article.objects.all()
    filterset_class = StatsFilterSet
    pagination_class = None
    serializer_class = reports.StatsSerializer

    @extend_schema(parameters=[LIMIT, BUCKET], filters=True)
    def get(self, request):
        articles = self.filter_queryset(self.get_queryset()).order_by()
        limit, bucket = limit_from(request), self.bucket()
        compute = functools.partial(self.stats, request, articles, limit, bucket)
        return Response(stats_cache.cached(request, compute))

    def stats(self, request, articles, limit: int, bucket: str | None) -> dict:
        # Unfiltered, the counts stored on each country, topic and source answer; filtered by
        # one country, topic, source or section, the counts stored per pair of those.
        every = not set(request.query_params) & set(self.filterset_class.base_filters)
        facet = None if every else self.single_facet(request)
        with parallel_query(settings.NEWSDB_STATS_PARALLEL_WORKERS, articles.db):
            return self.counts(articles, limit, bucket, every, facet)

    def counts(
        self, articles, limit: int, bucket: str | None, every: bool, facet: str | None = None
    ) -> dict:
        pairs = articles.person_pairs(limit=limit)
        names = Person.objects.in_bulk({p[key] for p in pairs for key in ("person", "other")})
        if facet is not None:
            stats = facets.stats(facet, limit, articles.db)
        else:
            stats = {
                "article_count": articles.count(),
                "countries": articles.country_counts(every)[:limit],
                "topics": articles.topic_counts(every)[:limit],
                "sources": articles.source_counts(every)[:limit],
                "sections": articles.section_counts(every)[:limit],
            }
        stats["person_pairs"] = [
            {"persons": [names[p["person"]], names[p["other"]]], **p} for p in pairs
        ]
        if bucket:
            stats["dated"] = articles.dated_counts(bucket)
        return self.get_serializer(stats).data

    def single_facet(self, request) -> str | None:
        """The facet key when the only filter is one country, topic, source or section."""
        given = set(request.query_params) & set(self.filterset_class.base_filters)
        if len(given - {"country_match"}) != 1:
            return None
        filterset = self.filterset_class(request.query_params, queryset=self.get_queryset())
        name = (given - {"country_match"}).pop()
        if name not in facets.KINDS or not filterset.is_valid():
            return None
        value = filterset.form.cleaned_data.get(name)
        if name == "section":
            return facets.key(name, value) if value else None
        return facets.key(name, value[0].pk) if value and len(value) == 1 else None

    def bucket(self) -> str | None:
        """The ``bucket`` parameter: ``week``, ``month`` or absent (anything else: 400)."""
        bucket = self.request.query_params.get("bucket") or None
        if bucket not in (None, "week", "month"):
            raise ValidationError({"bucket": ["Use week or month."]})
        return bucket
