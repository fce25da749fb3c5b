"""Outlet names and the outlet-or-person rule for credited authors."""

import pytest

from articles.ingest.entities.sources import author_names, is_outlet, source_key


def test_source_key_same_for_every_spelling():
    spellings = ["PopularResistance.Org", "popularresistance.org", "Popular Resistance Org."]
    assert len({source_key(name) for name in spellings}) == 1


@pytest.mark.parametrize(
    "name",
    [
        "Radio Free Asia", "RFA", "The Visual Journalism Team", "PopularResistance.Org", "AP",
        "Our Correspondent", "Staff Reporters",
    ],
)  # fmt: skip
def test_is_outlet_true_for_outlets_and_teams(name):
    assert is_outlet(name)


@pytest.mark.parametrize("name", ["Taejun Kang", "HG", "Jeremy Galloway", "George Monbiot"])
def test_is_outlet_false_for_persons(name):
    assert not is_outlet(name)


def test_author_names_clean_and_deduplicate():
    credited = ("By Taejun Kang for RFA", "Taejun Kang", "authored by Radio Free Asia")
    assert author_names(credited) == ["Taejun Kang"]
