"""Name variants: one key for the spellings of one name, and likely duplicates for editors."""

import pytest

from articles.ingest.entities.variants import (
    DuplicateIndex,
    duplicate_reason,
    likely_duplicates,
    surname_key,
    variant_key,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),  # transliterated ending
        ("Volodymyr Zelenskiy", "Vladimir Zelensky"),  # and a translated given name
        ("Steve Witkoff", "Steven Witkoff"),  # short given name
        ("Bill Gates", "William Gates"),
        ("José Martí", "Jose Marti"),  # accents
        ("Valery V. Gerasimov", "Valeriy Gerasimov"),  # middle initial, -iy ending
        ("Yurii Dzhibladze", "Yury Dzhibladze"),
    ],
)
def test_variant_key_is_shared_by_spellings_of_one_name(one, other):
    assert variant_key(one) == variant_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Donald Trump", "Donald Tusk"),
        ("Steven Witkoff", "Steven Wilson"),
        ("Hillary Clinton", "Bill Clinton"),  # one family, two persons
        ("Trump", "Donald Trump"),  # a surname alone is not the full name's key
    ],
)
def test_variant_key_keeps_different_names_apart(one, other):
    assert variant_key(one) != variant_key(other)


def test_surname_key_folds_the_last_word():
    assert surname_key("Volodymyr Zelenskyy") == surname_key("Zelenskiy") == "zelensky"


def test_duplicate_reason_names_each_kind_of_likeness():
    assert duplicate_reason("Steve Witkoff", "Steven Witkoff") == "same name in another spelling"
    assert duplicate_reason("Zelensky", "Volodymyr Zelenskyy") == (
        "one-word name is the other's surname"
    )
    assert duplicate_reason("Keir Starmer", "Kier Starmer") == "similar spelling"
    assert duplicate_reason("Donald Trump", "Donald Tusk") is None


def test_likely_duplicates_lists_strongest_reason_first_and_skips_the_name_itself():
    others = ["Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskey", "Donald Trump"]
    found = likely_duplicates("Volodymyr Zelensky", others)
    assert [(d.other, d.reason) for d in found] == [
        ("Volodymyr Zelenskyy", "same name in another spelling"),
        ("Zelensky", "one-word name is the other's surname"),
        ("Volodymyr Zelenskey", "similar spelling"),
    ]


def test_duplicate_index_answers_many_names_without_comparing_unrelated_ones():
    index = DuplicateIndex(["Steve Witkoff", "Steven Witkoff", "Marco Rubio", "Rubio"])
    assert [d.other for d in index.likely_duplicates("Steve Witkoff")] == ["Steven Witkoff"]
    assert [d.other for d in index.likely_duplicates("Rubio")] == ["Marco Rubio"]
    assert index.likely_duplicates("Keir Starmer") == []
