"""Full names the model tagged nothing for, found by their shape and the words around them.

The small model misses some names of a first name and a surname in plain prose, often foreign
ones in an apposition ("the mayor of Ribeira, Anselmo Toural, said"). A run of two to four
capitalised words is taken for a name when it starts with a known first name, holds no English
verb, adjective or plural noun ("Grace Falls", "May Day") and stands where a person is
named: after a comma or a lower-case word, and before a comma, a full stop or a verb of saying;
or anywhere in prose (a sentence's start too) when the text names it again by its last word
alone, as news does with a surname ("Sanae Takaichi became … Takaichi, a protégé of …").
A run the model tagged ORG whole is taken only between a role noun and a verb of saying
("harbour master Anselmo Toural said"): companies named after people are ORG too.
The candidates then pass the same rejections as the model's spans (places, organisations …).
"""

import re
from collections.abc import Iterator, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from articles.ingest.entities import lexicon
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.names import (
    INTRODUCED_BEFORE,
    continues_name,
    has_org_word,
    is_doer_noun,
    is_role_noun,
    is_title,
)
from articles.ingest.entities.nonpersons import is_heading, line_at
from articles.ingest.entities.places import is_known_place
from articles.ingest.entities.spans import Span, find_words, inside_any

# A capital of the Latin scripts, accented ones too ("Žiga", "Šimunović", "Đỗ").
_CAPITAL = "[" + "".join(chr(code) for code in range(0x41, 0x250) if chr(code).isupper()) + "]"
_WORD = rf"{_CAPITAL}[^\W\d_]+(?:-{_CAPITAL}?[^\W\d_]+)*"
# Two to four capitalised words on one line ("Ana Lima", "Jean-Luc Okafor-Bassey"), not part of
# a longer Title Case run.
_RUN = re.compile(rf"(?<![\w’'-]){_WORD}(?: {_WORD}){{1,3}}(?![\w’'-]| [A-Z])")
# Where a name stands in prose: after a comma, or a lower-case word ...
_BEFORE = re.compile(r"(?:,|\b[a-z]+) $")
# ... and before a comma or the end of a sentence, a verb of saying, or "as" ("named X as …").
_AFTER = re.compile(r"[,.;:]|\s(?:said|says|told|added|as|who)\b")
# A role noun right before and a verb of saying right after: the strongest cue of all, which
# outweighs the model's ORG ("Protest organiser Ana Lima said").
_ROLE_BEFORE = re.compile(r"\b([a-z]+) $")
_SAYS_AFTER = re.compile(r",?\s(?:said|says|told|added)\b")
_VERB_AFTER = re.compile(
    r" (?:(?:has |had )?[a-z]+ed|said|told|won|became|took|ran|beat|scored|threw|led|made|sang"
    r"|wrote|spoke"
    r"|gave|met|left|lost|sold|held|drove|rode|flew|fought|brought|taught|kept|stood|began"
    r"|chose|broke|fell|swam|went|came|saw|found|paid|built|bought|got)\b"
)
# An age or "who" after a name: nothing but a person has either ("Matsuda Keiko, 67,").
_AGE_OR_WHO_AFTER = re.compile(r", (?:\d{1,3},|who\b|whose\b)")
# A verb in the present after a name opening a feature's paragraph ("… Paredes fries her …").
_PRESENT_VERB_AFTER = re.compile(r" (?:[a-z]{3,}(?<!ss)s) (?:her|his|their|the|a|an)\b")
# An apposition saying what the person is ("Isabel Schnabel, a member of the board", "…, an
# economist at Nomura"): a cue that holds at a sentence's start and outweighs a model's tag on
# the surname alone.
_ROLE_APPOSITION = re.compile(r",\s+(?:a|an|the)((?:\s+[a-z-]+){1,4})\b")
_PHRASE_ENDS = frozenset({"of", "at", "in", "for", "with", "from", "who", "whose", "which", "that"})


def name_spans(text: str, spans: Sequence[Span]) -> Iterator[Span]:
    """PERSON spans for name-shaped runs of ``text`` that the model left untagged."""
    for match in _runs(text):  # the cheap tests of the context first
        words = match.group().split()
        apposed = _role_apposition(text, match.end()) or _after_role_noun(text, match.start())
        acts = _acts(text, words, match)
        echoed = _echoed(text, words[-1], match)
        if not (apposed or acts or echoed or _in_prose(text, match)):
            continue
        if not (acts or apposed) and not is_given_name(words[0].split("-")[0]):
            continue
        if not _all_name_words(words, first_may_be_english=acts):
            continue
        # A clear first name whose surname the text names alone as a person's ("mayor Gergely
        # Karácsony with …", "Karácsony said") outweighs the model's tag on the surname.
        strong = apposed or acts or (echoed and is_given_name(words[0], strict=True))
        if _tagged(spans, match, text) and not (strong and _tagged_inside_only(spans, match)):
            continue
        if not is_heading(line_at(text, match.start())):
            yield Span(match.group(), "PERSON", match.start(), match.end())


# The capitalised word after a first name, ending the run: its surname.
_NEXT_NAME_WORD = re.compile(rf" ({_WORD})(?![\w’'-]| [A-Z])")
# A lone capitalised word after a space, not before another: where an introduced name stands.
_INTRODUCED_WORD = re.compile(rf"(?<= ){_WORD}(?![\w’'-]| [A-Z])")
# One capitalised word, then an age: "Temuulen, 9, who won", "Giulia, an eleven-year-old".
_AGED_WORD = re.compile(
    rf"(?<![\w’'-]){_WORD}"
    r"(?=, (?:\d{1,3},|an? (?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[- ]years?[- ]old\b))"
)
# How the text before an introduced name ends (``INTRODUCED_BEFORE``).
_INTRODUCTION_ENDS = ("old ", "named ", "called ", ", ")
# A role noun in lower case right before a name: "chief Suharyanto said", "defender Danilo".
_ROLE_WORD_BEFORE = re.compile(r"\b([a-z]+) $")


def introduced_names(text: str, spans: Sequence[Span]) -> Iterator[Span]:
    """PERSON spans for a lone word that only a person's name can be (``_lone_words``): before
    an age, after one or "a man named", or between a role noun and a verb; a child or a
    villager named by first name. The model often tags such a name a place ("Benjamín"); a name
    of the gazetteer's places, or an English word that is no clear first name, is left."""
    for match in _lone_words(text):
        word, start, end = match.group(), match.start(), match.end()
        if _after_capital(text, start) and not INTRODUCED_BEFORE.search(
            text, max(0, start - 40), start
        ):
            continue  # the end of a longer name ("Uerikua Tjiriange, 67,"): the runs' case
        if is_known_place(word) or has_org_word([word]) or not continues_name(word):
            continue
        if _english_parts([word]) and not is_given_name(word, strict=True):
            continue
        if any(span.label == "PERSON" and span.overlaps(start, end) for span in spans):
            continue  # the model's own span stands
        if is_heading(line_at(text, start)):
            continue
        # The first name of a full name written elsewhere ("Batbayar Ganzorig grew up …
        # Batbayar, 24, lost"): that name is the person's.
        yield _full_name_elsewhere(word, text) or Span(word, "PERSON", start, end)


def _lone_words(text: str) -> Iterator[re.Match]:
    """One capitalised word before an age, after one or after "a man named" (``names.
    INTRODUCED_BEFORE``), or between a role noun and a verb ("chief Suharyanto said",
    "defender Danilo headed"), not opening a longer run of capitalised words."""
    yield from _AGED_WORD.finditer(text)
    for match in _INTRODUCED_WORD.finditer(text):
        start = match.start()
        # The cheap tests first: most capitalised words follow none of these endings.
        introduced = text.endswith(_INTRODUCTION_ENDS, max(0, start - 8), start) and (
            INTRODUCED_BEFORE.search(text, max(0, start - 40), start)
        )
        acts = _SAYS_AFTER.match(text, match.end()) or _VERB_AFTER.match(text, match.end())
        if introduced or (acts and _after_role_noun(text, start)):
            yield match


def _after_role_noun(text: str, start: int) -> bool:
    """Whether a lower-case role noun stands right before ``start`` ("agency chief ")."""
    role = _ROLE_WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(role) and (is_role_noun(role.group(1)) or is_doer_noun(role.group(1)))


def _full_name_elsewhere(word: str, text: str) -> Span | None:
    """Where the text writes ``word`` before a surname that is no English word or place."""
    for start in find_words(word, text):
        match = _NEXT_NAME_WORD.match(text, start + len(word))
        if match and _surname_shaped(match.group(1)):
            return Span(text[start : match.end()], "PERSON", start, match.end())
    return None


def _surname_shaped(word: str) -> bool:
    return continues_name(word) and not _english_parts([word]) and not is_known_place(word)


def _runs(text: str) -> Iterator[re.Match]:
    """The runs of capitalised words, less a role or title opening one ("Curator Dilnoza
    Yusupova-Khamraeva said": the name starts after the role)."""
    for match in _RUN.finditer(text):
        first, second = match.group().split()[:2]
        role = is_role_noun(first.lower()) or is_title(first)
        # A doer's noun before a clear first name ("Soprano Karita Mattila sang").
        role = role or (is_doer_noun(first) and is_given_name(second, strict=True))
        if len(match.group().split()) > 2 and role:
            rest = _RUN.match(text, match.start() + len(first) + 1)
            if rest:
                yield rest
            continue
        yield match


# What follows a surname standing for its person: a possessive, punctuation, or a verb
# ("Takaichi's", "Takaichi, a protégé", "Takaichi said"), not a noun ("Maori voters").
_AS_SUBJECT = (
    r"(?:[’']s\b|[,.;:)]| (?:[a-z]+ed|said|says|told|is|was|has|had|will|would|could|can"
    r"|and|who|wants|won|became)\b)"
)


_AS_SUBJECT_AFTER = re.compile(_AS_SUBJECT)
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]* $")


def _in_prose(text: str, match: re.Match) -> bool:
    """Whether the run stands where prose names a person (``_BEFORE`` and ``_AFTER``)."""
    before = _BEFORE.search(text, max(0, match.start() - 20), match.start())
    return bool(before) and bool(_AFTER.match(text, match.end()))


def _echoed(text: str, surname: str, match: re.Match) -> bool:
    """Whether the run's last word stands alone elsewhere in the text, as news names a person
    again by surname ("Sanae Takaichi became … Takaichi, a protégé of …")."""
    for start in find_words(surname, text, joiners="’'-"):
        if match.start() <= start < match.end() or not _AS_SUBJECT_AFTER.match(
            text, start + len(surname)
        ):
            continue
        if not _after_capital(text, start):
            return True
    return False


def _after_capital(text: str, start: int) -> bool:
    """Whether a capitalised word stands right before, so the word is part of a longer name."""
    return bool(_CAPITAL_BEFORE.search(text, max(0, start - 30), start))


def _tagged(spans: Sequence[Span], match: re.Match, text: str) -> bool:
    """Whether the model tagged the run, unless as an ORG of exactly its words between a role
    noun and a verb of saying, or as an ORG or FAC of them after a clear first name and before
    "who" or an age."""
    start, end = match.span()
    whole = [span.label for span in spans if (span.start, span.end) == (start, end)]
    if whole and whole[0] in ("ORG", "FAC") and _AGE_OR_WHO_AFTER.match(text, end):
        # "Agnes Nabulo Wekesa, who farms", "Andry Rajoelina, who had fled": only a person is
        # "who", or has an age; a clear first name, or no English word in the run.
        words = match.group().split()
        return not (is_given_name(words[0], strict=True) or not _english_parts(words))
    if "ORG" not in whole:
        return inside_any(spans, start, end)
    role = _ROLE_BEFORE.search(text, max(0, start - 20), start)
    if not role or role.group(1) in STOP_WORDS or not lexicon.is_noun(role.group(1)):
        return True
    return not _SAYS_AFTER.match(text, end)


def _acts(text: str, words: list[str], match: re.Match) -> bool:
    """Surnames that are no English words, then what a person does or is, wherever in prose:
    news so opens a story. After a clear first name, a verb in the past ("Grace Mwape-Chanda
    scored"); after any first word that is no English word either, an age or "who" ("Matsuda
    Keiko, 67,", "Lerato Mokoena-Adams, 31,") or a verb ("Yusleidy Contreras Paredes fries")."""
    end = match.end()
    if not (
        _VERB_AFTER.match(text, end)
        or _AGE_OR_WHO_AFTER.match(text, end)
        or _PRESENT_VERB_AFTER.match(text, end)
    ):
        return False
    if _english_parts(words[1:]):
        return False
    if is_given_name(words[0], strict=True):
        return bool(_VERB_AFTER.match(text, end) or _AGE_OR_WHO_AFTER.match(text, end))
    return not _english_parts(words[:1])


def _english_parts(words: list[str]) -> bool:
    return any(lexicon.is_english_word(word) for word in words)


def _role_apposition(text: str, end: int) -> bool:
    """Whether an apposition naming a person's role follows (``_ROLE_APPOSITION``)."""
    apposition = _ROLE_APPOSITION.match(text, end)
    if not apposition:
        return False
    phrase = apposition.group(1).split()
    for index, word in enumerate(phrase):  # the noun phrase, up to a preposition
        if word in _PHRASE_ENDS:
            return False
        if is_role_noun(word):
            return True
        # A doer's noun ending the phrase ("a caregiver from"; not "a border town").
        last = index + 1 == len(phrase) or phrase[index + 1] in _PHRASE_ENDS
        if last and is_doer_noun(word):
            return True
    return False


def _tagged_inside_only(spans: Sequence[Span], match: re.Match) -> bool:
    """Whether the model's spans on the run are parts of it other than a person ("Schnabel" as
    ORG in "Isabel Schnabel"), none reaching beyond it."""
    start, end = match.span()
    touching = [span for span in spans if span.start < end and start < span.end]
    return all(
        start <= span.start
        and span.end <= end
        and (span.start, span.end) != (start, end)  # the whole run tagged: the model's call
        and span.label != "PERSON"
        for span in touching
    )


def _all_name_words(words: list[str], first_may_be_english: bool = False) -> bool:
    """No word is an English verb, adjective, adverb or plural noun ("Falls", "Monkeys"), a
    title, a weekday, a stop word or a word of organisations ("Foundation"). A first name
    that is also an English word ("Grace") may open a name the context makes a person's."""
    if has_org_word(words):
        return False
    parts = [part for word in words for part in word.split("-")]
    english_ok = {0} if first_may_be_english and is_given_name(words[0], strict=True) else set()
    return all(
        continues_name(part) and (index in english_ok or not _is_common(part))
        for index, part in enumerate(parts)
    )


def _is_common(word: str) -> bool:
    return lexicon.is_verb_or_adjective(word) or bool(lexicon.plural_noun_singulars(word))
