"""Photographers credited in photo credits: ``(Reuters/Toby Melville)``, ``Credit: AP Photo/…``.

A credit is a bracketed pair around a slash, or a lead-in (``Credit:``, ``Photo:``, ``Photo by``,
``Photograph:``, ``Picture:``) followed by a short run of text. Its parts (split at ``/``,
``via``, ``and``, commas) are the agency, the photographer and notes (``File Photo``); a part
is a photographer when it is name-shaped and no agency or credit word. "Image via X" names
where an image came from, not who took it, and is no credit here.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from articles.ingest.parsers.credits import is_person_name
from articles.normalise import words

# "(Reuters/Toby Melville)", "(Toby Melville/Reuters)", "(AP Photo/Evan Vucci, File)": a
# slash inside brackets, bounded so a stray "(" never scans far; "REUTERS/Toby Melville/File
# Photo": an agency in capitals before a slash. Both count only when a part is an agency or a
# credit word: "(New York/Los Angeles)" is no credit.
_BRACKETED = re.compile(r"\((?P<credit>[^()\n]{1,120}/[^()\n]{1,120})\)")
_CAPITALS_AGENCY = re.compile(
    r"\b(?P<credit>[A-Z][A-Z-]{1,15}(?: Photo)?/[^\n()]{1,120}?)(?=\.\s|\.?$|\n)", re.M
)
# "Credit: AP Photo/Mahmud Hossain Opu.", "Photo by Jane Doe", "Photograph: Jane Doe/Getty".
_LEAD_IN = re.compile(
    r"\b(?:(?:Photo(?:graph)?s?|Pictures?|Images?)\s+)?Credits?\s*:\s*"
    r"|\b(?:Photo(?:graph)?s?|Pictures?|Images?)\s*(?::|by\b\s*:?)\s*",
    re.IGNORECASE,
)
# A lead-in's credit runs to the sentence's end: a full stop before a space, a bracket, a line.
_CREDIT_TEXT = re.compile(r"[^\n()]{1,120}?(?=\.\s|\.?$|\.?\)|\n)", re.MULTILINE)
_PARTS = re.compile(r"\s*(?:/|\bvia\b|,|;|\band\b|\||\s[-–—]\s)\s*")
# Agencies and credit words: a part holding one of them is no photographer.
_NOT_PHOTOGRAPHER = words(
    """reuters ap afp epa efe getty images image photo photos photograph pictures picture stock
    file handout pool courtesy archive archives wire xinhua anadolu sipa alamy shutterstock zuma
    nurphoto sopa tass ria dpa ansa kyodo yonhap bloomberg press agency news staff contributor
    contributors eyevine rex istock unsplash wikimedia commons flickr creative public domain
    associated foto fotos antara"""
)
# Of those, the agencies' own names, which are also surnames ("Benjamin Sipa/AFP"): such a
# word ends a photographer's name when another part of the credit is the agency.
_AGENCY_NAMES = words(
    """reuters ap afp epa efe getty xinhua anadolu sipa alamy zuma tass ria dpa ansa kyodo yonhap
    bloomberg eyevine rex"""
)


@dataclass(frozen=True)
class CreditedName:
    """A photographer's name and where the text writes it."""

    name: str
    start: int
    end: int


def photographers(text: str) -> list[CreditedName]:
    """The photographers ``text``'s photo credits name, in text order."""
    found = {
        name.start: name for start, credit in _credits(text) for name in _names_in(credit, start)
    }
    return [found[start] for start in sorted(found)]


def _credits(text: str) -> Iterator[tuple[int, str]]:
    """Each credit's text and where it starts."""
    for pattern in (_BRACKETED, _CAPITALS_AGENCY):
        for match in pattern.finditer(text):
            if _names_agency(match.group("credit")):
                yield match.start("credit"), match.group("credit")
    for lead in _LEAD_IN.finditer(text):
        if lead.group().lower().startswith("image") and "by" not in lead.group().lower():
            continue  # "Image: …" captions describe; only "Image by" credits someone
        if body := _CREDIT_TEXT.match(text, lead.end()):
            yield body.start(), body.group()


def _names_agency(credit: str) -> bool:
    return any(word.casefold() in _NOT_PHOTOGRAPHER for word in re.findall(r"\w+", credit))


def _names_in(credit: str, offset: int) -> Iterator[CreditedName]:
    parts = []
    start = 0
    for separator in [*_PARTS.finditer(credit), None]:
        end = separator.start() if separator else len(credit)
        parts.append((start, end, credit[start:end]))
        start = separator.end() if separator else end
    agencies = [part for _, _, part in parts if _is_agency(part)]
    for start, end, part in parts:
        if _is_photographer(part, agency_named=any(a != part for a in agencies)):
            yield CreditedName(part, offset + start, offset + end)


def _folded(part: str) -> list[str]:
    return [token.casefold().strip(".'’") for token in part.split()]


def _is_agency(part: str) -> bool:
    """A part made of agency and credit words only ("AFP", "AP Photo", "Getty Images")."""
    tokens = _folded(part)
    return bool(tokens) and all(token in _NOT_PHOTOGRAPHER for token in tokens)


def _is_photographer(part: str, agency_named: bool = False) -> bool:
    tokens = _folded(part)
    last_is_surname = agency_named and len(tokens) > 1 and tokens[-1] in _AGENCY_NAMES
    checked = tokens[:-1] if last_is_surname else tokens
    if any(token in _NOT_PHOTOGRAPHER for token in checked):
        return False
    return part == part.strip() and is_person_name(part, max_words=4)
