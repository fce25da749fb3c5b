"""What finding syndicated copies adds to an import, per article, as the corpus grows.

Synthetic articles (``synthetic.ArticleText``; every tenth one a cut copy of an earlier one with
a trailer) are stored a chunk at a time as ``upsert`` stores them, in one transaction rolled back
at the end. Timed apart: the sketch (shingles, facts, band keys: the extraction side) and the
persistence side (band lookup, candidate verification, ``duplicate_of`` and band writes).
"""

import random
import time
from dataclasses import dataclass

from django.db import transaction

from articles.benchmarks.synthetic import ArticleText
from articles.ingest.batching import CHUNK_SIZE
from articles.ingest.copies import sketch
from articles.ingest.persist.copies import (
    CopyIndex,
    mark_stored_copies,
    save_copy_changes,
    store_copies,
)
from articles.models import Article

TRAILER = " This story was republished from another outlet under a Creative Commons licence."


@dataclass
class CopiesBench:
    articles: int = 0
    copies_found: int = 0
    sketch_ms: float = 0.0  # per article
    first_tenth_ms: float = 0.0  # persistence per article, over the first tenth of the chunks
    last_tenth_ms: float = 0.0  # and over the last tenth (the corpus ten times larger)


def texts(count: int, seed: int = 0) -> list[tuple[str, str]]:
    """(summary, body) of ``count`` articles, every tenth a cut, trailed copy of an earlier one."""
    rng = random.Random(seed)
    found: list[tuple[str, str]] = []
    for number in range(count):
        if number % 10 == 9:
            summary, body = found[rng.randrange(number)]
            found.append((summary, body.split("\n\n")[0] + TRAILER))
        else:
            article = ArticleText(rng, number)
            found.append((article.summary, "\n\n".join(article.body)))
    return found


def run(count: int) -> CopiesBench:
    """Store ``count`` articles a chunk at a time; nothing stays in the database."""
    result, timings = CopiesBench(articles=count), []
    items = texts(count)
    with transaction.atomic():
        for start in range(0, count, CHUNK_SIZE):
            chunk = items[start : start + CHUNK_SIZE]
            began = time.perf_counter()
            sketches = [sketch(summary, body) for summary, body in chunk]
            result.sketch_ms += time.perf_counter() - began
            timings.append(_persist(start, chunk, sketches) / len(chunk))
        result.copies_found = Article.objects.filter(duplicate_of__isnull=False).count()
        transaction.set_rollback(True)
    tenth = max(len(timings) // 10, 1)
    result.sketch_ms *= 1000 / max(count, 1)
    result.first_tenth_ms = 1000 * sum(timings[:tenth]) / tenth
    result.last_tenth_ms = 1000 * sum(timings[-tenth:]) / tenth
    return result


def _persist(start: int, chunk, sketches) -> float:
    """Seconds spent on copies for one chunk, the articles' own insert left out."""
    articles = [_article(start + n, summary, body) for n, (summary, body) in enumerate(chunk)]
    began = time.perf_counter()
    index = CopyIndex(sketches)
    mark_stored_copies(index, articles, sketches)
    spent = time.perf_counter() - began
    Article.objects.bulk_create(articles)
    began = time.perf_counter()
    save_copy_changes(store_copies(index, articles, sketches), "bench_copies")
    return spent + time.perf_counter() - began


def _article(number: int, summary: str, body: str) -> Article:
    return Article(
        title=f"Bench article {number}",
        summary=summary,
        body=body,
        fingerprint=f"bench-copies-{number:051d}",
        provenance_file="bench_copies.txt",
        provenance_line_start=number + 1,
        provenance_line_end=number + 1,
        provenance_sha256="0" * 64,
    )
