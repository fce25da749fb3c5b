"""Show the files sent to the Celery workers by `import_seeds --enqueue` and what became of them."""

import json

from django.core.management.base import BaseCommand
from django.db.models import Count

from articles.models import ImportJob

COLUMNS = ("job", "status", "created", "unchanged", "updated", "finished", "path")


class Command(BaseCommand):
    help = "List import jobs (queued / running / done / failed) with their errors."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=ImportJob.Status.values, help="only these")
        parser.add_argument("--limit", type=int, default=50, help="newest N jobs (default 50)")
        parser.add_argument("--json", dest="as_json", action="store_true")

    def handle(self, *args, status, limit, as_json, **options):
        jobs = ImportJob.objects.all()
        if status:
            jobs = jobs.filter(status=status)
        rows = [job_row(job) for job in jobs[:limit]]
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        self.stdout.write(table(rows))
        for row in rows:
            if row["error"]:
                self.stdout.write(f"job {row['job']}: {row['path']}: {row['error'].strip()}")
        self.stdout.write(summary(jobs))


def job_row(job: ImportJob) -> dict:
    totals = (job.report or {}).get("totals", {})
    return {
        "job": job.pk,
        "task_id": job.task_id,
        "path": f"{job.path} ({job.part})" if job.part else job.path,
        "file": job.path,
        "first_item": job.first_item,
        "item_count": job.item_count,
        "status": job.status,
        "created": totals.get("created", 0),
        "unchanged": totals.get("unchanged", 0),
        "updated": totals.get("updated", 0),
        "worker": job.worker,
        "error": job.error,
        "queued_at": job.created_at.isoformat(timespec="seconds"),
        "finished": job.finished_at.isoformat(timespec="seconds") if job.finished_at else "",
    }


def table(rows: list[dict]) -> str:
    cells = [COLUMNS] + [tuple(str(row[column]) for column in COLUMNS) for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    )


def summary(jobs) -> str:
    counts = dict.fromkeys(ImportJob.Status.values, 0)
    grouped = jobs.order_by().values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in grouped})
    return ", ".join(f"{n} {name}" for name, n in counts.items())
