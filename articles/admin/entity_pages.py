"""The story a person, country, topic or source page tells: its articles over time, who and
where they name with it, its other names, its latest articles.

Read from the entity's newest ``STORY_ARTICLES`` articles (one range of its link index), so a
page costs the same for a person named once and for one named in half a million articles; what
is counted is kept in the cache for ``NEWSDB_DASHBOARD_CACHE_SECONDS`` (the other names and the
latest articles are read afresh: an editor changes them on this page).
"""

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from articles.admin import charts
from articles.models import Article, Country, Person, Topic

STORY_ARTICLES = 2_000
SHOWN = 10  # latest articles, persons and countries named with it


def entity_story(entity, articles_lookup: str) -> dict:
    """What the entity's page shows below its form."""
    key = f"story:{entity._meta.model_name}:{entity.pk}:{STORY_ARTICLES}"
    counted = cache.get(key) if settings.NEWSDB_DASHBOARD_CACHE_SECONDS > 0 else None
    if counted is None:
        counted = _counted(entity)
        cache.set(key, counted, settings.NEWSDB_DASHBOARD_CACHE_SECONDS)
    latest = Article.objects.newest_of(entity, SHOWN).select_related("source")
    base = reverse("admin:articles_article_changelist")
    return {
        **counted,
        "article_count": entity.article_count,
        "read": min(entity.article_count, STORY_ARTICLES),
        "list_link": f"{base}?{articles_lookup}={entity.pk}",
        "aliases": also_known_as(entity),
        "latest": latest.only("title", "created_at", "source__name").order_by("-created_at", "-id"),
    }


def _counted(entity) -> dict:
    """The entity's newest articles per month, and the persons and countries they name."""
    articles = Article.objects.newest_of(entity, STORY_ARTICLES)
    persons = articles.person_counts()
    countries = articles.country_counts()
    if isinstance(entity, Person):
        persons = persons.exclude(pk=entity.pk)
    if isinstance(entity, Country):
        countries = countries.exclude(pk=entity.pk)
    return {
        "timeline": _months(articles),
        "persons": _linked(persons[:SHOWN], "person"),
        "countries": _linked(countries[:SHOWN], "country"),
    }


def _months(articles) -> dict:
    """The articles counted per month, oldest first, as a bar chart and its table."""
    totals = {}
    for row in articles.counts_over_time("month", "source"):
        totals[row["bucket"]] = totals.get(row["bucket"], 0) + row["n"]
    rows = [(bucket.strftime("%Y-%m"), n) for bucket, n in sorted(totals.items())]
    series = [("articles", [n for _, n in rows])]
    return {"rows": rows, "svg": charts.timeline([m for m, _ in rows], series) if rows else ""}


def _linked(rows, model_name: str) -> list[dict]:
    """Counted rows, each with the link to its own page."""
    return [
        {**row, "link": reverse(f"admin:articles_{model_name}_change", args=[row["id"]])}
        for row in rows
    ]


def also_known_as(entity) -> list[str]:
    """The other names the importer matches to the entity (a topic's keywords)."""
    if isinstance(entity, Person):
        return [alias.name for alias in entity.aliases.order_by("name")]
    if isinstance(entity, Country):
        return [alias.text for alias in entity.aliases.filter(is_active=True).order_by("text")]
    if isinstance(entity, Topic):
        return entity.keyword_list()
    return []


class EntityPageAdmin:
    """A registry's change page that also tells the entity's story (see ``entity_story``)."""

    change_form_template = "admin/articles/entity_change_form.html"
    articles_lookup: str

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["story"] = entity_story(obj, self.articles_lookup)
        return super().render_change_form(request, context, add, change, form_url, obj)
