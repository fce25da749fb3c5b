"""Import throughput against the number of NER worker processes (``import_seeds --workers``).

Worker counts are interleaved within each repeat, so a busy machine slows them alike; the pool's
start (one NER model load per worker) is part of every timed run, as it is for an operator.
"""

import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings

from articles.benchmarks.import_bench import reset_imported_rows
from articles.benchmarks.synthetic import write_corpus
from articles.ingest import persist
from articles.ingest.extract import Extractor
from articles.ingest.parallel import import_paths_parallel
from articles.ingest.pipeline import import_paths


def timed_run(folder: Path, workers: int) -> float:
    """Seconds for one import of ``folder`` from an empty article table."""
    reset_imported_rows()
    catalog = persist.load_catalog()
    max_bytes = settings.NEWSDB_MAX_DUMP_BYTES
    started = time.perf_counter()
    if workers == 1:
        report = import_paths([folder], extractor=Extractor(catalog), max_bytes=max_bytes)
    else:
        report = import_paths_parallel(
            [folder], catalog=catalog, workers=workers, max_bytes=max_bytes
        )
    seconds = time.perf_counter() - started
    if report.failed:
        raise RuntimeError(f"benchmark import failed: {report.failed[0].error}")
    return seconds


def run(articles: int, worker_counts: list[int], repeats: int) -> dict:
    """Seconds per run and articles/s (median and best) for each worker count."""
    load_before = os.getloadavg()[0]
    seconds: dict[int, list[float]] = {n: [] for n in worker_counts}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_corpus(folder, articles)
        for _ in range(repeats):
            for n in worker_counts:
                seconds[n].append(round(timed_run(folder, n), 2))
    rows = {
        n: {
            "seconds": runs,
            "median_per_s": round(articles / statistics.median(runs), 1),
            "best_per_s": round(articles / min(runs), 1),
        }
        for n, runs in seconds.items()
    }
    base = rows[worker_counts[0]]["median_per_s"]
    for row in rows.values():
        row["speedup"] = round(row["median_per_s"] / base, 2)
    load = {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}
    return {
        "articles": articles,
        "cores": os.cpu_count(),
        "load_average": load,
        "workers": rows,
        # Pool processes are reaped when each run ends, so they count as children.
        "peak_rss_mb": {
            "main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        },
    }


def markdown(results: dict, database: str) -> str:
    """The figures as the table docs/benchmarks.md keeps."""
    lines = [
        f"Synthetic corpus of {results['articles']} articles on {database}, "
        f"{results['cores']} cores, load average {results['load_average']['before']} before and "
        f"{results['load_average']['after']} after. Peak resident memory: "
        f"{results['peak_rss_mb']['main']} MB in the main process, "
        f"{results['peak_rss_mb']['worker']} MB in a worker.",
        "",
        "| workers | seconds per run | articles/s (median) | articles/s (best) | speed-up |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for n, row in results["workers"].items():
        runs = ", ".join(f"{s:.1f}" for s in row["seconds"])
        lines.append(
            f"| {n} | {runs} | {row['median_per_s']} | {row['best_per_s']} | {row['speedup']}× |"
        )
    return "\n".join(lines)
