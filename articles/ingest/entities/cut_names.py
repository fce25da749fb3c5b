"""Person spans the model cut mid-name, completed from the words next to them.

The small model often stops a name one word short: after a particle ("Mark van" of "Mark van
den Oever"), at a hyphen ("Son Woo" of "Son Woo-mok"), before a last surname ("Andrés Manuel
López" of "… López Obrador"), or after the first word ("Oleksandr" and "Prokudin" as two spans).
A span is completed by the adjacent words that ``names.continues_name`` accepts and that are
no place, organisation or credit word. Title Case heading lines are left alone: there every
word is capitalised, so the next word is as likely a verb ("Meloni Meets Starmer"). The model
also cuts places at a particle and takes the rest for a person ("Viana do Castelo").
"""

import re
from collections.abc import Callable, Sequence

from articles.ingest.entities import lexicon, names
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.nonpersons import is_heading, line_at
from articles.ingest.entities.places import is_country_name, is_known_place
from articles.ingest.entities.spans import Span

# " den Oever", " van der Berg": particles, then the capitalised word they lead to.
_PARTICLES_THEN_WORD = re.compile(r"(?: [a-z]{1,4}\b)* [A-Z][\w’'-]+")
# "-mok" of "Son Woo-mok": a hyphen right after the span, then letters.
_HYPHENATED_REST = re.compile(r"-[^\W\d_]+")
# A title before a name, not one that qualifies the next noun ("Chief Magistrate Ana Lima").
_WHOLE_TITLE_BEFORE = re.compile(
    rf"(?<!Chief )(?<!Deputy )(?<!Senior )(?<!Acting )(?<!Assistant )"
    rf"\b(?!Chief\b|Deputy\b|Senior\b|Acting\b|Assistant\b)(?:{names.TITLE_ALTERNATIVES})\.? $"
)
# "Per-" of "Per-Olof Henriksson": a capitalised word and a hyphen right before the span.
_HYPHENATED_START = re.compile(r"\b([A-Z][^\W\d_]+)-$")
# A lower-case word right after the span (a patronymic, see ``names.is_patronymic``).
_NEXT_LOWER_WORD = re.compile(r" ([a-z]+)\b")
_NEXT_WORD = re.compile(r" ([^\W\d_][\w’'ʻ-]*)")
_PREVIOUS_WORD = re.compile(r"([^\W\d_][\w’'ʻ-]*) $")
# A sentence or line ends right before a word: its capital says nothing about a name.
_SENTENCE_END = re.compile(r"(?:[.!?:;”\"]\s+|\n\s*|^\s*)$")
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
# " do Lago", " van der Poel", " dos Santos": a particle that only names use, maybe another,
# then a capitalised word not followed by another (a Title Case run is no name).
_PARTICLE_SURNAME = re.compile(
    r" (?:de|da|di|du|del|della|der|den|van|von|ter|ten|bin|ibn|bint|binti|dos|das|do|wa|i)"
    r"(?: (?:de|la|der|den|van|von|al|el|los|las))?"
    r" (?P<word>[A-Z][^\W\d_]+(?:['’][^\W\d_]+)?(?:-[A-Z][^\W\d_]+)?)"
    r"(?: (?P<second>[A-Z][^\W\d_]+))?(?![\w’'-]| [A-Z])"
)
# " do ", " de la ": particles between a place's first word and a person span.
_PARTICLES_BEFORE = re.compile(r"(?<= )(?:[a-z]{1,4} )+$")
# Initials right before a span, after a lower-case word or a comma: "of KP ", "of K.P. ".
_INITIALS_BEFORE = re.compile(r"(?:\b[a-z]+|,) ((?:[A-Z]\.){1,3}|[A-Z]{2}) $")
# "Ma.", the Filipino abbreviation of Maria, before a first name ("Ma. Theresa Aquino").
_MARIA_BEFORE = re.compile(r"(?<![\w.])Ma\. $")
# Two capitals that are abbreviations of their own, not a person's initials.
_NOT_INITIALS = frozenset({"US", "UK", "EU", "UN", "AU", "AP", "TV", "PM", "MP", "DJ", "GP"})
# Names are at most this many words once completed.
# " al-Mahmood", " bin-Salman": a surname with its Arabic particle right after a span.
_PREFIXED_AFTER = re.compile(
    r" (?:al|Al|el|El|bin|ibn|ad|as|ash|az)-[A-Z][^\W\d_]+(?![\w’'-]| [A-Z])"
)
# A family's name after a patronym: "Mohammed bin Abdulrahman" + " Al Thani".
_PATRONYM_END = re.compile(r"\b(?:bin|ibn|bint) [A-Z][^\W\d_]+$")
_FAMILY_AFTER = re.compile(r" Al [A-Z][^\W\d_]+(?![\w’'-]| [A-Z])")
_PARTICLE_ENDING = re.compile(r" (?:de|da|do|dos|das|del) [A-Z][^\W\d_]+$")
_VERB_OR_COMMA_AFTER = re.compile(r"(?:,| (?:[a-z]+ed|said|says|told|wrote|won|took)\b)")
# What follows a person's full name as the subject of a sentence.
_PERSON_CUE_AFTER = re.compile(
    r"(?:,\s+(?:who|whose|a|an|the)\b|,?\s+(?:said|says|told|became|won|took|ran|led|chairs"
    r"|heads))"
)
# A first name, then a nickname in quotes, right before a span.
_NICKNAME_BEFORE = re.compile(r"\b([A-Z][^\W\d_]+) [\"“][^\"“”\n]{1,25}[\"”] $")
_MAX_WORDS = 5
# A country, demonym or city of the catalog (``Extractor.is_place``).
IsPlace = Callable[[str], bool]


def complete(span: Span, text: str, others: Sequence[Span], is_place: IsPlace) -> Span:
    """``span`` grown over the name words the model left out next to it."""
    if span.label != "PERSON":
        return _after_particle(span, text)
    span = _patronymic(_after_particle(_hyphenated(span, text), text), text)
    span = _hyphenated_first_name(span, text)
    span = _honorific_name(span, text)
    span = _particle_surname(span, text, others)
    span = _nicknamed(span, text)
    span = _prefixed_surname_after(span, text)
    span = _initials_before(span, text, is_place)
    if is_heading(line_at(text, span.start)):
        return span
    # One word each way: the model cuts a name by a word; a longer run is a Title Case phrase.
    grown = _next_word(span, text, others, is_place) or span
    if grown is not span and len(names.strip_leading_titles(span.text).split()) == 1:
        # A first name and two surnames ("Gonzalo Ibáñez Reyes of Banco Santander"): a
        # second word after, when neither is an English verb or adjective (surnames are
        # often nouns: "Reyes", "Cook").
        second = _next_word(grown, text, others, is_place) or _city_surname(grown, text)
        added = text[span.end : second.end].split() if second else []
        if second and not any(lexicon.is_verb_or_adjective(word) for word in added):
            grown = second
    before = grown
    grown = _previous_word(grown, text, others, is_place) or grown
    if grown is not before:
        # A middle name or a second first name taken: one more word when it is a clear first
        # name ("Dieudonné" of "Dieudonné Mbuyi Kalonji", "Ana" of "Ana María Tejerina").
        further = _previous_word(grown, text, others, is_place)
        if further and (
            _plainly_a_first_name(further.text.split()[0])
            or _WHOLE_TITLE_BEFORE.search(text, max(0, further.start - 40), further.start)
        ):  # … or any word after a title ("Father Rommel Sabado Lacsamana")
            grown = further
    if grown is span or len(grown.text.split()) > _MAX_WORDS:
        return span
    # Still followed by a capitalised word: a Title Case run ("The post Orbán Blocks New
    # Sanctions Package appeared"), not a name the model cut.
    after = _NEXT_WORD.match(text, grown.end)
    if after and after.group(1)[0].isupper():
        return _two_surnames(span, grown, text, others, is_place)
    return grown


def _two_surnames(
    span: Span, grown: Span, text: str, others: Sequence[Span], is_place: IsPlace
) -> Span:
    """A first name and two surnames after the span, then a lower-case word ("Juan Eduardo"
    of "Juan Eduardo Vera Sanhueza had"): no English word among those added, which a Title
    Case run has ("Orbán Blocks New Sanctions")."""
    first = span.text.split()[0]
    if _english(first) and not is_given_name(first):
        return span  # "Agronomist Trần": a role the model took in, not a first name
    further = _next_word(grown, text, others, is_place)
    if not further or len(further.text.split()) > _MAX_WORDS:
        return span
    after = _NEXT_WORD.match(text, further.end)
    if after and after.group(1)[0].isupper():
        return span
    added = text[span.end : further.end].split()
    if any(_english(word) or not names.continues_name(word) for word in added):
        return span
    return further


def _prefixed_surname_after(span: Span, text: str) -> Span:
    """ "Yousif Ebrahim" takes the " al-Mahmood" the model left out, "Mohammed bin
    Abdulrahman" the " Al Thani"."""
    match = _PREFIXED_AFTER.match(text, span.end)
    if not match and _PATRONYM_END.search(span.text):
        match = _FAMILY_AFTER.match(text, span.end)
    return _grown(span, text, span.start, match.end()) if match else span


def _nicknamed(span: Span, text: str) -> Span:
    """'Jerwin "Bagyo" Dela Cruz': a first name and a quoted nickname before the surname the
    model tagged belong to the span (``persons.clean_name`` drops the nickname)."""
    match = _NICKNAME_BEFORE.search(text, max(0, span.start - 45), span.start)
    if not match:
        return span
    first = match.group(1)
    if not is_given_name(first) and lexicon.is_english_word(first):
        return span  # 'The "Falcon" …'-like English words lead no name
    return _grown(span, text, match.start(1), span.end)


def _initials_before(span: Span, text: str, is_place: IsPlace) -> Span:
    """ "KP Sharma Oli", "J.K. Rowling": initials before a full name belong to it (the model
    often tags them apart, as a place), unless they are a known abbreviation ("US", "UN")."""
    maria = _MARIA_BEFORE.search(text, max(0, span.start - 4), span.start)
    if maria and is_given_name(span.text.split()[0]):
        return _grown(span, text, maria.start(), span.end)
    match = _INITIALS_BEFORE.search(text, max(0, span.start - 12), span.start)
    if not match or len(span.text.split()) < 2:
        return span
    initials = match.group(1)
    if is_place(initials) or initials.replace(".", "") in _NOT_INITIALS:
        return span
    return _grown(span, text, match.start(1), span.end)


def _grown(span: Span, text: str, start: int, end: int) -> Span:
    return Span(text[start:end], span.label, start, end)


def _after_particle(span: Span, text: str) -> Span:
    """ "Ursula von der", "Mark van" take the particles and the capitalised word after them."""
    if not names.ends_with_particle(span.text):
        return span
    match = _PARTICLES_THEN_WORD.match(text, span.end)
    words = match.group().split()[:-1] if match else []
    if not match or not all(names.is_particle(word) for word in words):
        return span
    return _grown(span, text, span.start, match.end())


def _particle_surname(span: Span, text: str, others: Sequence[Span] = ()) -> Span:
    """ "André Corrêa" takes " do Lago", "Mathieu" " van der Poel": particles, then a capitalised
    word that ends the run. A town's name there is a surname too ("dos Santos"), a country's
    is not ("Marie de France" aside)."""
    match = _PARTICLE_SURNAME.match(text, span.end)
    if not match or is_country_name(match.group("word")):
        return span
    second = match.group("second")
    # The model took the two words for one name ("Santos Lima"): an English word is a surname.
    paired = any(
        (other.start, other.end) == (match.start("word"), match.end("second")) for other in others
    )
    if second and (
        names.has_org_word([second])
        or (lexicon.is_noun(second) and not paired)
        or lexicon.is_verb_or_adjective(second)
        or is_country_name(second)
        or is_known_place(f"{match.group('word')} {second}")
    ):
        return span  # "Maria da Penha Law": a name's two surnames only ("dos Reis Moura")
    return _grown(span, text, span.start, match.end())


def _patronymic(span: Span, text: str) -> Span:
    """ "Makhabat Tazhibek" takes the "kyzy" written after it."""
    match = _NEXT_LOWER_WORD.match(text, span.end)
    if not match or not names.is_patronymic(match.group(1)):
        return span
    return _grown(span, text, span.start, match.end())


def _hyphenated(span: Span, text: str) -> Span:
    match = _HYPHENATED_REST.match(text, span.end)
    return _grown(span, text, span.start, match.end()) if match else span


def _honorific_name(span: Span, text: str) -> Span:
    """ "Hasina" takes the "Sheikh " before it: the honorific and one name are the name
    ("Sheikh Hasina"); before a longer name it is a title ("Sheikh Tamim bin Hamad")."""
    match = names.HONORIFIC_BEFORE.search(text, max(0, span.start - 10), span.start)
    if not match or " " in span.text:
        return span
    return _grown(span, text, match.start(), span.end)


def _hyphenated_first_name(span: Span, text: str) -> Span:
    """ "Olof Henriksson" takes the "Per-" of "Per-Olof": two first names joined by a hyphen
    ("Anti-" or "Pro-" before a surname is a prefix: "anti-Putin" protests)."""
    match = _HYPHENATED_START.search(text, max(0, span.start - 20), span.start)
    first = span.text.split()[0] if span.text.split() else ""
    if not match or not is_given_name(match.group(1), strict=True) or not is_given_name(first):
        return span
    return _grown(span, text, match.start(1), span.end)


def _next_word(span: Span, text: str, others: Sequence[Span], is_place: IsPlace) -> Span | None:
    match = _NEXT_WORD.match(text, span.end)
    if not match:
        return None
    if not _is_name_word(match, others, is_place, town_ok=True) and not _second_surname(
        span, match, text
    ):
        return None
    return _grown(span, text, span.start, match.end(1))


def _city_surname(span: Span, text: str) -> Span | None:
    """A city's name as the second of two surnames after a clear first name, then a verb or a
    comma ("Verónica Sepúlveda Lagos said"): a town is a surname there, a country never."""
    match = _NEXT_WORD.match(text, span.end)
    if not match or not is_given_name(span.text.split()[0], strict=True):
        return None
    word = match.group(1)
    if is_country_name(word) or not names.continues_name(word) or not word[:1].isupper():
        return None
    if not _VERB_OR_COMMA_AFTER.match(text, match.end(1)):
        return None
    return _grown(span, text, span.start, match.end(1))


def _second_surname(span: Span, match: re.Match, text: str) -> bool:
    """A city's name after "particle Surname" is a second surname when a verb or a comma
    follows ("Judge Mário de Souza Albuquerque wrote"): Iberian names carry two."""
    word = match.group(1)
    if not _PARTICLE_ENDING.search(span.text) or is_country_name(word):
        return False
    return bool(_VERB_OR_COMMA_AFTER.match(text, match.end(1)))


def _previous_word(span: Span, text: str, others: Sequence[Span], is_place: IsPlace) -> Span | None:
    """The word before, unless a sentence starts there and it is no known first name, or it is
    a possessive ("Slovakia’s Robert Fico")."""
    match = _PREVIOUS_WORD.search(text, max(0, span.start - 40), span.start)
    first_name = bool(match) and _plainly_a_first_name(match.group(1))
    titled = bool(match) and _titled(match, text)
    if match and (_PERSON_CUE_AFTER.match(text, span.end) or first_name or titled):
        # Before a person's cue, on a clear first name or after a title, the model's place on
        # a word no gazetteer knows is its slip ("Tahmina" tagged GPE in "Tahmina Akhter
        # Chowdhury, who heads …", "Natalia" in "Justice Natalia Ángel Cabo", "Iosefo" NORP in
        # "Captain Iosefo Tuidraki Masi").
        # So is an organisation it ends ("Mexico’s Jesús" tagged ORG before "Alberto Ramírez").
        word = match.group(1)
        if not (is_place(word) or is_known_place(word)):
            others = [o for o in others if not _slip_at(o, match, first_name)]
    if not match or not _is_name_word(match, others, is_place, town_ok=first_name):
        return None
    if re.search(r"[’']s$", match.group(1)) or _heads_the_title(match, text):
        return None
    at_sentence_start = _SENTENCE_END.search(text, max(0, match.start() - 3), match.start())
    # At a sentence's start, a first name the dictionary lacks may still open a sentence about
    # the person: no English word, and a person's cue after ("Tahmina Akhter Chowdhury, who").
    no_person_cue = _english(match.group(1)) or not _PERSON_CUE_AFTER.match(text, span.end)
    if at_sentence_start and not is_given_name(match.group(1), strict=True) and no_person_cue:
        return None
    return _grown(span, text, match.start(1), span.end)


def _slip_at(other: Span, match: re.Match, first_name: bool) -> bool:
    """The model's span of the word alone, or a non-place span that ends with a clear first
    name."""
    start, end = match.start(1), match.end(1)
    if (other.start, other.end) == (start, end):
        return True
    ends_here = other.end == end and other.start < start
    return first_name and ends_here and other.label not in _PLACE_LABELS


def _titled(match: re.Match, text: str) -> bool:
    """A title right before the word: the name starts with it ("Captain Iosefo …")."""
    return bool(names.TITLE_BEFORE.search(text, max(0, match.start() - 40), match.start()))


def _english(word: str) -> bool:
    """An English word or a role ("Leg-spinner", "Curator"): no first name the dictionary
    lacks."""
    return lexicon.is_english_word(word) or names.is_role_noun(word.lower())


def _plainly_a_first_name(word: str) -> bool:
    """A first name that is no English verb or adjective ("Salem", not "Save")."""
    return is_given_name(word, strict=True) and not lexicon.is_verb_or_adjective(word)


def _heads_the_title(match: re.Match, text: str) -> bool:
    """An acronym ("MEC Isaac Sileku") or a portfolio ("Minister for Education Helen McEntee")
    ends the title before a name, not the name: an English noun after "for" or "of" that is no
    first name."""
    word = match.group(1)
    if len(word) >= 3 and word.isupper():
        return True
    after_for = re.search(r"\b(?:for|of) $", text[max(0, match.start() - 4) : match.start()])
    return bool(after_for) and lexicon.is_noun(word) and not is_given_name(word)


def _is_name_word(
    match: re.Match, others: Sequence[Span], is_place: IsPlace, town_ok: bool = False
) -> bool:
    """A capitalised word that may belong to a name: no title, place, organisation or credit
    word, and not inside a place or a longer entity the model tagged. ``town_ok``: a smaller
    town's name may be a name word there ("Vladimir Padrino López", "Salem Humaid AlMarri"):
    the catalog's countries and cities never are."""
    word, start, end = match.group(1), match.start(1), match.end(1)
    if not names.continues_name(word) or not word[:1].isupper():
        return False
    if names.has_org_word([word]) or names.has_credit_word([word]):
        return False
    if is_place(word) or (is_known_place(word) and not town_ok):
        return False
    return not any(_blocks(other, word, start, end) for other in others)


def _blocks(other: Span, word: str, start: int, end: int) -> bool:
    """A tagged place or people, or a longer non-person entity, holds the word ("Fiamē" alone
    tagged ORG beside "Naomi Mataʻafa" does not)."""
    if other.label == "PERSON" or not other.overlaps(start, end):
        return False
    return other.label in _PLACE_LABELS or other.text != word


def ends_a_place(span: Span, text: str, others: Sequence[Span]) -> bool:
    """Whether a person span is the end of a place name the model cut at its particle: "Viana
    do Castelo" tagged "Viana" (GPE) and "Castelo" (PERSON)."""
    particles = _PARTICLES_BEFORE.search(text, max(0, span.start - 12), span.start)
    if not particles or not all(names.is_particle(word) for word in particles.group().split()):
        return False
    place_end = particles.start() - 1  # the space before the particles
    return any(o.label in _PLACE_LABELS and o.end == place_end for o in others)
