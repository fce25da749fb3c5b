"""One-word names that the article never uses as a person's name.

A lone capitalised word tagged PERSON is as often a company, a place or a common noun opening a
sentence ("Rosatom", "Kibera", "Vape") as a surname. It is kept when the registry knows it (the
mention's ``known_as``) or the reviewed list of famous persons does (``data/famous_persons.txt``:
"Lenin", "Prigozhin", named by surname alone with no cue), when it is a clear first name
("Marc"), or when the article writes it as
a person's somewhere: after a title or before a verb of speech or a person's verb ("President
Ruto", "Ruto said", "Ruto, who"), after a verb of speech ("said Ruto", "according to Ruto"), or
as a possessive before a lower-case noun ("Ruto's government"). A word the article also writes as
a place or a thing ("out of Cairns", "the far side of the Moon by") needs a title before it
("President Ruto"): its other cues read as well of the place or thing ("Cairns, said …").
"""

import re
from collections.abc import Iterable

from articles.ingest.entities import famous, kin, lexicon, names
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.nonpersons import STANDS_ALONE_AFTER
from articles.ingest.entities.spans import find_words, opens_sentence
from articles.ingest.records import PersonMention
from articles.normalise import name_key

# After the word: a possessive before a lower-case word, an age, a verb of speech or "who", maybe
# after an apposition ("Okafor, a farmer, told").
_PERSON_AFTER = re.compile(
    rf"(?:[’']s [a-z]|, \d{{1,3}},|, an? (?:\d{{1,3}}|[a-z]+)[- ]years?[- ]old\b"
    rf"|(?:[’']s)?,? (?:{names.PERSON_VERBS}|who)\b"
    rf"|, (?:a|an|the) [^,.;:]{{1,40}}, (?:{names.PERSON_VERBS})\b)"
)
# A weaker sign: an auxiliary after the word ("Okafor has", "Okafor was"). It does not count for
# an English word that only opens sentences ("Turnout was about 13 per cent").
_AUXILIARY_AFTER = re.compile(r"(?:[’']s)?,? (?:has|had|was|is)\b")
# Before the word: a capitalised title, or a verb of speech ("said Ruto", "according to Ruto").
_PERSON_BEFORE = re.compile(
    rf"(?:\b(?:{names.TITLE_ALTERNATIVES})\.?"
    rf"|\b(?:according to|by|{names.PERSON_VERBS}|Mr|Mrs|Ms|Dr)) $"
)
_BEFORE_CHARS = 40
# A place or a thing: after a preposition of place, or after "the" and before punctuation or a
# function word ("the Moon by", but not "the Ruto government"); never a possessive.
_PLACE_BEFORE = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|out of|[Oo]utside|[Aa]round|[Aa]cross|the) $"
    r"|\bfrom (?:the )?[a-z][\w -]{0,30} to $"  # "a road from the airport to Whitegrass"
)
_NOT_POSSESSIVE_AFTER = re.compile(r"(?![’']s\b)")


def kept(mentions: Iterable[PersonMention], text: str) -> tuple[PersonMention, ...]:
    """The mentions that are no lone word the article never uses as a person's."""
    return tuple(mention for mention in mentions if not _lone(mention, text))


def _lone(mention: PersonMention, text: str) -> bool:
    name = mention.name
    if " " in name or mention.known_as or name_key(name) in famous.famous_keys():
        return False
    places = _places(name, text)
    # A place's use outweighs a first name's look ("near Askar on the coast").
    if any(_place_or_thing(text, start, start + len(name)) for start in places):
        return not any(_titled(text, start) for start in places)
    if f"the {name}s" in text and not any(
        _person_like(text, start, start + len(name), weak=False) for start in places
    ):
        return True  # "for the Oscars": an award or a family of things, not a person
    if is_given_name(name, strict=True):
        return False
    weak = not _common_word_opening_sentences(name, text, places)
    return not any(_person_like(text, start, start + len(name), weak) for start in places)


def _place_or_thing(text: str, start: int, end: int) -> bool:
    """Whether this occurrence is written as a place's or a thing's ("in Cairns", "the Moon,")."""
    match = _PLACE_BEFORE.search(text[max(0, start - _BEFORE_CHARS) : start])
    if not match or not _NOT_POSSESSIVE_AFTER.match(text, end):
        return False
    return not match.group().startswith("the") or bool(STANDS_ALONE_AFTER.match(text, end))


def _titled(text: str, start: int) -> bool:
    before = text[max(0, start - _BEFORE_CHARS) : start]
    return bool(names.TITLE_BEFORE.search(before))


def _common_word_opening_sentences(name: str, text: str, places: list[int]) -> bool:
    english = lexicon.is_noun(name) or lexicon.is_verb_or_adjective(name)
    return english and all(opens_sentence(text, start) for start in places)


def _places(name: str, text: str) -> list[int]:
    # Not after an apostrophe or a hyphen, nor before a hyphen ("Kiplagat-Ruto", "O'Neill").
    return [
        start
        for start in find_words(name, text)
        if not (start and text[start - 1] in "’'-") and not text.startswith("-", start + len(name))
    ]


def _person_like(text: str, start: int, end: int, weak: bool) -> bool:
    """Whether this occurrence reads as a person's (``weak``: an auxiliary after it counts)."""
    before = text[max(0, start - _BEFORE_CHARS) : start]
    if _PERSON_AFTER.match(text, end) or _PERSON_BEFORE.search(before):
        return True
    if names.INTRODUCED_BEFORE.search(before):
        return True  # "34-year-old Rhiannon", "a young man named Karol"
    if kin.KIN_BEFORE.search(before):
        return True  # "their daughter Ayanda", "her sons, Jone and Pita"
    return weak and bool(_AUXILIARY_AFTER.match(text, end))
