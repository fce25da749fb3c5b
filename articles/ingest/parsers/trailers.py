"""Trailer lines of bullet dumps: metadata about an item, never part of its body.

- ``The post TITLE first appeared on SOURCE.`` / ``The post TITLE appeared first on SOURCE.``
- ``This post was originally published on SOURCE.``
- ``This content originally appeared on OUTLET and was authored by AUTHOR.``
- ``Continue reading…`` (a cut-off marker)
- notes about the previous article: ``This article was originally published in Italian on …``
"""

import re
from dataclasses import dataclass

from articles.ingest.parsers.credits import is_outlet_name
from articles.normalise import clean_spaces

# The source takes the rest of the line (its final full stop is dropped in ``read_trailer``):
# a lazy ``.+?\.?$`` would rescan the line for every "appeared first on" in a long title.
_POST = re.compile(r"^The post (?P<title>.+) (?:first appeared|appeared first) on (?P<source>.+)$")
_PUBLISHED = re.compile(r"^This post was (?:originally|first) published on (?P<source>.+?)\.?$")
_APPEARED = re.compile(
    r"^This content (?:originally|first) appeared on (?P<outlet>.+?) "
    r"and was (?:authored|written) by (?P<author>.+?)\.?$"
)
_CONTINUE = re.compile(r"^(?:Continue reading|Read more|Read the full (?:article|story))\W*$")
_NOTE = re.compile(
    r"^This (?:article|piece|story|interview|report|essay|text|post) "
    r"(?:(?:was|has been|is|first|originally) )*"
    r"(?:published|appeared|posted|republished|translated|written)\b"
)
_FOR_OUTLET = re.compile(r"(?=\s)(?<!\s)\s++for\s+\S.*$")  # "Taejun Kang for RFA" → "Taejun Kang"


@dataclass(frozen=True)
class Trailer:
    """What one trailer line says; ``kind`` is post, published, appeared, continue or note."""

    kind: str
    title: str | None = None
    source: str | None = None
    original_source: str | None = None
    author: str | None = None


def read_trailer(text: str) -> Trailer | None:
    """The trailer ``text`` is, or None for an ordinary paragraph."""
    line = clean_spaces(text)
    if match := _POST.match(line):
        return Trailer("post", title=match.group("title"), source=_without_stop(match["source"]))
    if match := _PUBLISHED.match(line):
        return Trailer("published", source=match.group("source"))
    if match := _APPEARED.match(line):
        outlet = match.group("outlet")
        return Trailer("appeared", original_source=outlet, author=_author(match, outlet))
    if _CONTINUE.match(line):
        return Trailer("continue")
    if _NOTE.match(line):
        return Trailer("note")
    return None


def _without_stop(name: str) -> str:
    """``X.`` → ``X``: one final full stop is the sentence's, unless it is all there is."""
    return name[:-1] if len(name) > 1 and name.endswith(".") else name


def _author(match: re.Match, outlet: str) -> str | None:
    """The credited author, unless it is the outlet itself ("authored by Radio Free Asia")."""
    author = _FOR_OUTLET.sub("", match.group("author")).strip()
    return None if not author or is_outlet_name(author, outlet) else author


def source_of(trailers: tuple[Trailer, ...]) -> str | None:
    """Where the post was published: ``originally published on`` first, else ``appeared on``."""
    for kind in ("published", "post"):
        found = next((t.source for t in trailers if t.kind == kind), None)
        if found:
            return found
    return None


def title_of(trailers: tuple[Trailer, ...]) -> str | None:
    return next((t.title for t in trailers if t.title), None)


def original_source_of(trailers: tuple[Trailer, ...]) -> str | None:
    return next((t.original_source for t in trailers if t.original_source), None)


def authors_of(trailers: tuple[Trailer, ...]) -> tuple[str, ...]:
    return tuple(t.author for t in trailers if t.author)
