"""Add the plurals of the reviewed demonyms of several words ("Papua New Guineans", "South
Africans"): the default table had only one-word plurals, so the last word of such a plural
matched another country ("Guineans")."""

from django.db import migrations


def add_plurals(apps, schema_editor):
    from articles.ingest.entities.gazetteer import reviewed_rows

    Country = apps.get_model("articles", "Country")
    CountryAlias = apps.get_model("articles", "CountryAlias")
    ids = dict(Country.objects.values_list("code", "id"))
    rows = [
        row
        for row in reviewed_rows()
        if row.kind == "demonym" and " " in row.text and row.text.endswith("s") and row.code in ids
    ]
    CountryAlias.objects.bulk_create(
        [CountryAlias(country_id=ids[row.code], text=row.text, kind=row.kind) for row in rows],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("articles", "0025_facet_pairs")]

    operations = [migrations.RunPython(add_plurals, migrations.RunPython.noop)]
