"""The Celery app ``newsdb``: distributed imports (``import_seeds --enqueue``).

Configured from Django settings named ``CELERY_*``; run workers with ``celery -A newsdb worker``.
Without ``CELERY_BROKER_URL`` nothing is sent anywhere: imports run in-process as always.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdb.settings")

app = Celery("newsdb")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
