"""Outlet names and the outlet-or-person rule for credited authors."""

import pytest

from articles.ingest.entities.sources import (
    OutletReading,
    author_names,
    is_outlet,
    outlet_readings,
    source_key,
)


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


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("Human rights | The Guardian", OutletReading("The Guardian", "Human rights")),
        ("Latest – Truthout", OutletReading("Truthout", "Latest")),
        ("Opinion — The Nation", OutletReading("The Nation", "Opinion")),
        ("The Guardian | World news", OutletReading("The Guardian", "World news")),
        ("Common Dreams - Breaking News & Views for the Progressive Community",
         OutletReading("Common Dreams")),
        ("Al-Monitor", OutletReading("Al-Monitor")),  # no spaced separator: one outlet
        ("Hans Thoolen on Rights Defenders", OutletReading("Hans Thoolen on Rights Defenders")),
    ],
)  # fmt: skip
def test_outlet_readings_put_the_outlet_first(name, first):
    assert outlet_readings(name)[0] == first


def test_outlet_readings_offer_every_short_part_for_known_outlet_matching():
    readings = outlet_readings("Climate | Mother Jones")
    assert [r.name for r in readings] == ["Mother Jones", "Climate"]
    assert readings[1].section == "Mother Jones"
