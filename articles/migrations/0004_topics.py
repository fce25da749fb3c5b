"""Fill Topic with the default taxonomy and its keywords (see articles/ingest/entities/taxonomy.py).

"General news" has no keywords: it is the fallback topic of an article nothing else fits.
Editors add topics and keywords in the admin.
"""

from django.db import migrations


def load_topics(apps, schema_editor):
    from articles.ingest.entities.taxonomy import default_topics

    Topic = apps.get_model("articles", "Topic")
    for rule in default_topics():
        Topic.objects.get_or_create(
            slug=rule.slug, defaults={"name": rule.name, "keywords": "\n".join(rule.keywords)}
        )


def unload_topics(apps, schema_editor):
    from articles.ingest.entities.taxonomy import default_topics

    slugs = [rule.slug for rule in default_topics()]
    apps.get_model("articles", "Topic").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_country_aliases")]

    operations = [migrations.RunPython(load_topics, unload_topics)]
