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
from articles.ingest.extract import Extractor, load_nlp
from articles.ingest.parallel import import_paths_parallel
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.pipeline import import_paths


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed_run(folder: Path, workers: int) -> dict:
    """Wall and CPU seconds of one import of ``folder`` from an empty article table.

    Both cases load the NER model inside the timed run, as a fresh ``import_seeds`` would.
    """
    reset_imported_rows()
    load_nlp.cache_clear()
    catalog = load_catalog()
    max_bytes = settings.NEWSDB_MAX_DUMP_BYTES
    cpu_main, cpu_workers = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
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
    return {
        "seconds": round(seconds, 2),
        # The pool's processes have been reaped by now, so they count as children.
        "cpu_main": round(cpu_seconds(resource.RUSAGE_SELF) - cpu_main, 2),
        "cpu_workers": round(cpu_seconds(resource.RUSAGE_CHILDREN) - cpu_workers, 2),
    }


def cpu_bound_rate(articles: int, run: dict, cores: int, workers: int) -> float:
    """Articles/s this run's CPU seconds allow on ``cores`` otherwise idle cores.

    The main process and each worker are serial; all of them share the cores. The database
    server's own CPU is not counted (it is another process), so this is an upper bound.
    """
    total = run["cpu_main"] + run["cpu_workers"]
    wall = max(run["cpu_main"], run["cpu_workers"] / workers, total / cores)
    return round(articles / wall, 1)


def run(articles: int, worker_counts: list[int], repeats: int) -> dict:
    """Per worker count: each run's figures, articles/s (median, best) and the CPU-bound rate."""
    load_before = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    runs: dict[int, list[dict]] = {n: [] for n in worker_counts}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        write_corpus(folder, articles)
        for _ in range(repeats):
            for n in worker_counts:
                runs[n].append(timed_run(folder, n))
    rows = {n: summarise(articles, n_runs, cores, n) for n, n_runs in runs.items()}
    base = rows[worker_counts[0]]
    for row in rows.values():
        row["speedup"] = round(row["median_per_s"] / base["median_per_s"], 2)
        row["cpu_speedup"] = round(row["cpu_bound_per_s"] / base["cpu_bound_per_s"], 2)
    load = {"before": round(load_before, 2), "after": round(os.getloadavg()[0], 2)}
    return {
        "articles": articles,
        "cores": cores,
        "load_average": load,
        "workers": rows,
        "peak_rss_mb": {
            "main": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "worker": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
        },
    }


def summarise(articles: int, runs: list[dict], cores: int, workers: int) -> dict:
    seconds = [run["seconds"] for run in runs]
    return {
        "runs": runs,
        "median_per_s": round(articles / statistics.median(seconds), 1),
        "best_per_s": round(articles / min(seconds), 1),
        "cpu_bound_per_s": statistics.median(
            cpu_bound_rate(articles, run, cores, workers) for run in runs
        ),
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
        "| workers | wall seconds per run | CPU s main / workers (median run) "
        "| articles/s median | best | speed-up | CPU-bound articles/s | its speed-up |",
        "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for n, row in results["workers"].items():
        walls = ", ".join(f"{run['seconds']:.1f}" for run in row["runs"])
        middle = sorted(row["runs"], key=lambda run: run["seconds"])[len(row["runs"]) // 2]
        cpu = f"{middle['cpu_main']:.1f} / {middle['cpu_workers']:.1f}"
        lines.append(
            f"| {n} | {walls} | {cpu} | {row['median_per_s']} | {row['best_per_s']} "
            f"| {row['speedup']}× | {row['cpu_bound_per_s']} | {row['cpu_speedup']}× |"
        )
    return "\n".join(lines)
