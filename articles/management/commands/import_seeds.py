"""Import raw news dumps into the database (idempotent, one transaction per file)."""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.ingest import jobs
from articles.ingest.extract import Extractor
from articles.ingest.parallel import default_workers, import_paths_parallel
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.pipeline import import_paths


class Command(BaseCommand):
    help = (
        "Import news dumps (files, or folders of *.txt) into the database. Re-running never "
        "duplicates articles nor undoes editors' changes. Exits 1 if any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", default=["seeds"], help="default: seeds/")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="parse and extract only; with -v 2, list each new article's title and entities",
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="print the report as JSON"
        )
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NEWSDB_MAX_DUMP_BYTES,
            help="refuse dumps larger than this (default: NEWSDB_MAX_DUMP_BYTES)",
        )
        parser.add_argument(
            "--workers",
            type=positive_int,
            help="processes running NER (default: NEWSDB_IMPORT_WORKERS, else one per core for "
            "dumps of 2 MB or more and 1 below); 1 runs everything in this process",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="send one Celery task per file to the workers (CELERY_BROKER_URL) and return",
        )
        parser.add_argument(
            "--send-bytes",
            action="store_true",
            help="with --enqueue: put each file's bytes in its task (workers without the files)",
        )

    def handle(self, *args, paths, dry_run, as_json, max_bytes, workers, **options):
        if options["enqueue"]:
            if dry_run:
                raise CommandError("--dry-run runs in-process: leave out --enqueue.")
            return self.enqueue(paths, options["send_bytes"], as_json)
        progress = ProgressDisplay(self, quiet=as_json)
        run = {"max_bytes": max_bytes, "dry_run": dry_run, "on_file": progress.start_file}
        catalog = load_catalog()
        workers = workers or default_workers(paths, settings.NEWSDB_IMPORT_WORKERS)
        if workers > 1:
            report = import_paths_parallel(paths, catalog=catalog, workers=workers, **run)
        else:
            report = import_paths(paths, extractor=Extractor(catalog), **run)
        progress.close()
        if as_json:
            self.stdout.write(dump_json(report.as_dict()))
        else:
            self.print_report(report, verbosity=options["verbosity"])
        if report.failed:
            raise CommandError(f"{len(report.failed)} of {len(report.files)} file(s) failed.")

    def enqueue(self, paths, send_bytes, as_json):
        try:
            queued = jobs.enqueue(paths, send_bytes=send_bytes)
        except jobs.EnqueueError as error:
            raise CommandError(str(error)) from error
        if as_json:
            rows = [
                {"job": job.pk, "task_id": job.task_id, "path": job.path, "part": job.part}
                for job in queued
            ]
            self.stdout.write(dump_json(rows))
            return
        for job in queued:
            part = f" ({job.part})" if job.part else ""
            self.stdout.write(f"queued {job.path}{part}: task {job.task_id} (job {job.pk})")
        files = len({job.path for job in queued})
        self.stdout.write(
            f"{len(queued)} task(s) for {files} file(s) queued; see `manage.py import_status`."
        )

    def print_report(self, report, verbosity=1):
        for file in report.files:
            if verbosity >= 2:
                self.print_previews(file)
            if file.error:
                self.stderr.write(self.style.ERROR(f"error: {file.error}"))
            for skipped in file.skipped:
                self.stdout.write(f"skipped: {file.path}:{skipped.line}: {skipped.reason}")
            for note in file.notes:
                self.stdout.write(f"note: {file.path}:{note.line}: {note.text}")
            for warning in file.warnings:
                self.stdout.write(f"warning: {file.path}:{warning.line}: {warning.message}")
        totals = report.totals()
        verb = "would create" if report.dry_run else "created"
        linked = "to add" if report.dry_run else "added"
        self.stdout.write(
            f"{totals['files']} file(s), {totals['failed_files']} failed; articles: "
            f"{totals['created']} {verb} ({totals['copies']} copies of earlier ones), "
            f"{totals['unchanged']} unchanged, "
            f"{totals['updated']} updated, {totals['skipped']} skipped; links {linked}: "
            f"{totals['persons_linked']} persons, {totals['countries_linked']} countries, "
            f"{totals['topics_linked']} topics"
        )

    def print_previews(self, file):
        """A dry run's new articles: title, then the persons, countries and topics found."""
        for preview in file.previews:
            self.stdout.write(f"would link: {file.path}:{preview.line}: {preview.title}")
            for label in ("persons", "countries", "topics"):
                names = getattr(preview, label)
                self.stdout.write(f"    {label}: {', '.join(names) if names else '-'}")


class ProgressDisplay:
    """A progress bar per file on a terminal; one quiet line per file otherwise."""

    def __init__(self, command: BaseCommand, quiet: bool):
        self.command = command
        self.quiet = quiet
        self.interactive = sys.stderr.isatty() and not quiet
        self.bar = None

    def start_file(self, report, item_count):
        self.close()
        if self.interactive:
            self.bar = tqdm(total=item_count, desc=report.path, unit="article", leave=True)
            return self.bar.update
        if not self.quiet:
            self.command.stderr.write(f"importing {report.path} ({item_count} items)")
        return None

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def dump_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
