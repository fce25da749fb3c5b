"""``import_seeds --workers N``: extraction in N processes, persistence in this one, in file order.

The NER model is the bottleneck of an import, so chunks of parsed items go to a pool of worker
processes (``articles.ingest.workers``) while this process parses the files ahead and persists
each file in its own transaction, in the order a one-process import would. The chunks are the
same ones the one-process import sends through the model, so the result is identical.

Memory stays flat: at most ``window`` chunks are in flight, so a process never holds more than a
few files' worth of parsed items and results however large the corpus is.
"""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from articles.ingest import pipeline
from articles.ingest.batching import CHUNK_SIZE
from articles.ingest.errors import IngestError
from articles.ingest.persist.items import field_limits
from articles.ingest.records import Catalog, Document, FileReport, ParsedItem
from articles.ingest.workers import extract_chunk, start_worker

# Chunks queued per worker: one being extracted, three waiting, so no worker idles while this
# process persists a file's last chunk and settles the file (longer than a chunk's work). With
# two queued, two workers on two idle cores imported 5,000 articles 1.66× as fast as one; with
# four, 1.75× (docs/benchmarks.md). Memory stays flat: 4 × 64 items per worker.
CHUNKS_PER_WORKER = 4


@dataclass
class FileWork:
    """A parsed file on its way through the pool."""

    document: Document | None
    items: list[ParsedItem]
    report: FileReport


# Below this much dump text, starting workers (each loads the NER model: seconds) costs more than
# it saves, so an import given no ``--workers`` runs in the command's process (the seeds: 100 KB).
PARALLEL_MIN_BYTES = 2 * 1024 * 1024


def default_workers(paths: Iterable[str | Path], configured: int = 0, cores: int = 0) -> int:
    """Workers for an import given no ``--workers``: ``configured`` if set; else one per core
    when the dumps are large enough to repay loading the model in each; else 1."""
    if configured:
        return configured
    size = sum(path.stat().st_size for path in pipeline.dump_paths(paths) if path.is_file())
    return (cores or os.cpu_count() or 1) if size >= PARALLEL_MIN_BYTES else 1


def import_paths_parallel(
    paths: Iterable[str | Path],
    *,
    catalog: Catalog,
    workers: int,
    max_bytes: int,
    dry_run: bool = False,
    on_file: Callable[[FileReport, int], pipeline.ProgressHook] | None = None,
) -> pipeline.ImportReport:
    """``pipeline.import_paths`` with extraction spread over ``workers`` processes."""
    run = pipeline.ImportReport(dry_run=dry_run)
    # spawn: no forked database connection or model threads; a worker that dies (killed, out of
    # memory) breaks the pool with an error instead of leaving the import waiting forever.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, context, initializer=start_worker, initargs=(catalog,))
    try:
        feed = Feed(pool, pipeline.dump_paths(paths), max_bytes, workers * CHUNKS_PER_WORKER)
        for work in feed.files():
            run.files.append(work.report)
            if not work.report.error:
                _import_work(feed, work, dry_run, on_file)
    finally:
        pool.shutdown(cancel_futures=True)  # on an error, chunks not yet started are dropped
    return run


def _import_work(feed: "Feed", work: FileWork, dry_run: bool, on_file) -> None:
    """Persist one parsed file from its extracted chunks, as ``pipeline.import_paths`` does."""
    advance = on_file(work.report, len(work.items)) if on_file else None
    try:
        pipeline._import_items(
            work.document, work.items, work.report, FeedExtractor(feed, work), dry_run, advance
        )
    except IngestError as error:
        pipeline._reset_counts(work.report, error)
    feed.discard_rest(work)


class Feed:
    """Parses files ahead and keeps the pool busy with their chunks, handed back in order."""

    def __init__(self, pool, paths: list[Path], max_bytes: int, window: int):
        self.pool = pool
        self.window = window
        self.parsed: deque[FileWork] = deque()
        self.pending: deque = deque()  # (FileWork, Future), in submission order
        self.jobs = self._jobs(paths, max_bytes)
        self.exhausted = False

    def files(self) -> Iterator[FileWork]:
        """Every file in order, parsed (or with its parse error in the report)."""
        while True:
            # Nothing parsed ahead means nothing is pending either: parse the next file.
            while not self.parsed and not self.exhausted:
                self._submit_next()
            if not self.parsed:
                return
            yield self.parsed.popleft()

    def next_result(self, work: FileWork):
        """The extraction of ``work``'s next chunk, waiting for it; tops the pool up first."""
        self._fill()
        if not self.pending or self.pending[0][0] is not work:
            raise RuntimeError(f"parallel import: no chunk pending for {work.report.path}")
        _, future = self.pending.popleft()
        return future.result()

    def discard_rest(self, work: FileWork) -> None:
        """Drop the chunks of a file whose import stopped early (an error rolled it back)."""
        while self.pending and self.pending[0][0] is work:
            _, future = self.pending.popleft()
            future.cancel()

    def _fill(self) -> None:
        while len(self.pending) < self.window and not self.exhausted:
            self._submit_next()

    def _submit_next(self) -> None:
        try:
            work, chunk = next(self.jobs)
        except StopIteration:
            self.exhausted = True
            return
        self.pending.append((work, self.pool.submit(extract_chunk, chunk)))

    def _jobs(self, paths: list[Path], max_bytes: int) -> Iterator[tuple[FileWork, list]]:
        for path in paths:
            work = _parse(path, max_bytes)
            self.parsed.append(work)
            iterator = iter(work.items)
            while chunk := list(islice(iterator, CHUNK_SIZE)):
                yield work, chunk


class FeedExtractor:
    """Stands in for an ``Extractor`` in the pipeline: returns the pool's results in order."""

    def __init__(self, feed: Feed, work: FileWork):
        self.feed = feed
        self.work = work

    def extract(self, items: list[ParsedItem]):
        return self.feed.next_result(self.work)


def _parse(path: Path, max_bytes: int) -> FileWork:
    try:
        document, items, report = pipeline.parse_and_fit(path, max_bytes, field_limits())
    except IngestError as error:
        return FileWork(None, [], FileReport(path=str(path), error=str(error)))
    return FileWork(document, items, report)
