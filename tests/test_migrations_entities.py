import pytest

from articles.ingest.persist.catalog import load_catalog
from articles.models import CountryAlias, Topic


@pytest.mark.django_db
def test_country_aliases_migration_loads_names_demonyms_and_cities():
    active = CountryAlias.objects.filter(is_active=True)
    assert active.get(text="Ukrainian").country.code == "UA"
    assert active.get(text="Kharkiv").kind == "city"
    assert active.get(text="Gaza").country.code == "PS"
    assert CountryAlias.objects.get(text="Vladimir").is_active is False  # a first name


@pytest.mark.django_db
def test_topics_migration_loads_taxonomy_with_keywords():
    assert Topic.objects.filter(slug="labour-and-strikes").exclude(keywords="").exists()
    assert Topic.objects.filter(slug="general").exists()
    catalog = load_catalog()
    assert len(catalog.topics) >= 15 and len(catalog.country_aliases) > 2000
