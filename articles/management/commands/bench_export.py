"""Time the streamed export on the scale corpus: rows per second and peak memory."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from articles.benchmarks import export_bench, runner, scale_bench
from articles.management.commands.bench import replace_section


class Command(BaseCommand):
    help = (
        "Stream GET /api/articles/export/ (JSON Lines, CSV, one filter) over the N-article "
        "corpus of bench_scale (database newsdb_scale_N, built if missing) and print rows/s and "
        "memory as a markdown table; also the peak RSS of export_articles."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000, help="corpus size")
        parser.add_argument(
            "--output", help="also put the table in this markdown file (its own section)"
        )

    def handle(self, *args, articles, output=None, **options):
        name = scale_bench.database_name(articles)
        if connection.vendor == "postgresql" and connection.settings_dict["NAME"] == name:
            return self.bench(articles)
        url = runner.postgres_url(name)
        if url is None:
            raise CommandError("bench_export needs a PostgreSQL server (NEWSDB_BENCH_POSTGRES).")
        result = runner.manage(["bench_export", "--articles", str(articles)], url)
        command_rss = runner.peak_rss_mb(["export_articles", "--format", "jsonl"], url)
        table = f"{result.stdout.strip()}\n\n`manage.py export_articles` (JSON Lines, every "
        table += f"article, to /dev/null): peak RSS {command_rss:,.0f} MB."
        self.stderr.write(result.stderr, ending="")
        self.stdout.write(table)
        if output:
            Path(output).touch()
            heading = f"## Export: {articles:,} articles on PostgreSQL"
            replace_section(output, f"{heading}\n\n{table}")

    def bench(self, articles: int) -> None:
        call_command("migrate", verbosity=0)
        scale_bench.ensure_corpus(articles, say=self.stderr.write)
        self.stdout.write(export_bench.render(articles, export_bench.measure()))
