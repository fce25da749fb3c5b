"""``GET /api/articles/export/`` timed on the scale corpus: rows per second and memory.

Runs on the ``newsdb_scale_<N>`` database ``bench_scale`` builds. Each export is read to the end
as a client would (the streamed chunks are counted, then dropped); memory is the growth of the
process's peak resident set over the export, and the peak of Python allocations (tracemalloc)
on a first stretch of rows, which stays flat when nothing accumulates.
"""

import resource
import time
import tracemalloc
from unittest import mock

from django.test import Client, override_settings
from rest_framework.views import APIView

from articles.models import Article

# (label, query): the whole table in each format, and one filter through the same FilterSet.
EXPORTS = [
    ("all articles, JSON Lines", "format=jsonl"),
    ("all articles, CSV", "format=csv"),
    ("`country=UA`, JSON Lines", "format=jsonl&country=UA"),
]
TRACED_ROWS = 20_000  # tracemalloc slows Python several times: it watches the first rows only


def measure() -> list[dict]:
    """Each export of ``EXPORTS``, streamed to its end with DEBUG off and no throttle."""
    quiet = override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"])
    no_throttle = mock.patch.object(APIView, "get_throttles", lambda view: [])
    with quiet, no_throttle:
        client = Client()
        return [_run(client, label, query) for label, query in EXPORTS]


def _run(client: Client, label: str, query: str) -> dict:
    url = f"/api/articles/export/?{query}"
    traced_peak = _traced_peak(client, url)
    rss_before = _peak_rss_mb()
    start = time.perf_counter()
    lines, size = _drain(client.get(url, secure=True))
    seconds = time.perf_counter() - start
    rows = lines - 1 if "format=csv" in query else lines  # less the CSV header
    return {
        "label": label,
        "url": url,
        "rows": rows,
        "seconds": seconds,
        "rows_per_s": rows / seconds if seconds else 0.0,
        "mb": size / 1e6,
        "rss_growth_mb": _peak_rss_mb() - rss_before,
        "traced_peak_mb": traced_peak,
    }


def _drain(response, stop_after: int | None = None) -> tuple[int, int]:
    """Lines and bytes of a streamed answer, read to its end (or ``stop_after`` lines)."""
    assert response.status_code == 200, response.status_code
    lines = size = 0
    for chunk in response.streaming_content:
        lines, size = lines + chunk.count(b"\n"), size + len(chunk)
        if stop_after and lines >= stop_after:
            break
    # Not ``response.close()``: the test client closes a streamed answer itself, with the
    # database connection left open (closing it again would close that connection).
    return lines, size


def _traced_peak(client: Client, url: str) -> float:
    """Peak MB of Python allocations while the first ``TRACED_ROWS`` rows stream."""
    tracemalloc.start()
    try:
        _drain(client.get(url, secure=True), stop_after=TRACED_ROWS)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def render(size: int, rows: list[dict]) -> str:
    """A markdown table: export, rows, time, rows/s, output size, memory."""
    lines = [
        f"{Article.objects.count():,} articles (`manage.py bench_export --articles {size}`), "
        "each export streamed to its end:",
        "",
        "| export | rows | time | rows/s | output | peak RSS growth | traced peak "
        f"(first {TRACED_ROWS:,} rows) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['label']} | {row['rows']:,} | {row['seconds']:,.1f} s | "
            f"{row['rows_per_s']:,.0f} | {row['mb']:,.0f} MB | {row['rss_growth_mb']:,.1f} MB | "
            f"{row['traced_peak_mb']:,.1f} MB |"
        )
    return "\n".join(lines)
