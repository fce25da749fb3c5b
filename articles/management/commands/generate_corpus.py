"""Write a synthetic corpus of news dumps in the five layouts (for benchmarks and scale tests)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from articles.benchmarks.synthetic import write_corpus


class Command(BaseCommand):
    help = "Write N synthetic articles as dump files (all five layouts) into a folder."

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--articles", type=int, default=5000)
        parser.add_argument("--per-file", type=int, default=100)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, directory, articles, per_file, seed, **options):
        paths = write_corpus(directory, articles, per_file, seed)
        self.stdout.write(f"wrote {articles} articles in {len(paths)} files to {directory}")
