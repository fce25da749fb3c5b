"""Load every ISO 3166-1 country from pycountry (pinned), with a readable display name."""

from django.db import migrations

# Display names where pycountry's ISO name reads like an index entry.
DISPLAY_NAMES = {
    "RU": "Russia",
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "US": "United States",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "SH": "Saint Helena",
    "BQ": "Caribbean Netherlands",
    "TW": "Taiwan",
}


def load_countries(apps, schema_editor):
    import pycountry

    Country = apps.get_model("articles", "Country")
    rows = []
    for entry in pycountry.countries:
        name = DISPLAY_NAMES.get(entry.alpha_2) or getattr(entry, "common_name", None) or entry.name
        rows.append(Country(code=entry.alpha_2, alpha3=entry.alpha_3, name=name))
    Country.objects.bulk_create(rows, ignore_conflicts=True)


def unload_countries(apps, schema_editor):
    apps.get_model("articles", "Country").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(load_countries, unload_countries)]
