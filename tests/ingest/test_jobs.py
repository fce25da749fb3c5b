"""Distributed import jobs: enqueue refuses clearly, a task imports one file and records it."""

import base64
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.ingest.jobs import run_job
from articles.models import Article, ImportJob
from newsdb.celery import app as celery_app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def enqueue(*args) -> str:
    out = io.StringIO()
    call_command("import_seeds", "--enqueue", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def job(db):
    return ImportJob.objects.create(path="pairs.txt", task_id="t-1")


def test_import_seeds_enqueue_without_a_broker_refuses(db, settings):
    settings.CELERY_BROKER_URL = ""
    with pytest.raises(CommandError, match="CELERY_BROKER_URL"):
        enqueue(SAMPLES / "pairs.txt")
    assert not ImportJob.objects.exists()


def test_import_seeds_enqueue_refuses_a_dry_run(db, settings):
    settings.CELERY_BROKER_URL = "memory://"
    with pytest.raises(CommandError, match="--dry-run runs in-process"):
        enqueue(SAMPLES / "pairs.txt", "--dry-run")


def test_import_seeds_enqueue_refuses_a_missing_file_before_sending(db, settings):
    settings.CELERY_BROKER_URL = "memory://"
    with pytest.raises(CommandError, match=r"missing\.txt: no such file"):
        enqueue(SAMPLES / "pairs.txt", SAMPLES / "missing.txt")
    assert not ImportJob.objects.exists()


@pytest.fixture
def eager_tasks():
    """Tasks run in this process when sent, as a worker would run them."""
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = False


def test_import_seeds_enqueue_runs_one_task_per_file(db, settings, eager_tasks):
    settings.CELERY_BROKER_URL = "memory://"
    output = enqueue(SAMPLES / "pairs.txt", SAMPLES / "paragraphs.txt", "--send-bytes")
    jobs = ImportJob.objects.order_by("pk")
    assert [job.status for job in jobs] == ["done", "done"]
    assert all(job.task_id in output and job.sent_bytes for job in jobs)
    assert sum(job.report["totals"]["created"] for job in jobs) == Article.objects.count() > 0


def test_run_job_imports_the_file_and_records_done(job):
    assert run_job(job.pk, str(SAMPLES / "pairs.txt")) == "done"
    job.refresh_from_db()
    assert job.report["totals"]["created"] == Article.objects.count() > 0
    assert job.started_at <= job.finished_at and job.worker and not job.error


def test_run_job_from_bytes_keeps_the_file_name_as_provenance(job):
    content = base64.b64encode((SAMPLES / "pairs.txt").read_bytes()).decode()
    run_job(job.pk, "/elsewhere/pairs.txt", content)
    job.refresh_from_db()
    assert job.report["files"][0]["path"] == "/elsewhere/pairs.txt"
    assert set(Article.objects.values_list("provenance_file", flat=True)) == {"pairs.txt"}


def test_run_job_records_a_bad_file_as_failed_with_its_error(job):
    assert run_job(job.pk, str(SAMPLES / "binary.bin")) == "failed"
    job.refresh_from_db()
    assert "binary.bin" in job.error and job.status == "failed"
    assert not Article.objects.exists()


def test_import_status_lists_jobs_with_errors(job):
    ImportJob.objects.create(path="bad.txt", task_id="t-2", status="failed", error="bad.txt:3: x")
    out = io.StringIO()
    call_command("import_status", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == [
        "job",
        "status",
        "created",
        "unchanged",
        "updated",
        "finished",
        "path",
    ]
    assert any(line.split()[:2] == [str(job.pk), "queued"] for line in lines)
    assert any(line.endswith("bad.txt: bad.txt:3: x") for line in lines)
    assert lines[-1] == "1 queued, 0 running, 0 done, 1 failed"


def test_import_status_json_filters_by_status(job):
    ImportJob.objects.create(path="bad.txt", task_id="t-2", status="failed", error="oops")
    out = io.StringIO()
    call_command("import_status", "--json", "--status", "failed", stdout=out)
    rows = json.loads(out.getvalue())
    assert [(row["path"], row["status"], row["error"]) for row in rows] == [
        ("bad.txt", "failed", "oops")
    ]


def test_enqueue_splits_a_large_file_into_parts_that_import_as_the_whole(
    db, settings, eager_tasks, tmp_path
):
    """Three parts of a 7-item file on "three workers" store what one whole-file import does."""
    from articles.benchmarks.synthetic import write_corpus
    from tests.ingest.snapshots import as_json, database_snapshot

    settings.CELERY_BROKER_URL = "memory://"
    settings.NEWSDB_ENQUEUE_PART_ITEMS = 3
    [path] = write_corpus(tmp_path, articles=7, per_file=7, seed=5)
    output = enqueue(path)
    jobs = list(ImportJob.objects.order_by("first_item"))
    assert [(job.first_item, job.item_count) for job in jobs] == [(0, 3), (3, 3), (6, 1)]
    assert [job.status for job in jobs] == ["done"] * 3
    assert "(items 4–6)" in output and "3 task(s) for 1 file(s) queued" in output
    assert [job.report["totals"]["created"] for job in jobs] == [3, 3, 1]
    parted = as_json(database_snapshot())
    from articles.benchmarks.import_bench import reset_imported_rows

    reset_imported_rows()
    call_command("import_seeds", str(path), "--workers", "1", stdout=io.StringIO())
    assert as_json(database_snapshot()) == parted


def test_a_part_beyond_the_file_fails_clearly(job):
    """The file shrank after it was queued: the part says so and stores nothing."""
    assert run_job(job.pk, str(SAMPLES / "pairs.txt"), part=(10_000, 5)) == "failed"
    job.refresh_from_db()
    assert "no item 10001" in job.error and "queue it again" in job.error
    assert not Article.objects.exists()


def test_small_files_and_sent_bytes_go_whole(db, settings, eager_tasks):
    settings.CELERY_BROKER_URL = "memory://"
    settings.NEWSDB_ENQUEUE_PART_ITEMS = 1
    enqueue(SAMPLES / "pairs.txt", "--send-bytes")  # the bytes travel once, whole
    settings.NEWSDB_ENQUEUE_PART_ITEMS = 10_000
    enqueue(SAMPLES / "paragraphs.txt")
    assert list(ImportJob.objects.values_list("first_item", flat=True)) == [None, None]
