"""A large synthetic article table for the API benchmark, written with PostgreSQL COPY.

Texts are sentences drawn from a fixed pool, so word frequencies are news-like: a few words are
common, most are rare, and the search words have known document frequencies. Persons, countries
and topics are linked with skewed popularity (a few are everywhere, most are rare). Seeded: the
same size always gives the same corpus.
"""

import random
from datetime import UTC, datetime, timedelta

from django.db import connection

from articles import counts
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
from articles.normalise import name_key, slug_for

MARK = "bench-"  # provenance_file prefix of every generated article
SEARCH_WORDS = {"peace": 0.25, "talks": 0.22, "grain": 0.06, "harbour": 0.03}  # document frequency
SENTENCES_PER_BODY = (4, 30)
SYLLABLES = ["ka", "ro", "mi", "ten", "sal", "dor", "vi", "nu", "pel", "gar", "shi", "lo", "bra"]
COMMON = ["the", "said", "on", "of", "government", "minister", "week", "people", "city", "report"]


def bench_articles():
    return Article.objects.filter(provenance_file__startswith=MARK)


def build(size: int, seed: int = 0) -> None:
    """Fill an empty article table with ``size`` articles and their links."""
    rng = random.Random(seed)
    sentences = _sentences(rng, 4000)
    sources = _sources(60)
    persons = _persons(rng, 5000)
    countries = list(Country.objects.values_list("pk", flat=True))
    rng.shuffle(countries)  # popularity follows this order
    topics = list(Topic.objects.values_list("pk", flat=True))
    start = datetime(2023, 1, 1, tzinfo=UTC)
    for first in range(1, size + 1, 10_000):
        ids = range(first, min(first + 10_000, size + 1))
        _copy_articles(rng, ids, sentences, sources, start)
        _copy_links(rng, ids, persons, countries, topics)
    with connection.cursor() as cursor:
        cursor.execute("SELECT setval('articles_article_id_seq', %s)", [size])
    for model in counts.counted_models():  # COPY bypasses ``articles.counts``: count once
        model.objects.all().recount_articles()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _sentences(rng, count: int) -> list[str]:
    words = ["".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(3000)]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    chance = {word: 1 - (1 - df) ** (1 / 17) for word, df in SEARCH_WORDS.items()}
    pool = []
    for _ in range(count):
        sentence = rng.choices(words, weights, k=rng.randint(8, 18)) + rng.sample(COMMON, 3)
        sentence += [word for word, p in chance.items() if rng.random() < p]
        rng.shuffle(sentence)
        pool.append(" ".join(sentence).capitalize() + ".")
    return pool


def _sources(count: int) -> list[int]:
    rows = [
        Source(name=f"Bench Outlet {n}", key=f"bench outlet {n}", slug=f"bench-outlet-{n}")
        for n in range(count)
    ]
    return [source.pk for source in Source.objects.bulk_create(rows)]


def _persons(rng, count: int) -> list[int]:
    first = [
        "Amal",
        "Boris",
        "Chiara",
        "Dmytro",
        "Elena",
        "Farid",
        "Greta",
        "Hamid",
        "Ines",
        "Jonas",
    ]
    names = {
        f"{rng.choice(first)} {''.join(rng.choices(SYLLABLES, k=3)).title()}" for _ in range(count)
    }
    rows = [Person(name=n, key=name_key(n), slug=slug_for(n)) for n in sorted(names)]
    return [person.pk for person in Person.objects.bulk_create(rows)]


ARTICLE_COLUMNS = (
    "id", "title", "title_derived", "summary", "body", "source_id", "section", "fingerprint",
    "status", "needs_review", "review_reasons", "edited_fields", "provenance_file",
    "provenance_line_start", "provenance_line_end", "provenance_sha256", "created_at",
    "updated_at",
)  # fmt: skip


def _copy_articles(rng, ids, sentences, sources, start) -> None:
    sections = ["World", "Business", "Labour", "Climate", ""]
    statuses = ["imported"] * 6 + ["reviewed", "published"]
    rows = []
    for pk in ids:
        body = " ".join(rng.sample(sentences, rng.randint(*SENTENCES_PER_BODY)))
        title = rng.choice(sentences).split(".")[0][:120]
        created = start + timedelta(seconds=pk * 900 + rng.randint(0, 899))
        rows.append(
            (pk, title, False, rng.choice(sentences), body, rng.choice(sources),
             rng.choice(sections), f"{pk:064x}", rng.choice(statuses), rng.random() < 0.1, "", "[]",
             f"{MARK}{pk // 1000:03d}.txt", pk, pk, "0" * 64, created, created)
        )  # fmt: skip
    _copy(Article, ARTICLE_COLUMNS, rows)


def _copy_links(rng, ids, persons, countries, topics) -> None:
    person_rows, country_rows, topic_rows = [], [], []
    person_weights = _zipf(len(persons))
    country_weights = _zipf(len(countries))
    for pk in ids:
        for person in set(rng.choices(persons, person_weights, k=rng.randint(0, 6))):
            person_rows.append((pk, person, "mentioned", rng.randint(1, 5), "auto", "[]"))
        if rng.random() < 0.3:
            person_rows.append((pk, rng.choice(persons), "author", 1, "auto", "[]"))
        for country in set(rng.choices(countries, country_weights, k=rng.randint(1, 4))):
            country_rows.append((pk, country, rng.randint(1, 6), "auto", "[]"))
        for topic in rng.sample(topics, rng.randint(1, 3)):
            topic_rows.append((pk, topic, round(rng.uniform(0.2, 1.0), 3), "auto", "[]"))
    person_rows = list({(r[0], r[1], r[2]): r for r in person_rows}.values())
    link = ("origin", "evidence")  # no offsets: the synthetic text names no one
    _copy(ArticlePerson, ("article_id", "person_id", "role", "count", *link), person_rows)
    _copy(ArticleCountry, ("article_id", "country_id", "count", *link), country_rows)
    _copy(ArticleTopic, ("article_id", "topic_id", "score", *link), topic_rows)


def _zipf(count: int) -> list[float]:
    return [1 / (rank + 1) for rank in range(count)]


def _copy(model, columns, rows) -> None:
    table = model._meta.db_table
    sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)
