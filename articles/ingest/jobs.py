"""Distributed import: enqueue one Celery task per dump file, or per part of a large one; a worker
imports it and records it.

Each task runs the same pipeline as ``import_seeds`` (one transaction per file or part, under
the persistence lock), so any number of workers on any number of machines give what one process
gives. A worker extracts its items before it takes the lock: the slow NER runs on every worker
at once, only the writes take turns. A file of more than ``NEWSDB_ENQUEUE_PART_ITEMS`` items is
sent as parts of that many items (found by parsing it here, which is quick), so one large dump
spreads over the workers too. Outcomes are ``ImportJob`` rows, shown by ``manage.py
import_status`` and the desk's Import jobs page.
"""

import base64
import socket
import tempfile
import traceback
import uuid
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from articles.ingest.errors import IngestError
from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.persist.items import field_limits
from articles.ingest.pipeline import dump_paths, import_paths, parse_and_fit
from articles.models import ImportJob


class EnqueueError(Exception):
    """Nothing (more) could be sent: no broker configured, unreachable, or a file too large."""


def enqueue(paths: Iterable[str | Path], *, send_bytes: bool = False) -> list[ImportJob]:
    """Record a queued ImportJob and send its task, for every dump under ``paths``."""
    if not settings.CELERY_BROKER_URL:
        raise EnqueueError(
            "--enqueue needs a Celery broker: set CELERY_BROKER_URL "
            "(e.g. redis://127.0.0.1:6379/0) here and on the workers, or import in-process "
            "without --enqueue."
        )
    files = dump_paths(paths)
    for path in files:  # all checked before anything is sent
        _check(path, send_bytes)
    return [
        _enqueue_one(path, send_bytes, part)
        for path in files
        for part in ([None] if send_bytes else parts(path))
    ]


def parts(path: Path) -> list[tuple[int, int] | None]:
    """(first item, count) of each part of a large file; ``[None]`` (the whole file) for one of
    at most ``NEWSDB_ENQUEUE_PART_ITEMS`` items, or one that does not parse (its worker reports
    the error, as for any bad file)."""
    size = settings.NEWSDB_ENQUEUE_PART_ITEMS
    if size <= 0:
        return [None]
    try:
        _, items, _ = parse_and_fit(path, settings.NEWSDB_MAX_DUMP_BYTES, field_limits())
    except IngestError:
        return [None]
    if len(items) <= size:
        return [None]
    return [(first, min(size, len(items) - first)) for first in range(0, len(items), size)]


def _check(path: Path, send_bytes: bool) -> None:
    if not path.is_file():
        raise EnqueueError(f"{path}: no such file; nothing was queued.")
    size = path.stat().st_size
    if send_bytes and size > settings.NEWSDB_MAX_DUMP_BYTES:
        raise EnqueueError(
            f"{path}: {size} bytes is over NEWSDB_MAX_DUMP_BYTES "
            f"({settings.NEWSDB_MAX_DUMP_BYTES}); nothing was queued."
        )


def _enqueue_one(path: Path, send_bytes: bool, part: tuple[int, int] | None) -> ImportJob:
    from articles.tasks import import_file

    content = base64.b64encode(path.read_bytes()).decode("ascii") if send_bytes else None
    where = str(path) if send_bytes else str(path.resolve())
    first, count = part or (None, None)
    job = ImportJob.objects.create(
        path=where,
        task_id=str(uuid.uuid4()),
        sent_bytes=send_bytes,
        first_item=first,
        item_count=count,
    )
    args = [job.pk, where, content] + ([first, count] if part else [])
    try:
        import_file.apply_async(args=args, task_id=job.task_id, retry=False)
    except Exception as error:  # kombu raises several kinds; all mean "not sent"
        _finish(job.pk, ImportJob.Status.FAILED, error=f"not sent: {error}")
        raise EnqueueError(f"{path}: could not reach the broker: {error}") from error
    return job


def run_job(
    job_id: int,
    path: str,
    content: str | None = None,
    worker: str = "",
    part: tuple[int, int] | None = None,
) -> str:
    """Import one file (or ``part``: its items first … first + count - 1) for a worker and record
    the outcome on its job; returns the status."""
    started = {"started_at": timezone.now(), "worker": worker or socket.gethostname()}
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, **started)
    try:
        report = _import_one(path, content, part)
    except Exception:  # a bug, not a bad file: record it, then let Celery log it too
        _finish(job_id, ImportJob.Status.FAILED, error=traceback.format_exc(limit=5))
        raise
    file = report.files[0]
    file.path = path  # not the worker's temporary copy
    status = ImportJob.Status.FAILED if file.error else ImportJob.Status.DONE
    _finish(job_id, status, error=file.error or "", report=report.as_dict())
    return status


def _import_one(path: str, content: str | None, part: tuple[int, int] | None):
    extractor = Extractor(load_catalog())
    options = {
        "extractor": extractor,
        "max_bytes": settings.NEWSDB_MAX_DUMP_BYTES,
        "part": part,
        "extract_first": True,  # NER on every worker at once; only the writes take turns
    }
    if content is None:
        return import_paths([path], **options)
    with tempfile.TemporaryDirectory() as scratch:
        # The same base name as the original: it is what provenance records.
        local = Path(scratch) / Path(path).name
        local.write_bytes(base64.b64decode(content))
        return import_paths([local], **options)


def _finish(job_id: int, status: str, *, error: str = "", report: dict | None = None) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=status, error=error, report=report, finished_at=timezone.now()
    )
