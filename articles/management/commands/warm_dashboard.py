"""Count the desk's dashboard afresh and keep it in the cache, so no editor waits for it."""

import time

from django.core.management.base import BaseCommand

from articles.admin.dashboard import PERIODS, recount


class Command(BaseCommand):
    help = (
        "Count the admin dashboard (no filter; each --period given) and store it in the cache "
        "for NEWSDB_DASHBOARD_CACHE_SECONDS. Run it more often than that (cron) and the "
        "unfiltered dashboard is always read from the cache."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period", action="append", choices=list(PERIODS), help="Default: month."
        )

    def handle(self, *args, period=None, **options):
        for each in period or ["month"]:
            start = time.perf_counter()
            board = recount({}, each)
            took = time.perf_counter() - start
            self.stdout.write(f"{each}: {board['article_count']} articles counted in {took:.1f} s")
