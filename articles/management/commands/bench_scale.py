"""Time every admin page and API request on a large corpus in a scratch PostgreSQL database."""

import os
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.benchmarks import runner, scale_bench
from articles.management.commands.bench import HAND_RUN, replace_section


class Command(BaseCommand):
    help = (
        "Build (once, left in place) a PostgreSQL database newsdb_scale_N holding N generated "
        "articles, then time every admin page and API request of the 1M table (median of "
        "--repeat requests, DEBUG off) and print a markdown table with the targets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000, help="corpus size")
        parser.add_argument("--repeat", type=int, default=5, help="requests per page")
        parser.add_argument(
            "--output", help="also put the table in this markdown file (its own section)"
        )

    def handle(self, *args, articles, repeat, output=None, **options):
        name = scale_bench.database_name(articles)
        if connection.vendor == "postgresql" and connection.settings_dict["NAME"] == name:
            return self.bench(articles, repeat)
        url = runner.postgres_url(name)
        if url is None:
            raise CommandError("bench_scale needs a PostgreSQL server (NEWSDB_BENCH_POSTGRES).")
        args = ["bench_scale", "--articles", str(articles), "--repeat", str(repeat)]
        result = runner.manage(args, url)  # the same command, on the scratch database
        self.stderr.write(result.stderr, ending="")
        self.stdout.write(result.stdout, ending="")
        if output:
            # A hand-run section: `make bench` keeps it (a million articles take an hour to build).
            heading = f"{HAND_RUN}scale, {articles:,} articles on PostgreSQL"
            Path(output).touch()  # a new file gets the section alone
            replace_section(output, f"{heading}\n\n{result.stdout.strip()}")

    def bench(self, articles: int, repeat: int) -> None:
        call_command("migrate", verbosity=0)
        scale_bench.ensure_corpus(articles, say=self.stderr.write)
        rows = scale_bench.measure(repeat)
        self.stdout.write(scale_bench.render(articles, rows))
        if os.environ.get("NEWSDB_BENCH_STRICT") and any(
            row["median_ms"] > row["target_ms"] for row in rows
        ):
            raise CommandError("bench_scale: a target was missed.")
