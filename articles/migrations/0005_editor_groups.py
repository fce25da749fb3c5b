"""Create the "Editor" and "Viewer" groups of the editors' desk, with their permissions.

Editor: curates articles (and their person, country and topic links), persons and their aliases,
and topics; may lift a link rejection; reads everything else. No access to users or groups.
Viewer: reads everything in the articles app, changes nothing.
"""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "article": ["view", "change"],
    "articleperson": ["view", "add", "change", "delete"],
    "articlecountry": ["view", "add", "change", "delete"],
    "articletopic": ["view", "add", "change", "delete"],
    "person": ["view", "add", "change"],
    "personalias": ["view", "add", "change", "delete"],
    "topic": ["view", "add", "change"],
    "source": ["view"],
    "country": ["view"],
    "countryalias": ["view"],
    "linkrejection": ["view", "delete"],
}


def create_permissions(apps):
    """Permissions are normally made after migrating; the groups need them now."""
    from django.contrib.auth.management import create_permissions as create

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="articles")
    editor, _ = Group.objects.get_or_create(name="Editor")
    codenames = [f"{verb}_{model}" for model, verbs in EDITOR_PERMISSIONS.items() for verb in verbs]
    editor.permissions.set(ours.filter(codename__in=codenames))
    viewer, _ = Group.objects.get_or_create(name="Viewer")
    viewer.permissions.set(ours.filter(codename__startswith="view_"))


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Viewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_topics"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
