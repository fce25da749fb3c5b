"""Countries an article refers to: alias table → Aho-Corasick automaton → context rules → counts.

Aliases are matched case-sensitively, as whole words, leftmost-longest ("South Korea" beats
"Korea", "Guinea-Bissau" beats "Guinea"). Context rules then drop what is not a country reference:
a word inside a person's name ("Israel Adesanya", "Victoria Gugenheim"), a demonym used as a
language ("published in Italian"), "US" in an all-caps line, and ambiguous words (Georgia, Jordan,
Chad) that nothing in the article confirms.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from articles.ingest.entities import evidence
from articles.ingest.entities.places import is_subdivision
from articles.ingest.entities.spans import Span, at_word_boundaries, inside_any
from articles.ingest.records import CountryAliasRecord, CountryMention

# Phrases that contain an alias but refer to no country: matched so the alias inside loses.
BLOCKERS = (
    "New Jersey", "New Mexico", "New England", "New South Wales", "New Guinea", "Latin America",
    "Latin American", "South America", "South American", "North America", "North American",
    "Central America", "Central American", "Native American", "American Indian", "Indian Ocean",
    "West Indies", "British Columbia", "English Channel", "Irish Sea", "Persian Gulf",
    "Georgia Tech", "Washington Post", "Washington Times", "New York Times", "New York Post",
    "Jordan River", "Turkey Point", "Radio Free Asia", "Mexican Gulf", "Gulf of Mexico",
    "Arabian Sea", "Chinese Taipei",
)  # fmt: skip
# Words that are also names or common words: they count only when confirmed (see _confirmed).
AMBIGUOUS = frozenset(
    {"Georgia", "Georgian", "Georgians", "Jordan", "Chad", "Jersey", "Kiwi", "Pole", "Finn", "Lao"}
    # States that are first names or surnames too (``data/states.tsv``).
    | {"Virginia", "Indiana", "Montana", "Alberta", "Tennessee", "Nevada", "Georgia"}
)
# Demonyms that are also languages: "in Italian", "English tutor" are not country references.
_LANGUAGE_AFTER = re.compile(
    r"^(?:[-\s](?:language|speaking|speakers?|translation|translator|tutors?|teachers?|lessons?"
    r"|classes|version|subtitles|dubbed|words?|text|alphabet|grammar|literature|dialect)\b)"
)
_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from|speak|speaks|spoke|learn|learning|teach)\s$")
_CLAUSE_END = re.compile(r"^(?:\s*[.,;:!?)\]]|\s+(?:on|and|or|by|as|at|to|with|for)\b|\s*$)")
_US_STATE_CUE = re.compile(
    r"(?:[A-Z][a-z]+, Georgia|Georgia(?:,? USA| state\b| State\b| Senate| governor| Governor)"
    r"|state of Georgia|Atlanta)"
)
# "Zamfara and Niger states", "Niger State": a subdivision named like a country; in lower
# case ("Niger state") only for a country that is also another country's state or province.
_SUBDIVISION_AFTER = re.compile(r"(?: states\b| State\b(?! [A-Z]))")
_STATE_AFTER = re.compile(r" state\b")
_BLOCKED = ""  # the code of a blocker row


@dataclass(frozen=True)
class AliasHit:
    """One alias found in the text."""

    start: int
    end: int
    code: str
    kind: str
    text: str


def build_automaton(
    aliases: Iterable[CountryAliasRecord], country_names: dict[str, str]
) -> ahocorasick.Automaton:
    """One automaton over every alias and display name (plus the blockers), built once per run."""
    automaton = ahocorasick.Automaton()
    records = [CountryAliasRecord(name, code, "name") for code, name in country_names.items()]
    records += [CountryAliasRecord(text, _BLOCKED, "blocker") for text in BLOCKERS]
    for record in [*aliases, *records]:
        if record.text and record.text not in automaton:
            automaton.add_word(record.text, (record.code, record.kind, record.text))
    automaton.make_automaton()
    return automaton


def find_hits(automaton: ahocorasick.Automaton, text: str) -> list[AliasHit]:
    """Whole-word, leftmost-longest, non-overlapping alias hits, blockers included."""
    if not len(automaton):
        return []
    found = []
    for end_index, (code, kind, alias) in automaton.iter(text):
        start, end = end_index - len(alias) + 1, end_index + 1
        if at_word_boundaries(text, start, end):
            found.append(AliasHit(start, end, code, kind, alias))
    found.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
    chosen: list[AliasHit] = []
    for hit in found:
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen


def _is_language_use(hit: AliasHit, text: str) -> bool:
    if hit.kind != "demonym":
        return False
    after, before = text[hit.end : hit.end + 20], text[max(0, hit.start - 12) : hit.start]
    if _LANGUAGE_AFTER.match(after):
        return True
    return bool(_LANGUAGE_BEFORE.search(before)) and bool(_CLAUSE_END.match(after))


def _in_capitals_line(hit: AliasHit, text: str) -> bool:
    """ "US" in "JOIN US NOW" is the pronoun: its neighbours are all capitals too."""
    if hit.text != "US":
        return False
    before = text[max(0, hit.start - 15) : hit.start].split()
    after = text[hit.end : hit.end + 15].split()
    neighbours = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
    return any(word.isupper() and len(word) > 1 for word in neighbours)


def _confirmed(hit: AliasHit, text: str, hits: Sequence[AliasHit], places: Sequence[Span]) -> bool:
    """An ambiguous word counts when another alias of its country or a NER place label backs it."""
    if hit.text == "Georgia" and _US_STATE_CUE.search(text):
        return False
    others = any(h.code == hit.code and h.text not in AMBIGUOUS for h in hits)
    return others or any(p.start == hit.start and p.end == hit.end for p in places)


def _names_a_state(hit: AliasHit, text: str) -> bool:
    if _SUBDIVISION_AFTER.match(text, hit.end):
        return True
    return bool(_STATE_AFTER.match(text, hit.end)) and is_subdivision(hit.text)


def country_mentions(
    text: str,
    automaton: ahocorasick.Automaton,
    persons: Sequence[Span] = (),
    places: Sequence[Span] = (),
    locate: evidence.Locate | None = None,
) -> tuple[CountryMention, ...]:
    """The countries ``text`` refers to, most mentioned first.

    ``persons`` are the accepted person-name spans; ``places`` the NER's GPE/LOC spans;
    ``locate`` maps a span of ``text`` to its field, for each country's evidence.
    """
    hits = [h for h in find_hits(automaton, text) if h.code != _BLOCKED]
    kept = [
        hit
        for hit in hits
        if not inside_any(persons, hit.start, hit.end)
        and not _is_language_use(hit, text)
        and not _in_capitals_line(hit, text)
        and not (hit.kind == "name" and _names_a_state(hit, text))
        and (hit.text not in AMBIGUOUS or _confirmed(hit, text, hits, places))
    ]
    counts = Counter(hit.code for hit in kept)
    first = {hit.code: index for index, hit in reversed(list(enumerate(kept)))}
    ordered = sorted(counts, key=lambda code: (-counts[code], first[code]))
    return tuple(
        CountryMention(code, counts[code], _evidence(kept, code, locate)) for code in ordered
    )


def _evidence(hits: Sequence[AliasHit], code: str, locate: evidence.Locate | None):
    return evidence.collect(locate, ((hit.start, hit.end) for hit in hits if hit.code == code))
