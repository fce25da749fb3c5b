import pytest

from articles.models import Country


@pytest.mark.django_db
def test_countries_migration_loads_every_iso_country():
    assert Country.objects.count() == 249
    assert Country.objects.get(code="RU").name == "Russia"
    assert Country.objects.get(code="PS").alpha3 == "PSE"
