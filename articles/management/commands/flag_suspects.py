"""Judge every person again for the suspects queue (after sources or country aliases changed)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from articles.choices import Suspicion
from articles.ingest.persist.suspects import refresh_lookup_keys, refresh_suspicion
from articles.models import Person


class Command(BaseCommand):
    help = (
        "Recompute why each person looks wrong (single word, place, outlet, organisation, "
        "likely duplicate) and print how many are suspect for each reason."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            rekeyed = refresh_lookup_keys()
            changed = refresh_suspicion()
        if rekeyed:
            self.stdout.write(f"{rekeyed} person(s) given their lookup keys.")
        self.stdout.write(f"{changed} person(s) changed.")
        for code, label in Suspicion.choices:
            self.stdout.write(f"{label}: {Person.objects.suspected(code).count()}")
        self.stdout.write(f"suspects in all: {Person.objects.suspects().count()}")
