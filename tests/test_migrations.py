import pytest

from articles.models import Country


@pytest.mark.django_db
def test_countries_migration_loads_every_iso_country():
    assert Country.objects.count() == 249
    assert Country.objects.get(code="RU").name == "Russia"
    assert Country.objects.get(code="PS").alpha3 == "PSE"


@pytest.mark.django_db
def test_suspects_migration_grants_the_groups_and_fills_reasons(make_article):
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group

    migration = importlib.import_module("articles.migrations.0020_suspects_review_wikidata")
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    viewer = set(Group.objects.get(name="Viewer").permissions.values_list("codename", flat=True))
    assert {"delete_person", "change_suspectperson", "delete_personblock"} <= editor
    assert {"view_suspectperson", "view_personblock"} <= viewer
    assert not {"delete_personblock", "change_suspectperson"} & viewer
    queued = make_article("Derived", title_derived=True, needs_review=True)
    flagged = make_article("Flagged by hand", needs_review=True)
    migration.derived_title_reasons(apps, None)
    queued.refresh_from_db(), flagged.refresh_from_db()
    assert (queued.review_reasons, flagged.review_reasons) == ("derived_title", "")
