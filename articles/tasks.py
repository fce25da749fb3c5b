"""Celery tasks (found by ``app.autodiscover_tasks``): thin wrappers over ``ingest.jobs``."""

from celery import shared_task

from articles.ingest import jobs


@shared_task(bind=True, name="articles.import_file")
def import_file(self, job_id: int, path: str, content: str | None = None) -> str:
    """Import one dump file (``content``: its bytes in base64, when the worker cannot see it)."""
    return jobs.run_job(job_id, path, content, worker=self.request.hostname or "")
