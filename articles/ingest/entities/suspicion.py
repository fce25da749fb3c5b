"""Why a stored person looks wrong: the rules of the suspects queue, in plain Python.

The persistence step (``ingest.persist.suspects``) gives them what the registry knows: the keys
of place names (country names and aliases) and of news outlets (sources), and the variant index
of every person's name.
"""

from dataclasses import dataclass

from articles.choices import Suspicion
from articles.ingest.entities.duplicates import Name, VariantIndex, duplicate_of
from articles.ingest.entities.names import has_org_word
from articles.normalise import name_key


@dataclass(frozen=True)
class Known:
    """What the registry knows that a person's name may collide with (normalised keys)."""

    places: frozenset[str]
    outlets: frozenset[str]
    index: VariantIndex


@dataclass(frozen=True)
class Verdict:
    """The suspicion codes of one person and the person it likely duplicates."""

    codes: tuple[str, ...]
    duplicate_of: int | None = None


def judge(person: Name, known: Known) -> Verdict:
    """The ``Suspicion`` codes of one person (``no_articles`` is read from its count)."""
    tokens, key = person.name.split(), name_key(person.name)
    duplicate = duplicate_of(person, known.index)
    flags = {
        Suspicion.SINGLE_WORD: len(tokens) == 1,
        Suspicion.PLACE: key in known.places,
        Suspicion.OUTLET: key in known.outlets,
        Suspicion.ORGANISATION: has_org_word(tokens),
        Suspicion.DUPLICATE: duplicate is not None,
    }
    return Verdict(tuple(code for code, flagged in flags.items() if flagged), duplicate)
