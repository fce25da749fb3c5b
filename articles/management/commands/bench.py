"""Run the benchmarks on scratch databases and write docs/benchmarks.md."""

import json
import platform
import re
import tempfile
from datetime import UTC, datetime

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.benchmarks import runner, search_bench
from articles.benchmarks.load_bench import load_figures, render_load_section
from articles.benchmarks.parse_bench import parse_figures
from articles.benchmarks.report import (
    render_extraction_section,
    render_import_section,
    render_memory_section,
    render_parse_section,
)


class Command(BaseCommand):
    help = (
        "Benchmark imports (SQLite and PostgreSQL), the admin, the API (also under load with "
        "gunicorn), memory, and write docs/benchmarks.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=5000, help="synthetic corpus size")
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs" / "benchmarks.md"))
        parser.add_argument(
            "--only",
            choices=["search"],
            help="run only this section and replace it in (or add it to) the output",
        )

    def handle(self, *args, articles, output, only, **options):
        if only == "search":
            with tempfile.TemporaryDirectory() as scratch:
                section = self.search_section(self.databases(scratch), articles)
            replace_section(output, section)
            self.stdout.write(f"updated {output}")
            return
        sections = [self.header()]
        with tempfile.TemporaryDirectory() as scratch:
            databases = self.databases(scratch)
            for label, url in databases.items():
                self.stderr.write(f"bench: import on {label}…")
                figures = runner.import_figures(url, articles)
                sections.append(render_import_section(label, figures))
            sections.append(render_extraction_section(figures["extraction"]))
            for label, url in databases.items():
                self.stderr.write(f"bench: admin on {label}…")
                sections.append(section_of(runner.manage(["bench_admin"], url).stdout, label))
            sections.append(self.search_section(databases, articles))
        if api_url := runner.postgres_url("newsdb_bench_api"):
            self.stderr.write("bench: API on PostgreSQL (the corpus is generated once)…")
            sections.append(runner.manage(["bench_api"], api_url).stdout.strip())
        self.stderr.write("bench: parsing pathological dumps…")
        sections.append(render_parse_section(parse_figures()))
        if load_url := runner.postgres_url("newsdb_bench_load"):
            self.stderr.write("bench: API under load (gunicorn, 20 clients for 30 s)…")
            sections.append(render_load_section(load_figures(load_url)))
        self.stderr.write("bench: memory…")
        sizes = [max(articles // 5, 1), articles]
        sections.append(render_memory_section(runner.memory_figures(sizes)))
        sections += hand_run_sections(output)
        with open(output, "w", encoding="utf-8") as handle:
            handle.write("\n\n".join(sections) + "\n")
        self.stdout.write(f"wrote {output}")

    def databases(self, scratch: str) -> dict[str, str]:
        """Scratch databases: a SQLite file in ``scratch``, PostgreSQL when reachable."""
        databases = {"SQLite": f"sqlite:///{scratch}/bench.sqlite3"}
        if pg := runner.postgres_url():
            databases["PostgreSQL"] = pg
        return databases

    def search_section(self, databases: dict[str, str], articles: int) -> str:
        figures = {}
        for label, url in databases.items():
            self.stderr.write(f"bench: search on {label}…")
            stdout = runner.manage(["bench_search", "--articles", str(articles)], url).stdout
            figures[label] = json.loads(stdout)
        return search_bench.render(figures)

    def header(self) -> str:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        return (
            "# Benchmarks\n\n"
            f"Written by `make bench` on {when}; Python {platform.python_version()}, "
            f"{platform.machine()}, 2 cores. Each figure comes from one run on a scratch "
            "database; rerun `make bench` to refresh."
        )


def replace_section(path: str, section: str) -> None:
    """Put ``section`` in the markdown file in place of the one with its heading, or append it."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    heading = re.escape(section.split("(", 1)[0])
    pattern = re.compile(rf"^{heading}.*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n\n", text, count=1).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def section_of(markdown: str, label: str) -> str:
    """A helper benchmark's markdown, its first heading naming the database."""
    head, _, rest = markdown.strip().partition("\n")
    return f"{head} ({label})\n{rest}"


HAND_RUN = "## Hand-run: "


def hand_run_sections(path: str) -> list[str]:
    """The "## Hand-run: …" sections of the existing report: `make bench` keeps them as they are."""
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return []
    chunks = text.split("\n## ")
    sections = ["## " + chunk for chunk in chunks[1:]]
    return [section.strip() for section in sections if section.startswith(HAND_RUN)]
