"""Export articles as JSON Lines (the API's article representation) or CSV, ordered by id."""

from datetime import UTC, datetime, time

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from articles import export
from articles.api.filtersets import ArticleFilterSet
from articles.models import Article

# The API's filters, as options (``--dated-after 2024-01-01``); ``ordering`` orders nothing here.
FILTERS = [name for name in ArticleFilterSet.base_filters if name != "ordering"]


def parse_since(value: str) -> datetime:
    """An ISO date or date-time; a bare date means its midnight, UTC."""
    moment = parse_datetime(value)
    if moment is None and (day := parse_date(value)) is not None:
        moment = datetime.combine(day, time.min)
    if moment is None:
        raise CommandError(f"--since: {value!r} is not an ISO date or date-time (2026-11-23).")
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment, UTC)


def filtered(options: dict):
    """The articles the filter options select, as ``GET /api/articles/`` would (bad: error)."""
    data = QueryDict(mutable=True)
    for name in FILTERS:
        if options.get(name):
            data.setlist(name, options[name])
    articles = Article.objects.for_representation()
    if not data:
        return articles
    filterset = ArticleFilterSet(data, queryset=articles)
    if not filterset.is_valid():
        errors = "; ".join(
            f"--{name.replace('_', '-')}: {' '.join(messages)}"
            for name, messages in filterset.errors.items()
        )
        raise CommandError(f"{errors} (nothing was written).")
    return filterset.qs


class Command(BaseCommand):
    help = (
        "Write the articles to stdout as JSON Lines (default) or CSV, ordered by id; the "
        "options filter them as the API's filters do (repeat one for several values)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since", type=parse_since, help="only articles updated at or after this ISO date"
        )
        parser.add_argument("--format", choices=list(export.FORMATS), default="jsonl")
        for name in FILTERS:
            help_text = ArticleFilterSet.base_filters[name].extra.get("help_text", "")
            parser.add_argument(
                f"--{name.replace('_', '-')}",
                dest=name,
                action="append",
                help=str(help_text).replace("%", "%%"),
            )

    def handle(self, *args, since, format, **options):
        articles = filtered(options)
        if since:
            articles = articles.filter(updated_at__gte=since)
        for line in export.lines(articles, format):
            self.stdout.write(line, ending="")
