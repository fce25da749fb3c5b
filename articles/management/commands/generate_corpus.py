"""Write a synthetic corpus of news dumps in the five layouts (for benchmarks and scale tests)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from articles.benchmarks.synthetic import write_corpus


def at_least(lowest: int):
    """An argparse type: a whole number no smaller than ``lowest``."""

    def whole_number(text: str) -> int:
        value = int(text)
        if value < lowest:
            raise ValueError(text)
        return value

    whole_number.__name__ = f"whole number >= {lowest}"  # argparse names the type in its error
    return whole_number


class Command(BaseCommand):
    help = "Write N synthetic articles as dump files (all five layouts) into a folder."

    def add_arguments(self, parser: CommandParser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--articles", type=at_least(0), default=5000)
        parser.add_argument("--per-file", type=at_least(1), default=100)
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, directory, articles, per_file, seed, **options):
        paths = write_corpus(directory, articles, per_file, seed)
        self.stdout.write(f"wrote {articles} articles in {len(paths)} files to {directory}")
