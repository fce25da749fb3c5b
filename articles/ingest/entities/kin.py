"""Relatives named by their first name after a word of kinship.

Features and profiles name a person's family by first name alone: "their daughter Ayanda, 19",
"His wife, Lindiwe, keeps the book", "her sons, Jone and Pita", "their sons Áslat and Jovnna".
The small model tags few of those names, and tags some as places ("Santiago", "Sofia"); the
word of kinship before them is the strongest cue a single name gets, so each name after one
becomes a PERSON span, and ``lone`` keeps it.
"""

import re
from collections.abc import Iterator

from articles.ingest.entities.spans import Span

KIN_WORDS = (
    r"(?:wife|husband|sons?|daughters?|brothers?|sisters?|mother|father|uncle|aunt|nephews?"
    r"|nieces?|cousins?|grandsons?|granddaughters?|grandmother|grandfather|grandchildren"
    r"|children|child|partner|fiancée?|widow|widower|stepson|stepdaughter|twins?)"
)
# A capitalised word, accented capitals too ("Áslat"): the class is any letter, and an
# upper-case look-ahead keeps it to capitals.
_WORD = r"(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-Я])[^\W\d_]+(?:-[^\W\d_]+)*"
# One or two words, particles between them allowed ("Kian delos Santos", "Ndèye Fatou").
_NAME = rf"{_WORD}(?: (?:(?:de|da|do|dos|das|del|delos|dela|van|von|der|den|bin|al|la) )*{_WORD})?"
# A word of kinship after a possessive (or "the"), maybe a comma, then one or two names.
_KIN = re.compile(
    rf"(?:\b(?i:his|her|their|my|our|whose|the)|[\w-]+[’']s)\s+(?:(?:late|eldest|youngest|elder|younger|two"
    rf"|three|adult|teenage|baby|infant)\s+)?{KIN_WORDS},?\s+(?P<first>{_NAME})"
    rf"(?:(?:,| and| or|, and) (?P<second>{_NAME}))?(?![\w’'-])"
)
# Before a name: a word of kinship ("daughter Ayanda"), or one and a name then "and" ("sons
# Jone and Pita"), as ``lone`` reads a single name's context.
KIN_BEFORE = re.compile(rf"\b{KIN_WORDS},? (?:{_NAME},? (?:and|or) )?$", re.IGNORECASE)


def kin_spans(text: str) -> Iterator[Span]:
    """A PERSON span for each name written right after a word of kinship."""
    for match in _KIN.finditer(text):
        for group in ("first", "second"):
            if match.group(group):
                start, end = match.span(group)
                yield Span(text[start:end], "PERSON", start, end)
