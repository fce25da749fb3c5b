"""Add states, provinces and territories as country aliases (``data/states.tsv``): "an Ohio
jury" and "Ontario's chief medical officer" name the US and Canada. A text some country already
has as an alias keeps it; editors' own aliases are never touched."""

from django.db import migrations


def add_states(apps, schema_editor):
    from articles.ingest.entities.gazetteer import state_rows

    Country = apps.get_model("articles", "Country")
    CountryAlias = apps.get_model("articles", "CountryAlias")
    ids = dict(Country.objects.values_list("code", "id"))
    taken = set(CountryAlias.objects.values_list("text", flat=True))
    CountryAlias.objects.bulk_create(
        [
            CountryAlias(country_id=ids[row.code], text=row.text, kind=row.kind)
            for row in state_rows()
            if row.code in ids and row.text not in taken
        ],
        ignore_conflicts=True,
    )


def remove_states(apps, schema_editor):
    from articles.ingest.entities.gazetteer import state_rows

    CountryAlias = apps.get_model("articles", "CountryAlias")
    for row in state_rows():
        CountryAlias.objects.filter(country__code=row.code, text=row.text, kind=row.kind).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0027_article_id_created")]

    operations = [migrations.RunPython(add_states, remove_states)]
