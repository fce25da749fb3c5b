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


@pytest.mark.django_db
def test_state_aliases_name_their_country():
    active = CountryAlias.objects.filter(is_active=True)
    assert active.get(text="Ohio").country.code == "US"
    assert active.get(text="Ontario").country.code == "CA"
    assert active.get(text="Queensland").country.code == "AU"
    assert not active.filter(text="Victoria", country__code="AU").exists()  # left out on purpose
