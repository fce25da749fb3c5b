"""Load a running API server on this machine: N clients for T seconds; print what it answered."""

import json

from django.core.management.base import BaseCommand, CommandError

from articles.benchmarks import load


class Command(BaseCommand):
    help = (
        "Send a mix of article lists, searches and stats from N clients for T seconds to a "
        "server on this machine (loopback only); report throughput, p50/p99 and errors."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="the server's base URL")
        parser.add_argument("--clients", type=int, default=20, help=f"≤ {load.MAX_CLIENTS}")
        parser.add_argument("--seconds", type=float, default=30, help=f"≤ {load.MAX_SECONDS}")
        parser.add_argument("--seed", type=int, default=0, help="seed of the request mix")
        parser.add_argument("--json", dest="as_json", action="store_true")

    def handle(self, *args, url, clients, seconds, seed, as_json, **options):
        try:
            report = load.run(url, clients, seconds, seed)
        except (ValueError, RuntimeError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(report, indent=2) if as_json else load.render(report))
