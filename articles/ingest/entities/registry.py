"""Registry-assisted recognition: the persons the database knows, found in new text.

The registry (persons an editor confirmed or that several articles name, with their aliases) is
compiled once per run into an Aho-Corasick automaton over each person's full name, aliases and
surname. Hits count where the model tagged nothing: case-sensitive, whole words, leftmost-longest,
and never a part of a longer name ("Leyen" in "Ursula von der Leyen" is that name's, "Trump" in
"Trump Tower" is no hit). A bare surname is kept when it is unambiguous: one registry person has
it, or the article names exactly one of its persons in full. A known surname after first names
the model left untagged ("Tadej Pogačar's", "Sheikh Hasina") gives that full name instead: a
person of its own, whom the surname's other mentions join.

``resolve`` then tells persistence which registry person each mention is (``known_as``), by
exact name or alias, by spelling variant, or by unambiguous surname.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import ahocorasick

from articles.ingest.entities import lexicon, names, variants
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.persons import Candidate, NeverPerson, is_credit, no_rule
from articles.ingest.entities.places import is_country_name, is_known_place
from articles.ingest.entities.spans import Span, at_word_boundaries, inside_any
from articles.ingest.records import PersonMention, RegistryPerson
from articles.normalise import fold_accents, name_key

# Shorter surnames ("Xi", "Li") are too often initials or parts of codes to look for alone.
MIN_SURNAME = 3
_WORD_BEFORE = re.compile(r"([\w’'.-]+)([ -])$")
_WORD_AFTER = re.compile(r"^([ -])([\w’'.-]+)")
# An apostrophe that joins a word on, not a possessive: "Xi'an" is a city, not "Xi".
_APOSTROPHE_WORD = re.compile(r"[’'](?!s\b)\w")
# A hyphen joining the form to a capitalised word or any word after it: part of a double-barrelled
# name ("Kiplagat-Ruto" is no "Ruto"); a particle before the hyphen is fine ("al-Assad"). A
# particle and a name after the form make a longer name too ("Mubarak al-Kabeer port").
_HYPHENED_BEFORE = re.compile(r"[A-Z][\w’']*-$")
_HYPHENED_AFTER = re.compile(r"-\w| (?:al|el|bin|ibn|de|da|do|dos|van|von)[- ][A-Z]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n][”\"’')]*\s+)$")
# A surname the registry knows takes at most this many given names before it.
_MAX_GIVEN_NAMES = 3


class PersonRegistry:
    """The registry compiled for one run."""

    def __init__(self, persons: Iterable[RegistryPerson], is_name: Callable[[str], bool]):
        """``is_name`` says whether a registry name may be looked for (junk never is)."""
        self._by_key: dict[str, set[str]] = defaultdict(set)  # name_key of a form → persons
        self._by_variant: dict[str, set[str]] = defaultdict(set)
        self._by_surname: dict[str, set[str]] = defaultdict(set)  # surname variant key → persons
        forms: dict[str, set[str]] = defaultdict(set)  # text to look for → persons
        for person in persons:
            if not is_name(person.name):
                continue
            for form in (person.name, *person.aliases):
                self._by_key[name_key(form)].add(person.name)
                self._by_variant[variants.variant_key(form)].add(person.name)
                forms[form].add(person.name)
                forms[fold_accents(form)].add(person.name)
            if " " in person.name and len(surname := surname_of(person.name)) >= MIN_SURNAME:
                self._by_surname[variants.surname_key(surname)].add(person.name)
                if is_name(surname):
                    forms[surname].add(person.name)
        self.automaton = _build(forms)

    def __len__(self) -> int:
        return len(self._by_key)

    def candidates(
        self,
        text: str,
        found: Sequence[Candidate],
        spans: Sequence[Span],
        never: NeverPerson = no_rule,
    ) -> list[Candidate]:
        """Registry names in ``text`` outside the accepted candidates ``found``, as candidates;
        ``never`` applies the same context rules as to the model's names."""
        taken = [candidate.span for candidate in found]
        hits, fuller = [], []
        for hit in _hits(self.automaton, text):
            if inside_any(taken, hit.start, hit.end) or _inside_organisation(hit, spans):
                continue
            if is_credit(hit, text):
                continue
            honorific = names.HONORIFIC_BEFORE.search(text, max(0, hit.start - 10), hit.start)
            if honorific or _extends_to_longer_name(text, hit.start, hit.end):
                # A known surname after a first name the model left untagged ("Tadej
                # Pogačar's"): the full name is the person; the lone surname's mentions join it.
                full = _first_name_before(text, hit) if " " not in hit.text else None
                if full and never(full.text, full, text) is None:
                    fuller.append(full)
                continue
            if " " not in hit.text and names.is_common_word(hit.text, text):
                continue
            if never(hit.text, hit, text) is None:
                hits.append(hit)
        written = [hit.text for hit in hits] + [candidate.name for candidate in found]
        full_names = {name_key(name) for name in written}
        return [
            *(Candidate(full.text, full) for full in fuller),
            *(
                Candidate(hit.text, Span(hit.text, "PERSON", hit.start, hit.end))
                for hit in hits
                if _unambiguous(hit.label, full_names)
            ),
        ]

    def resolve(self, mentions: Sequence[PersonMention]) -> tuple[PersonMention, ...]:
        """The mentions, each with the registry person it is (``known_as``) where one fits."""
        return tuple(replace(m, known_as=self.person_for(m.name) or m.known_as) for m in mentions)

    def person_for(self, name: str) -> str | None:
        """The one registry person ``name`` is: by surname for one word (the full name wins
        over a one-word person of the same name), else by name or alias, else by variant."""
        lookups = [
            (self._by_key, name_key(name)),
            (self._by_variant, variants.variant_key(name)),
        ]
        if " " not in name:
            lookups.insert(0, (self._by_surname, variants.surname_key(name)))
        for index, key in lookups:
            if len(found := index.get(key, ())) == 1:
                return next(iter(found))
        return None


def surname_of(name: str) -> str:
    """A full name's surname: from its first lower-case particle ("von der Leyen"), else the
    last word ("Trump")."""
    words = name.split()
    for index in range(1, len(words) - 1):
        if names.is_particle(words[index]):
            return " ".join(words[index:])
    return words[-1]


def _build(forms: dict[str, set[str]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form, persons in forms.items():
        automaton.add_word(form, (form, "\n".join(sorted(persons))))
    automaton.make_automaton()
    return automaton


def _hits(automaton: ahocorasick.Automaton, text: str) -> list[Span]:
    """Whole-word, leftmost-longest, non-overlapping hits; ``label`` holds the persons."""
    if not len(automaton):
        return []
    found = []
    for end_index, (form, persons) in automaton.iter(text):
        start, end = end_index - len(form) + 1, end_index + 1
        if not at_word_boundaries(text, start, end) or _APOSTROPHE_WORD.match(text, end):
            continue
        if _joined_on(text, start, end):
            continue
        found.append(Span(form, persons, start, end))
    found.sort(key=lambda hit: (hit.start, -(hit.end - hit.start)))
    chosen: list[Span] = []
    for hit in found:
        if not chosen or hit.start >= chosen[-1].end:
            chosen.append(hit)
    return chosen


def _joined_on(text: str, start: int, end: int) -> bool:
    """Whether the form is part of a longer name (``_HYPHENED_BEFORE``, ``_HYPHENED_AFTER``);
    plain characters are tested first, the patterns only where they may match."""
    if (
        start
        and text[start - 1] == "-"
        and _HYPHENED_BEFORE.search(text, max(0, start - 30), start)
    ):
        return True
    return end < len(text) and text[end] in "- " and bool(_HYPHENED_AFTER.match(text, end))


def _unambiguous(persons: str, full_names: set[str]) -> bool:
    """One person has this form, or the article names exactly one of its persons in full."""
    people = persons.split("\n")
    return len(people) == 1 or sum(name_key(person) in full_names for person in people) == 1


def _extends_to_longer_name(text: str, start: int, end: int) -> bool:
    """Whether the words next to ``[start, end)`` continue a longer name ("Trump Tower",
    "Ivanka Trump" for "Trump"); titles, weekdays and stop words do not ("President Trump")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.match(text[end : end + 40])
    if after and names.continues_name(after.group(2)):
        return True
    if not before or not names.continues_name(word := before.group(1)):
        return False
    # A sentence's first word is capitalised anyway ("Later Johnson said"): only a given name
    # there ("Boris Johnson") makes the hit part of a longer name.
    at_sentence_start = _SENTENCE_END.search(text, max(0, before.start() - 3), before.start())
    return not at_sentence_start or is_given_name(word)


def _first_name_before(text: str, hit: Span) -> Span | None:
    """The hit with the given names before it ("Tadej Pogačar's" → "Tadej Pogačar", "Recep
    Tayyip Erdoğan"): capitalised name words that are no English words or places, the first
    not opening a sentence unless a known first name, and nothing capitalised after the hit."""
    after = _WORD_AFTER.match(text[hit.end : hit.end + 40])
    if after and names.continues_name(after.group(2)):
        return None
    honorific = names.HONORIFIC_BEFORE.search(text, max(0, hit.start - 10), hit.start)
    if honorific:  # "Sheikh Hasina’s": the honorific and one name are the name
        return Span(text[honorific.start() : hit.end], "PERSON", honorific.start(), hit.end)
    start = hit.start
    for _ in range(_MAX_GIVEN_NAMES):
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if not before or before.group(2) != " " or not _given_name_shaped(before.group(1)):
            break
        at_sentence_start = _SENTENCE_END.search(text, max(0, before.start() - 3), before.start())
        if at_sentence_start and not is_given_name(before.group(1)):
            break
        start = before.start(1)
    if start == hit.start:
        return None
    return Span(text[start : hit.end], "PERSON", start, hit.end)


def _given_name_shaped(word: str) -> bool:
    """A capitalised name word that is no English word ("Sentences", "Hosts") or place."""
    if not word[:1].isupper() or not word.isalpha() or not names.continues_name(word):
        return False
    if is_known_place(word) or is_country_name(word) or lexicon.plural_noun_singulars(word):
        return False
    # WordNet lists famous persons as nouns ("ernst"): a clear first name outweighs that.
    if is_given_name(word, strict=True) and not lexicon.is_verb_or_adjective(word):
        return True
    return not lexicon.is_english_word(word)


def _inside_organisation(hit: Span, spans: Sequence[Span]) -> bool:
    """Whether the model put the hit inside an organisation's or work's name ("Trump Media")."""
    return any(
        span.label != "PERSON"
        and span.overlaps(hit.start, hit.end)
        and names.has_org_word(span.text.split())
        for span in spans
    )
