"""API latency on a large corpus, each request next to a plain ``JsonResponse`` of the same rows.

The reference views read the same rows with ``.values()`` (plus one ``.values()`` query per link
table for the nested persons, countries and topics) and return them with ``JsonResponse``: what
the page costs without DRF, serializers, filter forms and pagination. Both go through the same
middleware and test client, alternately, in one run. This module is also the URLconf of the run.
"""

import statistics
import time
from collections import defaultdict
from contextlib import contextmanager
from unittest import mock

from django.db import connection
from django.db.models import Count, Q
from django.http import JsonResponse
from django.test import Client, override_settings
from django.urls import include, path
from rest_framework.views import APIView

from articles.api.pagination import cursor_for
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

PAGE = 50
ROW_VALUES = [
    "id", "title", "title_derived", "summary", "source_id", "source__name", "source__slug",
    "original_source_id", "section", "status", "needs_review", "provenance_file",
    "provenance_line_start", "provenance_line_end", "provenance_sha256", "created_at",
    "updated_at",
]  # fmt: skip
NEWEST = ("-created_at", "-id")


def reference_articles(request):
    """The articles page as plain Django: the same filters, rows and nesting, no DRF."""
    params, articles = request.GET, Article.objects.order_by(*NEWEST)
    if codes := params.getlist("country"):
        articles = articles.in_countries(codes)
    if topic := params.get("topic"):
        articles = articles.about(topic)
    if text := params.get("search"):
        articles = articles.search(text).order_by("distance", "-id")
    if after := params.get("after"):
        moment, pk = Article.objects.values_list("created_at", "id").get(pk=after)
        articles = articles.filter(Q(created_at__lt=moment) | Q(created_at=moment, id__lt=pk))
        articles = articles.filter(created_at__lte=moment)
    rows = list(articles.values(*ROW_VALUES)[:PAGE])
    _nest(rows)
    return JsonResponse({"results": rows})


def _nest(rows: list[dict]) -> None:
    ids = [row["id"] for row in rows]
    nested = {
        "persons": ArticlePerson.objects.filter(article_id__in=ids).values(
            "article_id", "person_id", "person__name", "role", "count"
        ),
        "countries": ArticleCountry.objects.filter(article_id__in=ids).values(
            "article_id", "country__code", "country__name", "count"
        ),
        "topics": ArticleTopic.objects.filter(article_id__in=ids).values(
            "article_id", "topic_id", "topic__name", "topic__slug", "score"
        ),
    }
    for key, links in nested.items():
        by_article = defaultdict(list)
        for link in links:
            by_article[link.pop("article_id")].append(link)
        for row in rows:
            row[key] = by_article[row["id"]]


urlpatterns = [
    path("api/", include("articles.api.urls")),
    path("reference/articles/", reference_articles),
]


def scenarios() -> list[dict]:
    """The requests measured: (label, API URL, reference URL)."""
    country = (
        ArticleCountry.objects.values("country__code").annotate(n=Count("id")).order_by("-n")[0]
    )
    topic = ArticleTopic.objects.values("topic__slug").annotate(n=Count("id")).order_by("-n")[4]
    filters = f"country={country['country__code']}&topic={topic['topic__slug']}"
    middle = Article.objects.count() // 2
    deep = Article.objects.order_by(*NEWEST).values_list("id", "created_at")[middle - 1]
    cursor = cursor_for(NEWEST, [deep[1], deep[0]])
    search = "search=peace%20talks"
    return [
        {"label": "articles page", "api": "", "reference": ""},
        {
            "label": f"page after row {middle:,}",
            "api": f"cursor={cursor}",
            "reference": f"after={deep[0]}",
        },
        {"label": f"filter {filters}", "api": filters, "reference": filters},
        {"label": "two-word search, ranked", "api": search, "reference": search},
    ]


@contextmanager
def quiet_settings():
    """No debug query log, this URLconf, no throttles.

    A throttle keeps every request time of its window in the cache: at benchmark rates that
    list grows by thousands and its cost would swamp what is measured.
    """
    with (
        override_settings(DEBUG=False, ROOT_URLCONF=__name__, ALLOWED_HOSTS=["testserver"]),
        mock.patch.object(APIView, "get_throttles", lambda view: []),
    ):
        yield


def timed(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.content[:300])
    return elapsed


def summary(samples: list[float]) -> dict:
    return {
        "median_ms": statistics.median(samples),
        "p99_ms": statistics.quantiles(samples, n=100, method="inclusive")[98],
    }


def measure(client: Client, scenario: dict, repeat: int) -> dict:
    api, reference = (
        f"/api/articles/?{scenario['api']}",
        f"/reference/articles/?{scenario['reference']}",
    )
    api_ids = [row["id"] for row in client.get(api).json()["results"]]
    reference_ids = [row["id"] for row in client.get(reference).json()["results"]]
    assert api_ids == reference_ids, f"{scenario['label']}: the two answers differ"
    queries = []
    with connection.execute_wrapper(lambda execute, *args: queries.append(1) or execute(*args)):
        client.get(api)
    samples = {"api": [], "reference": []}
    for _ in range(5):  # warm caches and connections
        timed(client, api), timed(client, reference)
    for _ in range(repeat):
        samples["api"].append(timed(client, api))
        samples["reference"].append(timed(client, reference))
    return {
        "label": scenario["label"],
        "rows": len(api_ids),
        "queries": len(queries),
        "api": summary(samples["api"]),
        "reference": summary(samples["reference"]),
    }


def run(repeat: int) -> dict:
    """Measure every scenario; also count the search's matches."""
    with quiet_settings():
        client = Client()
        results = [measure(client, scenario, repeat) for scenario in scenarios()]
    matches = Article.objects.search("peace talks").count()
    return {
        "articles": Article.objects.count(),
        "repeat": repeat,
        "search_matches": matches,
        "results": results,
    }


def _row(result: dict) -> str:
    api, reference = result["api"], result["reference"]
    ratio = api["median_ms"] / reference["median_ms"]
    return (
        f"| {result['label']} | {result['rows']} | {result['queries']} "
        f"| {api['median_ms']:.1f} | {api['p99_ms']:.1f} "
        f"| {reference['median_ms']:.1f} | {reference['p99_ms']:.1f} | {ratio:.2f} |"
    )


def render(figures: dict) -> str:
    """The markdown section for docs/benchmarks.md."""
    rows = [_row(result) for result in figures["results"]]
    return "\n".join(
        [
            f"## API on PostgreSQL ({figures['articles']:,} articles)",
            "",
            "`/api/articles/` through Django's test client (all middleware, DEBUG off, throttles "
            "off), next to a plain `JsonResponse` of the same rows read with `.values()` (nested "
            f"persons, countries and topics included); {figures['repeat']} requests each, "
            "alternating, in one run. Times in milliseconds.",
            "",
            "| request | rows | queries | API median | API p99 | reference median "
            "| reference p99 | API / reference |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            f"The two-word search `peace talks` matches {figures['search_matches']:,} articles "
            "(GIN index on the stored `search_vector`), ranked by `ts_rank` over the small "
            "stored `search_rank_vector`. Throttling is off while measuring (its cache "
            "round trip is the same for every request).",
        ]
    )
