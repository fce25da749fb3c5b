"""Judging some persons reads only their neighbourhood, with the whole registry's verdicts."""

import io
import random

import pytest
from django.core.management import call_command

from articles.ingest.entities.duplicates import Name, VariantIndex
from articles.ingest.persist.suspects import refresh_suspicion, rejudge_persons
from articles.models import Person
from articles.normalise import name_key

pytestmark = pytest.mark.django_db

GIVEN = ["Steve", "Steven", "Stephan", "Vlad", "Vladimir", "Jon", "John", "Anna", "Annabel", "José"]
SURNAMES = ["Zelensky", "Zelenskyy", "Zelenskiy", "Kowalski", "Kowalsky", "Smith", "Smyth"]
SURNAMES += ["Pérez", "Perez", "Smith-Jones", "O'Brien", "Trump", "Leyen", "Abe", "Li"]


def _name(rng: random.Random) -> str:
    """Names that pair up by every duplicate rule, and some that pair with nothing."""
    given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
    if rng.random() < 0.2:  # a near spelling: one letter changed
        spot = rng.randrange(len(surname))
        surname = surname[:spot] + rng.choice("aeiklrsy") + surname[spot + 1 :]
    return rng.choice(
        [
            f"{given} {surname}",
            f"{given} {surname}",
            f"{given} von der {surname}",
            surname,
            given,
            f"{surname}s",
            f"{surname}'s",
            f"{given} {rng.choice(GIVEN)} {surname}",
            rng.choice(["—", "42", "J."]),
        ]
    )


def _registry(seed: int, size: int) -> list[Person]:
    rng, rows = random.Random(seed), {}
    while len(rows) < size:
        name = _name(rng)
        rows.setdefault(name_key(name), name)
    persons = []
    for number, name in enumerate(rows.values()):
        person = Person(name=name, slug=f"p{number}", article_count=rng.choice([0, 0, 1, 2, 7]))
        person.set_name_keys()
        persons.append(person)
    return Person.objects.bulk_create(persons)


def _flags() -> dict[int, tuple]:
    return {
        row[0]: row[1:]
        for row in Person.objects.values_list("pk", "suspicion", "suspected_duplicate")
    }


@pytest.mark.parametrize("seed", range(6))
def test_rejudge_persons_of_a_file_gives_the_whole_registry_s_verdicts(seed):
    persons = _registry(seed, 150)
    refresh_suspicion()  # the whole registry judged
    whole = _flags()
    assert sum(bool(flags[0]) for flags in whole.values()) > 20  # the rules had work to do
    index = VariantIndex(Name(p.pk, p.name, p.article_count) for p in persons)
    rng = random.Random(seed)
    for _ in range(4):
        new = {person.pk for person in rng.sample(persons, rng.randint(1, 12))}
        expected = new | {other for pk in new for other in index.matches(index.names[pk])}
        Person.objects.update(suspicion="unjudged", suspected_duplicate=None)
        rejudge_persons(new)
        flags = _flags()
        assert {pk for pk, (codes, _) in flags.items() if codes != "unjudged"} <= expected
        assert {pk: flags[pk] for pk in expected} == {pk: whole[pk] for pk in expected}


def test_flag_suspects_gives_persons_loaded_without_save_their_lookup_keys():
    Person.objects.bulk_create([Person(name="Steven Witkoff", slug="sw", key="steven witkoff")])
    Person.objects.create(name="Steve")
    out = io.StringIO()
    call_command("flag_suspects", stdout=out)
    assert "1 person(s) given their lookup keys." in out.getvalue()
    full = Person.objects.get(name="Steven Witkoff")
    assert (full.match_surname, full.match_given) == ("witkof", "2:stev")
    rejudge_persons([Person.objects.get(name="Steve").pk])  # the new one finds the loaded one
    assert Person.objects.get(name="Steve").suspected_duplicate == full
