"""The import jobs page: operators follow a Celery import in the desk; nobody edits a job."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import ImportJob

pytestmark = pytest.mark.django_db


@pytest.fixture
def jobs(db):
    done = ImportJob.objects.create(
        path="/dumps/a.txt",
        task_id="t-done",
        status=ImportJob.Status.DONE,
        worker="box-1",
        report={"totals": {"created": 7, "updated": 2}},
    )
    failed = ImportJob.objects.create(
        path="/dumps/b.txt", task_id="t-failed", status=ImportJob.Status.FAILED,
        error="b.txt: line 3: not UTF-8",
    )  # fmt: skip
    return done, failed


@pytest.fixture
def operator_client(client):
    client.force_login(User.objects.create_superuser("ops", password="ops-pw-123"))
    return client


def test_the_list_shows_each_job_with_its_totals(operator_client, jobs):
    page = operator_client.get(reverse("admin:articles_importjob_changelist"))
    assert page.status_code == 200
    rows = page.context["cl"].result_list
    assert {job.path for job in rows} == {"/dumps/a.txt", "/dumps/b.txt"}
    text = page.content.decode()
    assert "box-1" in text and ">7<" in text and ">2<" in text


def test_failed_jobs_filter_and_show_their_error(operator_client, jobs):
    url = reverse("admin:articles_importjob_changelist") + "?status__exact=failed"
    assert [job.path for job in operator_client.get(url).context["cl"].result_list] == [
        "/dumps/b.txt"
    ]
    failed = jobs[1]
    page = operator_client.get(reverse("admin:articles_importjob_change", args=[failed.pk]))
    assert "not UTF-8" in page.content.decode()


def test_jobs_are_read_only(operator_client, jobs):
    done = jobs[0]
    assert operator_client.get(reverse("admin:articles_importjob_add")).status_code == 403
    url = reverse("admin:articles_importjob_change", args=[done.pk])
    operator_client.post(url, {"status": "failed", "path": "x"})
    done.refresh_from_db()
    assert (done.status, done.path) == ("done", "/dumps/a.txt")


def test_editors_do_not_see_jobs(editor_client, jobs):
    assert editor_client.get(reverse("admin:articles_importjob_changelist")).status_code == 403
