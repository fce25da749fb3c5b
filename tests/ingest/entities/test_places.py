"""``places``: the gazetteer of towns, subdivisions and regions, looked up accents aside."""

import pytest

from articles.ingest.entities.places import is_known_place, is_subdivision


@pytest.mark.parametrize("name", ["Bihar", "Bihār", "Uttarakhand"])
def test_is_subdivision_matches_with_or_without_the_gazetteers_accents(name):
    assert is_subdivision(name)  # pycountry spells these states with macrons


@pytest.mark.parametrize("name", ["Sekondi-Takoradi", "Pointe-Noire", "Bihar"])
def test_is_known_place_holds_towns_and_subdivisions(name):
    assert is_known_place(name)


@pytest.mark.parametrize("name", ["Okonjo", "Anne-Marie", "Bihars"])
def test_is_known_place_rejects_names_that_are_no_place(name):
    assert not is_known_place(name)
