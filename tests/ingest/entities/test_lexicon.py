"""``lexicon``: English common words from the model's lemma index."""

import pytest

from articles.ingest.entities.lexicon import (
    is_abstract_noun,
    is_verb_or_adjective,
    plural_noun_singulars,
)


@pytest.mark.parametrize(
    ("word", "singulars"),
    [
        ("Mudslides", ["mudslide"]),
        ("Rescuers", ["rescuer"]),
        ("Adams", ["adam"]),  # a name too: the rules also ask whether it is a first name
        ("Gunmen", ["gunman"]),
        ("Thieves", ["thief"]),
        ("Okonjo", []),
        ("Flood", []),  # a singular
    ],
)
def test_plural_noun_singulars_finds_the_dictionary_singular(word, singulars):
    assert plural_noun_singulars(word) == singulars


@pytest.mark.parametrize(("word", "expected"), [("Torrential", True), ("Deadly", True)])
def test_is_verb_or_adjective_knows_common_words(word, expected):
    assert is_verb_or_adjective(word) is expected


def test_is_verb_or_adjective_ignores_names_and_nouns_only():
    assert not is_verb_or_adjective("Okonjo")
    assert not is_verb_or_adjective("Gandhi")  # a noun of the index, never a verb


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Inflation", True), ("Unemployment", True), ("Lincoln", False), ("Okonjo", False)],
)
def test_is_abstract_noun_by_ending_and_index(word, expected):
    assert is_abstract_noun(word) is expected
