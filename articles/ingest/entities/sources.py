"""Outlets and credited authors: one display name per outlet, and outlet-or-person for authors.

The database key of a Source is ``name_key(display_name)``, so "PopularResistance.Org",
"popularresistance.org" and "Popular Resistance Org" are one Source; the display name is the
spelling first seen, tidied by ``display_name``.
"""

import re
from dataclasses import dataclass, replace

from articles.ingest.records import ParsedItem
from articles.normalise import clean_spaces, name_key, words

_LEADING = re.compile(r"^[\s\"'“”‘’«»(\[]+")
# Only where the final run starts (lookbehind), possessive: a bare ``[…]+$`` retries from
# every character of a long run of commas, which is quadratic.
_END = r"[\s\"'“”‘’«»)\],.:;!?]"
_TRAILING = re.compile(rf"(?={_END})(?<!{_END}){_END}++$")
_DOMAIN = re.compile(r"^(?P<stem>[\w-]+(?:\.[\w-]+)*)\.(?P<tld>org|com|net|info|news|uk|us)$", re.I)
# "Taejun Kang for RFA": the outlet runs to the end in name characters. Found in two linear
# steps (where that final run starts, then the first "for X" inside it): one ``[…]*$`` regex
# rescans the rest of the text after every "for".
_FOR_OUTLET = re.compile(r"\s+(?:for|of|at|with)\s+[A-Z]")
_NAME_TAIL = re.compile(r"(?=[\w.&' -])(?<![\w.&' -])[\w.&' -]++$")
# Words that make a credited name an outlet or a team, not a person.
_OUTLET_WORDS = frozenset(
    words("""radio news times post press agency network media tv television channel magazine journal
    review daily weekly herald tribune guardian gazette observer reporter report monitor voice
    team staff desk editors correspondent correspondents reporters writers newsroom
    contributors editorial board bureau service services online digest dispatch
    international foundation institute center centre project committee council union
    association coalition campaign collective group org com net info asia europe africa
    america world global liberty resistance canary counterpunch jacobin""")
)
# Wire services and broadcasters credited by their initials.
KNOWN_OUTLET_ACRONYMS = frozenset(
    words("AP AFP RFA RFE RFE/RL BBC CNN UPI IPS DPA TASS RIA NPR PBS ABC CBS NBC RT CBC DW ANI")
)


def display_name(raw: str) -> str:
    """An outlet's name as written, tidied: spaces collapsed, quotes and end punctuation gone,
    a bare domain's suffix capitalised ("popularresistance.org" → "popularresistance.Org")."""
    name = _strip_edges(clean_spaces(raw))
    match = _DOMAIN.match(name)
    if match:
        name = f"{match['stem']}.{match['tld'].capitalize()}"
    return name


def source_key(raw: str) -> str:
    """The Source's database key for any spelling of its name."""
    return name_key(display_name(raw))


def clean_author(raw: str) -> str:
    """A credited author without "By", a trailing "for RFA" or punctuation."""
    name = _strip_edges(clean_spaces(raw))
    name = re.sub(r"^(?:by|written by|authored by)\s+", "", name, flags=re.I)
    return _strip_edges(_without_outlet(name))


def _without_outlet(name: str) -> str:
    tail = _NAME_TAIL.search(name)
    for match in _FOR_OUTLET.finditer(name) if tail else ():
        if match.end() - 1 >= tail.start():
            return name[: match.start()]
    return name


def _strip_edges(text: str) -> str:
    """Without leading quotes and brackets, nor trailing quotes, brackets and punctuation."""
    return _TRAILING.sub("", _LEADING.sub("", text, count=1), count=1)


def is_outlet(name: str) -> bool:
    """Whether a credited author is an outlet or a team ("Radio Free Asia", "RFA", "The Visual
    Journalism Team", "PopularResistance.Org") rather than a person ("Taejun Kang", "HG")."""
    name = clean_author(name)
    if not name:
        return True
    if name.upper() in KNOWN_OUTLET_ACRONYMS or name.lower().startswith("the "):
        return True
    if name.isupper() and len(name) > 3:
        return True
    words = re.split(r"[\s./-]+", name.lower())
    return "." in name or any(word in _OUTLET_WORDS for word in words)


def author_names(credited: tuple[str, ...]) -> list[str]:
    """The persons among credited authors, cleaned, without duplicates."""
    seen: dict[str, str] = {}
    for raw in credited:
        name = clean_author(raw)
        if name and not is_outlet(name):
            seen.setdefault(name_key(name), name)
    return list(seen.values())


@dataclass(frozen=True)
class OutletReading:
    """One way to read a feed's name: the outlet, and the section it names besides (or "")."""

    name: str
    section: str = ""


# Feed names join a section or a tagline to the outlet: "Human rights | The Guardian",
# "Latest – Truthout", "Common Dreams - Breaking News & Views". Spaced separators only, so
# "Al-Monitor" and "Stop-the-War" stay whole.
_FEED_SEPARATOR = re.compile(r"\s+(?:[|–—•»·:]{1,2}|-{1,2})\s+")
# A part this long is a tagline: neither the outlet nor a section.
_TAGLINE_WORDS = 6
# Words of a generic section heading: a part made only of these is no outlet.
_SECTION_WORDS = frozenset(
    words("""latest news top stories home front page world national local international opinion
    opinions comment commentary politics business economy culture arts sport sports science
    technology tech environment climate health features feature analysis blog blogs posts
    articles feed rss all and the in of human rights uk us europe asia africa americas middle
    east australia""")
)


def outlet_readings(raw: str) -> list[OutletReading]:
    """The ways to read an outlet name, likeliest first; the caller takes the first whose outlet
    it already knows (``Source`` or ``SourceAlias``), else the first.

    A name without a spaced separator is one outlet. Otherwise each part may be the outlet and
    the other short parts its section: parts that read as a generic section heading come last,
    and among the rest the last part first (feeds write "Section | Site").
    """
    name = display_name(raw)
    parts = [part for part in _FEED_SEPARATOR.split(name) if part]
    if len(parts) < 2:
        return [OutletReading(name)]
    short = [part for part in parts if len(part.split()) < _TAGLINE_WORDS] or parts[:1]
    ordered = sorted(reversed(short), key=_is_section_heading)
    return [
        OutletReading(outlet, " | ".join(part for part in short if part != outlet))
        for outlet in ordered
    ]


def filed_under_outlet(
    item: ParsedItem, known: frozenset[str], merged: frozenset[str] = frozenset()
) -> ParsedItem:
    """The item with its feed name read as outlet and section ("Human rights | The Guardian" →
    The Guardian, section "Human rights"); the outlet's own section wins over the dump's heading.

    ``known`` holds the keys of stored outlets and aliases: the first reading whose outlet is
    known wins, else the likeliest. A whole name in ``merged`` (an alias an editor's merge
    left) stays whole: persistence files it under the source it was merged into.
    """
    if not item.source or source_key(item.source) in merged:
        return item
    readings = outlet_readings(item.source)
    chosen = next((r for r in readings if source_key(r.name) in known), readings[0])
    if chosen.name == item.source:
        return item
    return replace(item, source=chosen.name, section=chosen.section or item.section)


def _is_section_heading(part: str) -> bool:
    return all(word in _SECTION_WORDS for word in re.findall(r"\w+", part.lower()))
