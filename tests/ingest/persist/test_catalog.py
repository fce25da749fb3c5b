"""The rows articles link to: sources by key, persons by key, alias or surname, unique slugs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.choices import Origin
from articles.ingest.persist.catalog import Linker, load_catalog, resolve_person
from articles.ingest.records import PersonMention
from articles.models import ArticlePerson, Person, Source


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


@pytest.mark.django_db
def test_resolve_person_folds_spelling_variants_into_the_one_person_with_that_key(make_person):
    zelenskyy = make_person("Volodymyr Zelenskyy")
    witkoff = make_person("Steven Witkoff")
    assert resolve_person("Volodymyr Zelensky") == zelenskyy
    assert resolve_person("Vladimir Zelenskiy") == zelenskyy
    assert resolve_person("Zelensky") == zelenskyy  # a surname in another spelling
    assert resolve_person("Steve Witkoff") == witkoff


@pytest.mark.django_db
def test_resolve_person_never_picks_between_two_persons_of_one_variant_key(make_person):
    make_person("Alex Smith")
    make_person("Alexander Smith")  # an editor kept them apart: no silent merge
    assert resolve_person("Aleksandr Smith") is None


@pytest.mark.django_db
def test_persistence_links_a_mention_to_the_registry_person_it_is_known_as(save, extracted):
    trump = Person.objects.create(name="Donald Trump")
    Person.objects.create(name="Melania Trump")  # "Trump" alone is ambiguous to persistence
    article, _ = save(extracted(persons=[PersonMention("Trump", known_as="Donald Trump")]))
    assert list(article.persons.all()) == [trump]


@pytest.mark.django_db
def test_load_catalog_snapshots_the_person_registry_and_outlets(make_person, make_article):
    confirmed, named_twice, named_once, aliased = (
        make_person(name)
        for name in ("Keith Kellogg", "Keir Starmer", "Marc Ravalomanana", "Volodymyr Zelenskyy")
    )
    first, second = make_article(), make_article()
    ArticlePerson.objects.create(article=first, person=confirmed, origin=Origin.EDITOR)
    ArticlePerson.objects.create(article=first, person=named_once)
    for article in (first, second):
        ArticlePerson.objects.create(article=article, person=named_twice)
    aliased.aliases.create(name="Zelensky")
    Source.objects.create(name="Kyiv Chronicle")
    catalog = load_catalog()
    assert {(p.name, p.aliases) for p in catalog.persons} == {
        ("Keith Kellogg", ()),
        ("Keir Starmer", ()),
        ("Volodymyr Zelenskyy", ("Zelensky",)),
    }
    assert catalog.outlets == ("Kyiv Chronicle",)


@pytest.mark.django_db
def test_a_chunks_prefetch_resolves_names_as_one_by_one_resolution_does(make_person):
    putin = make_person("Vladimir Putin")
    zelensky = make_person("Volodymyr Zelensky")
    zelensky.aliases.create(name="Volodymyr Zelenskyy")
    make_person("Steven Witkoff")
    make_person("Oleksandr Syrskyi")
    make_person("Oleksandr Syrskyy")  # two of one variant key: neither is picked
    names = [
        "Vladimir Putin", "Volodymyr Zelenskyy", "Steve Witkoff", "Oleksandr Syrsky", "Putin",
        "Keir Starmer",
    ]  # fmt: skip
    expected = {name: resolve_person(name) for name in names}
    linker = Linker()
    with CaptureQueriesContext(connection) as prefetching:
        linker.prefetch_persons(names)
    assert len(prefetching.captured_queries) <= 4  # blocks, keys, aliases, variants
    with CaptureQueriesContext(connection) as resolving:
        found = {name: linker.person(name) for name in ["Vladimir Putin", "Volodymyr Zelenskyy"]}
    assert not resolving.captured_queries
    assert found["Vladimir Putin"] == putin and found["Volodymyr Zelenskyy"] == zelensky
    for name in names:
        assert linker.person(name) == (expected[name] or Person.objects.get(name=name))
