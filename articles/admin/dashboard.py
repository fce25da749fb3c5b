"""The dashboard on the desk's home page: what the coverage looks like, filtered and cached.

The numbers come from the queries behind ``/api/stats/`` (``StatsFilterSet`` selects the
articles, the ``ArticleQuerySet`` counts read the stored ``article_count`` when nothing is
filtered). What one filter gives is cached whole (numbers and drawn charts) for
``NEWSDB_DASHBOARD_CACHE_SECONDS``: at a million articles the counts over time take seconds,
a cached dashboard milliseconds.
"""

import hashlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from articles.admin import charts
from articles.api.filtersets import StatsFilterSet
from articles.models import Article, Person, Source, Topic

FILTERS = ("created_after", "created_before", "source", "section", "topic")
PERIODS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}
MAX_BUCKETS = 120  # the newest periods drawn: past that, bars are thinner than a pixel
STACKED = 6  # sources or topics with a colour of their own; the others are summed
TOP = 10  # persons and topics with sparklines; pairs in the network
RANKED = 15  # countries in the bar chart beside the map


class DashboardForm(forms.Form):
    """The dashboard's filters (the ``/api/stats/`` parameters) and how to draw the timeline."""

    created_after = forms.DateField(required=False, widget=forms.DateInput({"type": "date"}))
    created_before = forms.DateField(required=False, widget=forms.DateInput({"type": "date"}))
    source = forms.ChoiceField(required=False)
    section = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False)
    period = forms.ChoiceField(choices=[(p, p) for p in PERIODS], initial="month", required=False)
    stack = forms.ChoiceField(
        choices=[("source", "by source"), ("topic", "by topic")], required=False
    )

    def __init__(self, data):
        super().__init__(data)
        choices = _cached("dashboard:choices")
        if choices is None:
            choices = _choices()
            cache.set("dashboard:choices", choices, _seconds())
        for name, values in choices.items():
            self.fields[name].choices = [("", "all"), *values]

    def filters(self) -> dict:
        """The chosen filters as ``/api/stats/`` query parameters (empty ones left out)."""
        values = self.cleaned_data if self.is_valid() else {}
        return {name: str(values[name]) for name in FILTERS if values.get(name)}

    def drawing(self) -> tuple[str, str]:
        values = self.cleaned_data if self.is_valid() else {}
        return values.get("period") or "month", values.get("stack") or "source"


def _choices() -> dict:
    """The sources, sections and topics that have articles, for the filter boxes (the first 500
    sources by name: a longer list is no use in a box)."""
    sources = Source.objects.filter(article_count__gt=0).order_by("name")
    topics = Topic.objects.filter(article_count__gt=0).order_by("name")
    sections = Article.objects.section_counts(everything=True)
    return {
        "source": list(sources.values_list("slug", "name")[:500]),
        "section": sorted((row["section"], row["section"]) for row in sections),
        "topic": list(topics.values_list("slug", "name")),
    }


def _seconds() -> int:
    return settings.NEWSDB_DASHBOARD_CACHE_SECONDS


def _cached(key: str):
    """What the cache holds under ``key``; nothing when the cache time is 0 (cache off)."""
    return cache.get(key) if _seconds() > 0 else None


def dashboard(form: DashboardForm) -> dict:
    """Everything the dashboard shows for the form's filters, from the cache when it has it."""
    filters, (period, stack) = form.filters(), form.drawing()
    found = _cached(_key(filters, period, stack))
    return found if found is not None else recount(filters, period, stack)


def recount(filters: dict, period: str = "month", stack: str = "source") -> dict:
    """Count the dashboard of these filters afresh and keep it in the cache."""
    found = gather(filters, period, stack)
    cache.set(_key(filters, period, stack), found, _seconds())
    return found


def _key(filters: dict, period: str, stack: str) -> str:
    chosen = repr((sorted(filters.items()), period, stack)).encode()
    return "dashboard:" + hashlib.sha256(chosen).hexdigest()


def gather(filters: dict, period: str, stack: str) -> dict:
    """The dashboard's numbers and charts over the articles ``filters`` select."""
    articles = StatsFilterSet(data=filters, queryset=Article.objects.all()).qs.order_by()
    every = not filters
    timeline = _timeline(articles, period, stack, every)
    buckets = timeline.pop("buckets")
    countries = list(articles.country_counts(every))
    trends = {"articles": articles, "period": period, "buckets": buckets, "every": every}
    persons = _with_trends("person", articles.person_counts(every)[:TOP], **trends)
    topics = _with_trends("topic", articles.topic_counts(every)[:TOP], **trends)
    pairs = articles.person_pairs(limit=TOP)
    names = dict(Person.objects.filter(pk__in=_paired(pairs)).values_list("pk", "name"))
    link = _article_list_link(filters)

    def country_link(row):
        return link(f"countries__id__exact={row['id']}")

    return {
        "article_count": articles.count(),
        "timeline": timeline,
        "countries": [{**c, "link": country_link(c)} for c in countries[:RANKED]],
        "country_total": len(countries),
        "map_svg": charts.world_map(countries, country_link),
        "countries_svg": charts.ranked_bars(countries[:RANKED], "Per country", country_link),
        "persons": [{**p, "link": link(f"persons__id__exact={p['id']}")} for p in persons],
        "topics": [{**t, "link": link(f"topics__id__exact={t['id']}")} for t in topics],
        "pairs": [
            {"one": names[p["person"]], "other": names[p["other"]], "count": p["article_count"]}
            for p in pairs
        ],
        "network_svg": charts.network(pairs, names) if pairs else "",
        "review": review_work(articles),
        "review_link": link("needs_review__exact=1"),
        "cache_seconds": _seconds(),
    }


def _paired(pairs: list[dict]) -> set[int]:
    return {p[key] for p in pairs for key in ("person", "other")}


def _timeline(articles, period: str, stack: str, every: bool) -> dict:
    """Counts per period (the newest ``MAX_BUCKETS``), one series per big source or topic."""
    rows = list(articles.counts_over_time(period, stack, every))
    buckets = sorted({row["bucket"] for row in rows})[-MAX_BUCKETS:]
    place = {bucket: i for i, bucket in enumerate(buckets)}
    totals = {}
    for row in rows:
        if row["bucket"] in place:
            totals[row["key"]] = totals.get(row["key"], 0) + row["n"]
    big = sorted(totals, key=lambda key: -totals[key])[:STACKED]
    model = Source if stack == "source" else Topic
    names = dict(model.objects.filter(pk__in=[k for k in big if k]).values_list("pk", "name"))
    series = {key: [0] * len(buckets) for key in [*big, "other"]}
    for row in rows:
        if row["bucket"] in place:
            series[row["key"] if row["key"] in big else "other"][place[row["bucket"]]] += row["n"]
    named = [(names.get(key, f"no {stack}") if key != "other" else "others", series[key])
             for key in series if any(series[key])]  # fmt: skip
    labels = [bucket.strftime(PERIODS[period]) for bucket in buckets]
    return {
        "buckets": buckets,
        "labels": labels,
        "series": named,
        "rows": [(label, [counts[i] for _, counts in named]) for i, label in enumerate(labels)],
        "svg": charts.timeline(labels, named) if buckets else "",
        "cut": len(place) < len({row["bucket"] for row in rows}),
    }


def _with_trends(kind: str, top, articles, period: str, buckets: list, every: bool) -> list:
    """``top`` rows, each with its counts per period of the timeline and their sparkline."""
    top = list(top)
    place = {bucket: i for i, bucket in enumerate(buckets)}
    counts = {row["id"]: [0] * len(buckets) for row in top}
    for row in articles.trends(kind, list(counts), period, everything=every):
        if row["bucket"] in place:
            counts[row["key"]][place[row["bucket"]]] = row["n"]
    for row in top:
        row["sparkline"] = charts.sparkline(counts[row["id"]], f"{row['name']}, per {period}")
    return top


def review_work(articles) -> dict:
    """The review queue of these articles by reason, and the articles reviewed this week.

    A reason is what flagged the article: the importer flags the articles whose title it had
    to derive from the text; any other flag is an editor's. Reviewed this week: articles whose
    history has a change by the desk (not an import) leaving them reviewed or published and off
    the queue, in the last seven days, whatever the filters.
    """
    queue = articles.needing_review()
    reasons = dict(queue.values_list("title_derived").annotate(n=Count("pk")).order_by())
    week = timezone.now() - timedelta(days=7)
    reviewed = Article.history.filter(
        history_date__gte=week,
        history_type="~",
        needs_review=False,
        status__in=[Article.Status.REVIEWED, Article.Status.PUBLISHED],
    ).exclude(history_change_reason__startswith="import")
    return {
        "queue": sum(reasons.values()),
        "reasons": [
            ("title derived from the text", reasons.get(True, 0)),
            ("flagged for another reason", reasons.get(False, 0)),
        ],
        "reviewed_this_week": reviewed.values("id").distinct().count(),
    }


def _article_list_link(filters: dict):
    """``link(extra)``: the admin article list with the dashboard's source and topic filters
    (the list has no date or section filter) and ``extra`` query parameters."""
    base = reverse("admin:articles_article_changelist")
    kept = []
    if "source" in filters:
        ids = Source.objects.filter(slug__in=filters["source"].split(",")).values_list("pk")
        kept += [f"source__id__exact={pk}" for (pk,) in ids[:1]]
    if "topic" in filters:
        ids = Topic.objects.filter(slug__in=filters["topic"].split(",")).values_list("pk")
        kept += [f"topics__id__exact={pk}" for (pk,) in ids[:1]]
    return lambda extra: f"{base}?{'&'.join([*kept, extra])}"
