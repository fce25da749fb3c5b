"""Search latency on the 5,000-article synthetic corpus, the same queries on each database.

The corpus is the import benchmark's (``synthetic.write_corpus``), parsed and stored with
``bulk_create`` (no entity extraction: only the texts matter to search; the FTS5 triggers and
PostgreSQL's generated columns index them as any write would). Each query is a first page of
``/api/articles/?search=`` through the test client (all middleware, DEBUG off, throttles off).
"""

import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.test import Client

from articles.benchmarks.api_bench import quiet_settings, summary, timed
from articles.benchmarks.import_bench import reset_imported_rows
from articles.benchmarks.synthetic import write_corpus
from articles.ingest.pipeline import parse_path
from articles.models import Article

QUERIES = [
    "wages",
    "dock workers",
    '"unpaid wages"',
    "teachers or nurses",
    "strike -war",
    "ukraine kovalenko",
]


def store_corpus(size: int) -> int:
    """Empty the imported rows, then store the synthetic corpus's articles (texts only)."""
    reset_imported_rows()
    with tempfile.TemporaryDirectory() as scratch:
        for path in write_corpus(Path(scratch), size):
            _, items, _ = parse_path(path, settings.NEWSDB_MAX_DUMP_BYTES)
            Article.objects.bulk_create(_article(path.name, item) for item in items)
    return Article.objects.count()


def _article(name: str, item) -> Article:
    return Article(
        title=item.title[:500],
        summary=item.summary,
        body=item.body,
        fingerprint=f"{name}:{item.line_start}".ljust(64, "-")[:64],
        provenance_file=name,
        provenance_line_start=item.line_start,
        provenance_line_end=item.line_end,
        provenance_sha256="0" * 64,
    )


def measure(client: Client, query: str, repeat: int) -> dict:
    """The search alone (ids of the first 50 ranked matches) and the API page around it."""
    url = f"/api/articles/?{urlencode({'search': query})}"
    ranked = Article.objects.search(query).order_by("distance", "-id").values_list("pk", flat=True)
    for _ in range(5):  # warm caches and connections
        timed(client, url)
    search_ms, page_ms = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        list(ranked[:50])
        search_ms.append((time.perf_counter() - started) * 1000)
        page_ms.append(timed(client, url))
    return {
        "query": query,
        "matches": Article.objects.search(query).count(),
        "search": summary(search_ms),
        "page": summary(page_ms),
    }


def run(size: int, repeat: int) -> dict:
    """Store the corpus, then time every query; the figures as a dict."""
    articles = store_corpus(size)
    with quiet_settings():
        client = Client()
        results = [measure(client, query, repeat) for query in QUERIES]
    reset_imported_rows()
    return {
        "database": connection.vendor,
        "articles": articles,
        "repeat": repeat,
        "results": results,
    }


def render(figures: dict[str, dict]) -> str:
    """One markdown table: each query's matches, then its times on every database measured."""
    labels = list(figures)
    first = figures[labels[0]]
    head = " | ".join(f"{label} search | p99 | {label} page | p99" for label in labels)
    rows = []
    for n, result in enumerate(first["results"]):
        measured = [figures[label]["results"][n] for label in labels]
        cells = " | ".join(
            f"{m['search']['median_ms']:.1f} | {m['search']['p99_ms']:.1f} "
            f"| {m['page']['median_ms']:.1f} | {m['page']['p99_ms']:.1f}"
            for m in measured
        )
        matches = " / ".join(str(m) for m in sorted({m["matches"] for m in measured}))
        rows.append(f"| `{result['query']}` | {matches} | {cells} |")
    return "\n".join(
        [
            f"## Search ({first['articles']:,} synthetic articles)",
            "",
            "The import benchmark's synthetic corpus, stored without extraction. *search*: the "
            "query alone, the ids of the 50 best-ranked matches (SQLite: FTS5 and bm25; "
            "PostgreSQL: the GIN-indexed tsvector and ts_rank). *page*: the first page of "
            "`/api/articles/?search=…` through Django's test client (DEBUG off, throttles off). "
            f"Median and p99 of {first['repeat']} runs each after 5 warm-ups, in milliseconds; "
            "*matches* is one figure when every database finds the same number.",
            "",
            f"| query | matches | {head} |",
            "| --- | ---: |" + " ---: | ---: | ---: | ---: |" * len(labels),
            *rows,
        ]
    )
