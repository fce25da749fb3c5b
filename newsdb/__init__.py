"""newsdb's configuration package; loading it makes the Celery app the current one."""

from newsdb.celery import app as celery_app

__all__ = ["celery_app"]
