"""Distributed import: enqueue one Celery task per dump file; a worker imports it and records it.

Each task runs the same per-file pipeline as ``import_seeds`` (one transaction, under the
persistence lock), so any number of workers on any number of machines give what one process
gives. Outcomes are ``ImportJob`` rows, shown by ``manage.py import_status``.
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

from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.pipeline import dump_paths, import_paths
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
    return [_enqueue_one(path, send_bytes) for path in files]


def _check(path: Path, send_bytes: bool) -> None:
    if not path.is_file():
        raise EnqueueError(f"{path}: no such file; nothing was queued.")
    size = path.stat().st_size
    if send_bytes and size > settings.NEWSDB_MAX_DUMP_BYTES:
        raise EnqueueError(
            f"{path}: {size} bytes is over NEWSDB_MAX_DUMP_BYTES "
            f"({settings.NEWSDB_MAX_DUMP_BYTES}); nothing was queued."
        )


def _enqueue_one(path: Path, send_bytes: bool) -> ImportJob:
    from articles.tasks import import_file

    content = base64.b64encode(path.read_bytes()).decode("ascii") if send_bytes else None
    where = str(path) if send_bytes else str(path.resolve())
    job = ImportJob.objects.create(path=where, task_id=str(uuid.uuid4()), sent_bytes=send_bytes)
    try:
        import_file.apply_async(args=[job.pk, where, content], task_id=job.task_id, retry=False)
    except Exception as error:  # kombu raises several kinds; all mean "not sent"
        _finish(job.pk, ImportJob.Status.FAILED, error=f"not sent: {error}")
        raise EnqueueError(f"{path}: could not reach the broker: {error}") from error
    return job


def run_job(job_id: int, path: str, content: str | None = None, worker: str = "") -> str:
    """Import one file for a worker and record the outcome on its job; returns the status."""
    started = {"started_at": timezone.now(), "worker": worker or socket.gethostname()}
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, **started)
    try:
        report = _import_one(path, content)
    except Exception:  # a bug, not a bad file: record it, then let Celery log it too
        _finish(job_id, ImportJob.Status.FAILED, error=traceback.format_exc(limit=5))
        raise
    file = report.files[0]
    file.path = path  # not the worker's temporary copy
    status = ImportJob.Status.FAILED if file.error else ImportJob.Status.DONE
    _finish(job_id, status, error=file.error or "", report=report.as_dict())
    return status


def _import_one(path: str, content: str | None):
    extractor = Extractor(load_catalog())
    max_bytes = settings.NEWSDB_MAX_DUMP_BYTES
    if content is None:
        return import_paths([path], extractor=extractor, max_bytes=max_bytes)
    with tempfile.TemporaryDirectory() as scratch:
        # The same base name as the original: it is what provenance records.
        local = Path(scratch) / Path(path).name
        local.write_bytes(base64.b64decode(content))
        return import_paths([local], extractor=extractor, max_bytes=max_bytes)


def _finish(job_id: int, status: str, *, error: str = "", report: dict | None = None) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=status, error=error, report=report, finished_at=timezone.now()
    )
