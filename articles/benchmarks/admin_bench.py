"""The editors' desk under load: admin pages over many articles, timed with the test client.

Everything runs in one transaction that is rolled back at the end, so any database (even the
operator's) is left exactly as it was.
"""

import random
import secrets
import statistics
import time
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection, reset_queries, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    Person,
    Source,
    Topic,
)

WORDS = [
    *("strike", "protest", "border", "ceasefire", "election"),
    *("drought", "harvest", "court", "rally", "union"),
]
BODY = "Officials declined to comment on the talks or the arrests reported earlier. " * 20


def admin_figures(articles: int = 10_000, repeat: int = 5) -> dict:
    """Median seconds and query count of each desk page over ``articles`` synthetic rows."""
    with transaction.atomic(), override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
        sample = fill(articles, random.Random(articles))
        client = Client()
        client.force_login(
            get_user_model().objects.create_superuser(f"bench-{secrets.token_hex(4)}")
        )
        pages = desk_pages(sample)
        figures = {label: time_page(client, url, repeat) for label, url in pages.items()}
        transaction.set_rollback(True)
    return {"articles": articles, "repeat": repeat, "pages": figures}


def desk_pages(article: Article) -> dict[str, str]:
    base = "/admin/articles/article/"
    country = article.countries.first()
    return {
        "article list, first page": base,
        "article list, search": f"{base}?q={article.title.split()[0]}",
        "article list, country filter": f"{base}?countries__id__exact={country.pk}",
        "article list, review queue": f"{base}?needs_review__exact=1",
        "article list, sorted by persons": f"{base}?o=-6",
        "article change form": f"{base}{article.pk}/change/",
        "person list": "/admin/articles/person/",
    }


def time_page(client: Client, url: str, repeat: int) -> dict:
    """Median wall time of ``repeat`` GETs (after one warm-up) and the queries of one."""
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, secure=True)
    count = len(queries)  # now: the next requests clear the log it reads from
    if response.status_code != 200:
        raise RuntimeError(f"bench_admin: GET {url} answered {response.status_code}")
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url, secure=True)
        timings.append(time.perf_counter() - start)
    return {"url": url, "median_seconds": statistics.median(timings), "queries": count}


def fill(count: int, rng: random.Random) -> Article:
    """Create ``count`` articles with links (3 persons, 2 countries, 1 topic each); return one."""
    sources = Source.objects.bulk_create([_named(Source, f"Bench outlet {i}") for i in range(20)])
    persons = Person.objects.bulk_create([_named(Person, f"Bench Person {i}") for i in range(2000)])
    topics = Topic.objects.bulk_create([_named(Topic, f"Bench topic {i}") for i in range(20)])
    countries = list(Country.objects.all())
    articles = Article.objects.bulk_create(
        [_article(i, rng.choice(sources), rng) for i in range(count)], batch_size=1000
    )
    now = timezone.now()
    for i, article in enumerate(articles):
        article.created_at = now - timedelta(hours=i)
    Article.objects.bulk_update(articles, ["created_at"], batch_size=1000)
    links = [
        link
        for article in articles
        for link in _links(article, rng.sample(persons, 3), rng.sample(countries, 2), topics, rng)
    ]
    for model in (ArticlePerson, ArticleCountry, ArticleTopic):
        model.objects.bulk_create([lk for lk in links if type(lk) is model], batch_size=2000)
    return articles[count // 2]


def _named(model, name: str):
    from articles.normalise import name_key, slug_for

    row = model(name=name, slug=slug_for(name))
    if hasattr(row, "key"):
        row.key = name_key(name)
    return row


def _article(i: int, source: Source, rng: random.Random) -> Article:
    title = " ".join(rng.sample(WORDS, 4)).capitalize() + f" {i}"
    return Article(
        title=title,
        summary=f"{title}: what happened, who said what, and what comes next.",
        body=BODY,
        source=source,
        section=rng.choice(["", "World", "Labour"]),
        needs_review=rng.random() < 0.1,
        fingerprint=secrets.token_hex(32),
        provenance_file=f"bench-{i % 50:02}.txt",
        provenance_line_start=i + 1,
        provenance_line_end=i + 3,
        provenance_sha256="0" * 64,
    )


def _links(article, persons, countries, topics, rng) -> list:
    return [
        *(ArticlePerson(article=article, person=p, count=rng.randint(1, 4)) for p in persons),
        *(ArticleCountry(article=article, country=c, count=rng.randint(1, 3)) for c in countries),
        ArticleTopic(article=article, topic=rng.choice(topics), score=rng.random()),
    ]


def render_admin_section(figures: dict) -> str:
    """Markdown for docs/benchmarks.md."""
    rows = [
        f"| {label} | `{page['url']}` | {1000 * page['median_seconds']:.0f} | {page['queries']} |"
        for label, page in figures["pages"].items()
    ]
    return "\n".join(
        [
            "## Editors' desk (admin)",
            "",
            f"{figures['articles']:,} synthetic articles (3 persons, 2 countries, 1 topic each), "
            f"median of {figures['repeat']} requests through Django's test client after one "
            "warm-up, in a transaction rolled back afterwards. Target: the article list under "
            "one second.",
            "",
            "| page | URL | median ms | queries |",
            "| --- | --- | ---: | ---: |",
            *rows,
        ]
    )
