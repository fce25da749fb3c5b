"""The rows articles link to: sources by key, persons by key, alias or surname, unique slugs."""

import pytest

from articles.ingest.persist.catalog import resolve_person
from articles.ingest.records import PersonMention
from articles.models import Person, Source


@pytest.mark.django_db
def test_sources_spelled_differently_are_one_source(save, extracted):
    save(extracted(title="One", source="PopularResistance.Org"))
    save(extracted(title="Two", source="popularresistance.org"))
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_resolve_person_links_a_surname_only_to_a_single_known_person(make_person):
    putin = make_person("Vladimir Putin")
    assert resolve_person("Putin") == putin
    make_person("Abdullah Abdullah")
    make_person("Farooq Abdullah")
    assert resolve_person("Abdullah") is None


@pytest.mark.django_db
def test_resolve_person_follows_aliases_of_merged_persons(make_person):
    person = make_person("Volodymyr Zelensky")
    person.aliases.create(name="Volodymyr Zelenskyy")
    assert resolve_person("Volodymyr Zelenskyy") == person


@pytest.mark.django_db
def test_new_persons_get_unique_slugs_when_slugs_collide(save, extracted):
    Person.objects.create(name="Somebody renamed by an editor", slug="ri")
    save(extracted(persons=[PersonMention("Ri")]))
    assert Person.objects.get(name="Ri").slug == "ri-2"
