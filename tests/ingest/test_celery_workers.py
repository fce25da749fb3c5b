"""Two real Celery workers (Redis broker, PostgreSQL) give exactly what one process gives."""

import io
import subprocess
import sys
import time
import uuid

import pytest
from django.core.management import call_command

from articles.benchmarks.import_bench import reset_imported_rows
from articles.benchmarks.synthetic import write_corpus
from articles.models import ImportJob
from tests.ingest.processes import (
    ROOT,
    child_env,
    manage_command,
    require_postgres,
    require_redis,
)
from tests.ingest.snapshots import as_json, database_snapshot

BROKER = "redis://127.0.0.1:6379/15"
TIMEOUT = 600


def start_worker(name: str, env: dict, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "newsdb", "worker", "-P", "solo"]
    command += ["-n", name, "-l", "info", "--without-gossip", "--without-mingle"]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def wait_for_jobs(count: int) -> None:
    """Until ``count`` jobs have finished (bounded: the test fails after TIMEOUT seconds)."""
    deadline = time.monotonic() + TIMEOUT
    finished = ImportJob.objects.filter(status__in=["done", "failed"])
    while finished.count() < count:
        assert time.monotonic() < deadline, list(ImportJob.objects.values_list("path", "status"))
        time.sleep(1)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_celery_workers_give_the_one_process_result(tmp_path):
    require_postgres()
    require_redis()
    folder = tmp_path / "corpus"
    paths = write_corpus(folder, articles=240, per_file=40, seed=3)
    # A queue of its own, so no other worker on this Redis takes the test's tasks.
    queue = f"newsdb-test-{uuid.uuid4().hex[:12]}"
    # Parts of 15 items: each 40-item file spreads over both workers.
    env = child_env(
        CELERY_BROKER_URL=BROKER, CELERY_TASK_DEFAULT_QUEUE=queue, NEWSDB_ENQUEUE_PART_ITEMS="15"
    )
    with open(tmp_path / "workers.log", "w") as log:
        workers = [start_worker(f"{n}-{queue}@%h", env, log) for n in ("one", "two")]
        try:
            enqueue = manage_command("import_seeds", "--enqueue", str(folder))
            subprocess.run(enqueue, env=env, check=True, capture_output=True)
            assert ImportJob.objects.count() == 3 * len(paths)  # 15 + 15 + 10 items each
            wait_for_jobs(3 * len(paths))
        finally:
            for worker in workers:
                worker.terminate()
            for worker in workers:
                worker.wait(timeout=60)
    jobs = ImportJob.objects.all()
    assert {job.status for job in jobs} == {"done"}, (tmp_path / "workers.log").read_text()[-3000:]
    distributed = as_json(database_snapshot())
    reset_imported_rows()
    call_command("import_seeds", str(folder), "--workers", "1", "--json", stdout=io.StringIO())
    assert as_json(database_snapshot()) == distributed
    assert len(distributed["articles"]) == 240
