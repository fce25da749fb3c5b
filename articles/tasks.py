"""Celery tasks (found by ``app.autodiscover_tasks``): thin wrappers over ``ingest.jobs``."""

from celery import shared_task

from articles.ingest import jobs


@shared_task(bind=True, name="articles.import_file")
def import_file(
    self,
    job_id: int,
    path: str,
    content: str | None = None,
    first_item: int | None = None,
    item_count: int | None = None,
) -> str:
    """Import one dump file (``content``: its bytes in base64, when the worker cannot see it),
    or its items ``first_item`` … ``first_item + item_count - 1`` (a part of a large file)."""
    part = None if first_item is None else (first_item, item_count)
    hostname = self.request.hostname or ""
    return jobs.run_job(job_id, path, content, worker=hostname, part=part)
