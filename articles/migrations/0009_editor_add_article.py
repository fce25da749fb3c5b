"""Editors may create articles through the API (``POST /api/articles/``), as the README says.

The admin offers no add form for articles (an article's fingerprint and provenance come from a
dump or from the API), so this permission only opens the API's create.
"""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    add_article = Permission.objects.filter(
        content_type__app_label="articles", codename="add_article"
    )
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.add(*add_article)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    add_article = Permission.objects.filter(
        content_type__app_label="articles", codename="add_article"
    )
    for editor in Group.objects.filter(name="Editor"):
        editor.permissions.remove(*add_article)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_personalias_merged")]

    operations = [migrations.RunPython(grant, revoke)]
