"""The import jobs sent to Celery workers (``import_seeds --enqueue``): a read-only list.

Operators follow a distributed import here as with ``manage.py import_status``: what is queued,
running, done or failed, on which worker, with each failure's error.
"""

from django.contrib import admin

from articles.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = [
        "path",
        "part",
        "status",
        "worker",
        "created",
        "updated",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status", "sent_bytes"]
    search_fields = ["path", "task_id", "worker"]
    fields = [
        "path",
        "task_id",
        "status",
        "sent_bytes",
        "part",
        "worker",
        "error",
        "report",
        "created_at",
        "started_at",
        "finished_at",
    ]
    readonly_fields = fields
    list_per_page = 100

    @admin.display(description="created")
    def created(self, job):
        return _total(job, "created")

    @admin.display(description="updated")
    def updated(self, job):
        return _total(job, "updated")

    # Jobs are made by `import_seeds --enqueue` and finished by the workers; the desk only reads.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


def _total(job: ImportJob, name: str) -> int:
    return ((job.report or {}).get("totals") or {}).get(name, 0)
