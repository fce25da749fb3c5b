"""The keys the duplicate rules find a person by, so judging a file's new persons reads only the
rows they may duplicate (``duplicates.lookup_keys``); existing persons get them here."""

from django.db import migrations, models

from articles.ingest.entities.duplicates import lookup_keys

BATCH = 2000


def fill_match_keys(apps, schema_editor):
    """Existing persons get the keys the model now computes on save."""
    Person = apps.get_model("articles", "Person")
    batch = []
    for person in Person.objects.only("pk", "name").iterator(chunk_size=BATCH):
        person.match_surname, person.match_given = lookup_keys(person.name)
        batch.append(person)
        if len(batch) >= BATCH:
            Person.objects.bulk_update(batch, ["match_surname", "match_given"])
            batch = []
    Person.objects.bulk_update(batch, ["match_surname", "match_given"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0023_story_dated"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="match_given",
            field=models.CharField(db_index=True, default="", editable=False, max_length=8),
        ),
        migrations.AddField(
            model_name="person",
            name="match_surname",
            field=models.CharField(db_index=True, default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill_match_keys, migrations.RunPython.noop),
    ]
