"""Likely duplicates among person names (``entities.duplicates``)."""

import pytest

from articles.ingest.entities.duplicates import Name, VariantIndex, duplicate_of, variant_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelenskiy", "Zelénskyy"),
        ("Volodymyr Zelensky", "Volodimir Zelenskii"),
    ],
)
def test_variant_key_folds_transliterations(one, other):
    assert variant_key(one) == variant_key(other)


def test_variant_key_keeps_different_names_apart():
    assert variant_key("Steve Bannon") != variant_key("Steven Witkoff")
    assert variant_key("Anna") != variant_key("Anne")


def suggest(name: str, registry: list[Name]) -> str | None:
    index = VariantIndex(registry)
    person = next(person for person in registry if person.name == name)
    found = duplicate_of(person, index)
    return index.names[found].name if found else None


def test_duplicate_of_a_surname_or_spelling_points_at_the_full_name():
    registry = [
        Name(1, "Volodymyr Zelenskyy", 9),
        Name(2, "Zelensky", 2),
        Name(3, "Volodymyr Zelensky", 1),
        Name(4, "Donald Trump", 5),
        Name(5, "Trump", 7),
    ]
    assert suggest("Zelensky", registry) == "Volodymyr Zelenskyy"
    assert suggest("Volodymyr Zelensky", registry) == "Volodymyr Zelenskyy"
    assert suggest("Trump", registry) == "Donald Trump"  # a full name beats more articles
    assert suggest("Volodymyr Zelenskyy", registry) is None  # the one to keep
    assert suggest("Donald Trump", registry) is None


def test_duplicate_of_short_given_names_plurals_and_near_misses():
    registry = [
        Name(1, "Steven Witkoff", 4),
        Name(2, "Steve", 1),
        Name(3, "Ursula von der Leyen", 3),
        Name(4, "Von der Leyens", 1),
        Name(5, "Keir Starmer", 6),
        Name(6, "Kier Starmer", 1),
    ]
    assert suggest("Steve", registry) == "Steven Witkoff"
    assert suggest("Von der Leyens", registry) == "Ursula von der Leyen"
    assert suggest("Kier Starmer", registry) == "Keir Starmer"


def test_duplicate_of_an_ambiguous_one_word_name_is_none():
    registry = [Name(1, "Steven Witkoff", 4), Name(2, "Steve Bannon", 3), Name(3, "Steve", 1)]
    assert suggest("Steve", registry) is None
    assert suggest("Steve Bannon", registry) is None


def test_duplicate_of_the_weaker_of_two_full_names_only():
    registry = [Name(1, "Steve Witkoff", 1), Name(2, "Steven Witkoff", 5)]
    assert suggest("Steve Witkoff", registry) == "Steven Witkoff"
    assert suggest("Steven Witkoff", registry) is None
