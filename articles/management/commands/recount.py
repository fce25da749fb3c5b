"""Check (and with --fix, repair) the stored article counts of persons, countries, topics…"""

from django.core.management.base import BaseCommand, CommandError

from articles.counts import find_drift

SHOWN = 20  # drifted rows listed per model; the total is always given


class Command(BaseCommand):
    help = (
        "Recompute the article count of every person, country, topic and source from the links "
        "and report the rows whose stored count differs (exit 1); --fix stores the right counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Store the recomputed counts.")

    def handle(self, *args, fix, **options):
        drift = find_drift(fix=fix)
        total = sum(len(rows) for rows in drift.values())
        for model, rows in drift.items():
            name = model._meta.verbose_name_plural
            self.stdout.write(f"{name}: {model.objects.count()} checked, {len(rows)} drifted")
            for row in rows[:SHOWN]:
                self.stdout.write(f"  {row} (#{row.pk}): {row.article_count} → {row.actual_count}")
        if not total:
            self.stdout.write("All article counts are exact.")
        elif fix:
            self.stdout.write(f"Fixed {total} count(s).")
        else:
            raise CommandError(f"{total} article count(s) drifted: run `manage.py recount --fix`.")
