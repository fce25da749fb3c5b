"""Check (and with --fix, repair) the stored article counts of persons, countries, topics…"""

from django.core.management.base import BaseCommand, CommandError

from articles import facets
from articles.counts import find_drift

SHOWN = 20  # drifted rows listed per model; the total is always given


class Command(BaseCommand):
    help = (
        "Recompute the article count of every person, country, topic and source from the links "
        "and the article count of every pair of facets (country, topic, source, section) behind "
        "/api/stats/, and report the rows whose stored count differs (exit 1); --fix stores "
        "the right counts."
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
        total += self.check_pairs(fix)
        if not total:
            self.stdout.write("All article counts are exact.")
        elif fix:
            self.stdout.write(f"Fixed {total} count(s).")
        else:
            raise CommandError(f"{total} article count(s) drifted: run `manage.py recount --fix`.")

    def check_pairs(self, fix: bool) -> int:
        """Report (and with ``fix``, rebuild) the drifted facet pairs; how many drifted."""
        pairs = facets.drifted()
        self.stdout.write(f"facet pairs: {len(pairs)} drifted")
        for pair in pairs[:SHOWN]:
            self.stdout.write(
                f"  {pair['facet']} × {pair['other']}: {pair['stored']} → {pair['actual']}"
            )
        if fix and pairs:
            facets.rebuild()
        return len(pairs)
