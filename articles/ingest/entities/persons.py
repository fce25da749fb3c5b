"""Persons named in an article: clean the NER's PERSON spans, reject non-persons, merge short forms.

The small English model tags places, groups and codes as persons ("Kharkiv", "Marxists", "PS752")
and misses some names; these pure functions turn its raw spans into one ``PersonMention`` per
person, in the fullest form the article gives, with a mention count.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from articles.ingest.entities import (
    cut_names,
    evidence,
    kin,
    lexicon,
    names,
    nonpersons,
    places,
    roles,
    untagged,
    variants,
)
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.spans import Span, find_words, inside_any
from articles.ingest.records import PersonMention

_POSSESSIVE = re.compile(r"[’']s?$")
_INNER_POSSESSIVE = re.compile(r"(?<=\w)[’']s\s")
_PLACE_BEFORE = re.compile(
    r"\b(?:towns?|city|cities|villages?|regions?|provinces?|districts?|port|capital|oblast|county"
    r"|counties|state|parish(?:es)?|municipality|prefecture|governorate|canton|hills|foothills"
    r"|slopes|plains|shores|banks|island|islands|desert) of\s+"
    # … and the place's first words ("the town of Conceição do Mato Dentro")
    r"(?:[A-Z][\w’'-]*\s+(?:(?-i:[a-z]{1,3})\s+)?){0,2}$"
    # A saint's name abbreviated is a place's or a church's ("Sault Ste. Marie", "St. Kitts").
    r"|\b(?-i:Ste?|Sta|Sto)\.\s+$"
    # … and so is a saint's word in full after a lower-case word ("from San Martín Tilcajete";
    # not "Aung San Suu Kyi")
    r"|\b(?-i:[a-z]+)\s+(?-i:San|Santa|Santo|São|Sant|Saint|Sainte)\s+$",
    re.IGNORECASE,
)
_PLACE_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|near|outside|inside|across|around|into|towards?|via|through|from|at)\s+$"
)
_LEADING_JUNK = re.compile(r"^[\s\"'“”‘’«»(\[,.:;-]+")
# Only where the final run starts, possessive: a bare ``[…]+$`` is quadratic on long runs.
_JUNK = r"[\s\"'“”‘’«»)\],.:;!?-]"
_TRAILING_JUNK = re.compile(rf"(?={_JUNK})(?<!{_JUNK}){_JUNK}++$")
_CREDIT_BEFORE = re.compile(r"(?:Credit|Photo|Image|Picture)s?\s*(?:by|via)?\s*:?[^.()]{0,40}$|/$")
# How much text around a span the context checks read. Enough for what they look for, and no
# more, so each check costs the same however long the article is:
# - a credit's lead-in ("Photos by: ") plus the 40 characters _CREDIT_BEFORE allows after it;
_CREDIT_BEFORE_CHARS = 60
# - the "/" or ")" that closes "(Reuters/Toby Melville)", right after the name or one space on;
_CREDIT_AFTER_CHARS = 2
# Two adjacent PERSON spans make at most a name this long when joined.
_MAX_JOINED_WORDS = 5
# A saint's name leads the names of places and churches, rarely a person's in the news.
_SAINT_WORDS = frozenset({"St", "Ste", "Saint", "Sainte", "Sta", "Sto"})
# Abbreviations that lead the next word of a place's name ("Sault Ste. Marie", "Mt. Kenya"): a
# span ending on one is a place cut short, not a person.
_PLACE_ABBREVIATIONS = frozenset({"St", "Ste", "Sta", "Sto", "Mt", "Ft", "Pt"})
# - "province of " (the longest of _PLACE_BEFORE's words) with room for extra spaces.
_PLACE_BEFORE_CHARS = 30
# Junk nests ("“Mr. Putin’s”": quotes, a title, a possessive); each round peels one layer, and
# three peel the deepest nesting a name carries in practice at a fixed cost.
_CLEANING_ROUNDS = 3
# The model's labels of places and buildings.
_PLACE_TAGS = frozenset({"FAC", "GPE", "LOC"})
# A verb of speech after a name, maybe after a comma and an age ("Ana Lima, 34, said").
_SPEAKS = re.compile(r"(?:,[^,.]{1,40},)?\s+(?:said|says|told|added|asked)\b")
# "known as", "nicknamed", "dubbed", maybe with a quotation mark, right before an alias; the
# full name ends at most this many characters before the cue ("…, the RSF commander known as").
_ALIAS_BEFORE = re.compile(r"\b(?:known as|nicknamed|dubbed)\s+[\"“‘']?$")
_ALIAS_CHARS = 60
# What follows a name standing alone, as a person's does: punctuation, a function word or a
# verb ("Norway's Ingrid Landmark Tandrevold finished"), not a noun ("the Johan Castberg field",
# "its Al Boraq high-speed railway").
_FAC_PERSON_AFTER = re.compile(
    r"[,.;:)]|\s(?:and|in|of|at|on|to|for|with|who|said|says|told|won|lost|beat|[a-z]+ed)\b"
)
# Shorter surnames ("Xi", "Li") are too often initials or parts of codes to count occurrences
# the NER did not tag.
_MIN_LOOSE_SURNAME = 3


@dataclass(frozen=True)
class Candidate:
    """A cleaned person name at one place in the text."""

    name: str
    span: Span


# Vietnamese middle names, which a given name always follows ("Nguyễn Văn Thành", "Vàng Thị
# Mai"): a name ending on one is no person's.
_VIETNAMESE_MIDDLE_NAMES = frozenset({"Văn", "Thị"})
# Words of geography that open places' names, not persons' (surnames elsewhere: "Loddo Serra").
_PLACE_FIRST_WORDS = frozenset({"Serra", "Sierra", "Monte", "Cerro", "Puerto", "Porto"})
# Articles that open no surname ("La Russa", "Les Murray" do): "Il Lombardia", "Los Pumas".
_NEVER_NAME_ARTICLES = frozenset({"Il", "Gli", "Los", "Las"})
# Articles of Romance languages opening a restaurant's, a band's or a work's name.
_ARTICLES = frozenset({"La", "Les", "Los", "Las", "Il", "Gli"})  # not "Le", "El": Lê Van, El Hadji
# A nickname in quotes between a first name and a surname.
_INNER_NICKNAME = re.compile(r"(?<=\w) [\"“][^\"“”\n]{1,25}[\"”] (?=[A-Z])")


@lru_cache(maxsize=256)
def clean_name(raw: str) -> str:
    """A span's text without titles, roles, possessives, quotes or trailing punctuation (a pure
    function of the text, asked again for one article's spans by several rules: cached for
    about an article's worth)."""
    text = " ".join(raw.replace("\n", " ").split())
    text = _INNER_NICKNAME.sub(" ", text)  # 'Jerwin "Bagyo" Dela Cruz' → "Jerwin Dela Cruz"
    text = _INNER_POSSESSIVE.split(text, maxsplit=1)[0]  # "Lenin’s Imperialism" → "Lenin"
    text = names.strip_leading_stop_words(text)  # "In Ukraine" → "Ukraine"
    for _ in range(_CLEANING_ROUNDS):
        text = _LEADING_JUNK.sub("", _POSSESSIVE.sub("", text), count=1)
        text = _TRAILING_JUNK.sub("", text, count=1)
        text = names.strip_leading_roles(names.strip_leading_titles(text))
    return text


def is_credit(span: Span, text: str) -> bool:
    """A photo credit ("(Reuters/Toby Melville)", "Credit: AP Photo/…"), not a mention."""
    before = text[max(0, span.start - _CREDIT_BEFORE_CHARS) : span.start]
    after = text[span.end : span.end + _CREDIT_AFTER_CHARS]
    in_parens = "(" in before.rsplit(")", 1)[-1] and after.startswith(("/", ")"))
    return bool(_CREDIT_BEFORE.search(before)) or (in_parens and "/" in before + after)


def rejection(name: str, text: str, is_place: Callable[[str], bool]) -> str | None:
    """Why ``name`` is not a person's name, or None when it is acceptable."""
    tokens = name.split()
    if not tokens or not (name[0].isupper() or _starts_with_particle(tokens)):
        return "empty or lower case"
    if any(ch.isdigit() for ch in name):
        return "code or number"
    if name.isupper() and len(name.replace(".", "")) > 1:
        return "acronym"
    if len(tokens) > 2 and tokens[0] in _ARTICLES:
        return "organisation, work or place"  # "La Milpa de Oro" ("Le Pen" is two words)
    if len(tokens) == 2 and tokens[0] in _NEVER_NAME_ARTICLES:
        return "organisation, work or place"  # "Il Lombardia": no surname opens so
    if len(tokens) > 1 and re.fullmatch(r"[A-HJ-UWYZ]", tokens[-1]):
        return "code or number"  # "Gen Z": an initial has its stop; I, V, X end regnal names
    if len(tokens) > 1 and tokens[0] in _PLACE_FIRST_WORDS:
        return "place or region"  # "Serra Pelada": such a word opens places, ends surnames
    if len(tokens) > 1 and tokens[0].isalpha() and tokens[0].isupper() and len(tokens[0]) >= 4:
        return "acronym"  # an index or a firm led by its acronym ("FTSE Russell")
    if is_place(name) or all(is_place(token) for token in tokens):
        return "place or demonym"
    if name.endswith("s") and is_place(name[:-1]):
        return "plural demonym"  # "Nigeriens", "Papua New Guineans"
    if is_place(tokens[0]) and not is_given_name(tokens[0]) and not _long_foreign_name(tokens):
        return "starts with a place"  # a headline's "Ukraine Encroaches"
    if tokens[0].rstrip(".") in _SAINT_WORDS:
        return "named after a saint"  # "St Elizabeth" parish, "St. Louis", "Saint-Denis"
    if len(tokens) > 1 and tokens[-1].rstrip(".") in _PLACE_ABBREVIATIONS:
        return "place name cut at an abbreviation"  # "Sault Ste" of "Sault Ste. Marie"
    if names.has_org_word(tokens):
        return "organisation, work or event"
    if names.has_credit_word(tokens) or "/" in name:
        return "credit or caption word"  # "Reuters/Ana Lima" is a credit, never a mention
    if names.has_non_name_word(tokens) or any(("n't" in t or "n’t" in t) for t in tokens):
        return "not name-shaped"  # "Hips Don't Lie": a title
    if len(tokens) == 1 and names.is_common_word(name, text):
        return "common word or group"
    if len(tokens) > 5:
        return "too long for a name"
    if len(tokens) > 1 and tokens[-1] in _VIETNAMESE_MIDDLE_NAMES:
        return "no given name after a middle name"  # "Đồng Văn": a district, or a name cut
    return None


def _long_foreign_name(tokens: list[str]) -> bool:
    """A name of three words or more, with a particle inside or no English word after the
    first: a full name whatever its first word ("Wellington Barbosa da Silva")."""
    if len(tokens) < 3:
        return False
    if any(names.is_particle(token) for token in tokens[2:-1]):
        return True  # a surname with its particle after a given name ("Barbosa da Silva")
    return not any(lexicon.is_english_word(token) for token in tokens[1:])


def _starts_with_particle(tokens: list[str]) -> bool:
    """A lone surname with its particles ("de Gaulle", "von der Leyen", "al-Burhan")."""
    if len(tokens) == 1 and names.is_prefixed_surname(tokens[0]):
        return True  # "al-Burhan"
    rest = [token for token in tokens if not names.is_particle(token)]
    return names.is_particle(tokens[0]) and bool(rest) and tokens[-1][0].isupper()


# A lower-case word that joins two names inside one span, never part of a name.
_JOINING_WORD = re.compile(r" (?:and|to|with|or|by|for|from|than|versus|vs\.?) (?=[A-Z])")
# A space, or particles between spaces ("Ana Beatriz" + " dos " + "Santos Lima").
_JOINING = re.compile(
    r" (?:(?:de|da|do|dos|das|del|della|van|von|der|den|la|bin|ibn|binti|wa|i) )*"
)


def _joined(spans: Sequence[Span], text: str) -> list[Span]:
    """Two PERSON spans one space apart are one name the model cut in two ("Mirza Fakhrul" +
    "Islam Alamgir"), up to ``_MAX_JOINED_WORDS`` words."""
    ordered = sorted(spans, key=lambda span: span.start)
    joined: list[Span] = []
    for span in ordered:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == span.label == "PERSON"
            and not last.text.endswith(("’s", "'s"))  # "Fine Gael's" + "Heather Humphreys"
            and _JOINING.fullmatch(text[last.end : span.start])
            and len(last.text.split()) + len(span.text.split()) <= _MAX_JOINED_WORDS
        ):
            joined[-1] = Span(text[last.start : span.end], "PERSON", last.start, span.end)
        else:
            joined.append(span)
    return joined


def _split_lines(spans: Sequence[Span]) -> list[Span]:
    """Spans cut at line breaks: a caption "Marc" above "Marc. Image via …" is two names; and
    person spans cut at a lower-case word joining two names ("Harahap to Pramoedya Ananta
    Toer", "Ana Lima and Tomás Vega")."""
    result = []
    for span in spans:
        offset = span.start
        for part in span.text.split("\n"):
            if part.strip():
                result.extend(_split_joined(Span(part, span.label, offset, offset + len(part))))
            offset += len(part) + 1
    return result


def _split_joined(span: Span) -> list[Span]:
    if span.label != "PERSON" or not _JOINING_WORD.search(span.text):
        return [span]
    parts, offset = [], 0
    for match in [*_JOINING_WORD.finditer(span.text), None]:
        end = match.start() if match else len(span.text)
        part = span.text[offset:end]
        if part[:1].isupper():
            start = span.start + offset
            parts.append(Span(part, span.label, start, start + len(part)))
        offset = match.end() if match else end
    return parts


# Why a name found at a span of the text is never a person's (``nonpersons``), or None.
NeverPerson = Callable[[str, Span, str], str | None]


def no_rule(name: str, span: Span, text: str) -> None:
    return None


def candidates(
    spans: Sequence[Span],
    text: str,
    is_place: Callable[[str], bool],
    never: NeverPerson = no_rule,
) -> list[Candidate]:
    """Accepted person names: PERSON spans (without a role opening the sentence) plus names
    recovered from the tail of ORG spans, each completed where the model cut it short
    (``cut_names``)."""
    found: dict[tuple[int, int], Candidate] = {}
    not_persons: set[str] = set()  # names the text shows are something else, at some mention
    untagged_spans = [*untagged.name_spans(text, spans), *untagged.introduced_names(text, spans)]
    for span in [*_split_lines(_joined(spans, text)), *untagged_spans]:
        if span.label == "PERSON":
            raw = roles.after_role(span, text) or span
        elif span.label in names.RECOVERABLE_LABELS and (tail := _person_tail(span, text)):
            raw = tail
        else:
            continue
        raw = cut_names.complete(raw, text, spans, is_place)
        if cut_names.ends_a_place(raw, text, spans):
            continue
        name = nonpersons.heading_trimmed(clean_name(raw.text), raw, text)
        name = _without_leading_demonym(name, is_place)
        if not name:
            continue
        if _PLACE_BEFORE.search(text[max(0, raw.start - _PLACE_BEFORE_CHARS) : raw.start]):
            continue
        if names.has_org_word(raw.text.split()):  # before cleaning cuts "People's Republic"
            not_persons.add(clean_name(raw.text))
            continue
        if is_credit(raw, text) or rejection(name, text, is_place) is not None:
            continue
        if _tagged_as_place_elsewhere(name, raw, spans, text):
            continue
        if never(name, raw, text) is None:
            found.setdefault((raw.start, raw.end), Candidate(name, raw))
        else:
            not_persons.add(name)
    for span in kin.kin_spans(text):
        taken = any(c.span.overlaps(span.start, span.end) for c in found.values())
        if not taken and _kin_name_ok(span, text, never):
            found[(span.start, span.end)] = Candidate(clean_name(span.text), span)
    return [c for c in found.values() if not _another_sense(c.name, not_persons, text)]


def _kin_name_ok(span: Span, text: str, never: "NeverPerson") -> bool:
    """A relative's name after a word of kinship: the usual rejections, except that a city's
    name is a first name here ("her brother Santiago"); a country's still is not."""
    name = clean_name(span.text)
    if not name or names.has_org_word(name.split()) or is_credit(span, text):
        return False
    if rejection(name, text, places.is_country_name) is not None:
        return False
    return never(name, span, text) is None


def _another_sense(name: str, not_persons: set[str], text: str) -> bool:
    """One name, one sense in an article: a name shown at another mention to be a company's,
    a place's or a longer organisation's start ("Saryarka Copper, a company"; "Mubarak
    al-Kabeer" of "Mubarak al-Kabeer Port") is that here too, unless it speaks somewhere."""
    if not any(other == name or other.startswith(name + " ") for other in not_persons):
        return False
    return not any(_speaks(name, text, start) for start in _starts(name, text))


def _speaks(name: str, text: str, start: int) -> bool:
    """A verb of speech after the name, not after an organisation's apposition ("Bolt, the
    Estonian ride-hailing company, said")."""
    end = start + len(name)
    return bool(_SPEAKS.match(text, end)) and not nonpersons.organisation_apposition(text, end)


def _tagged_as_place_elsewhere(name: str, raw: Span, spans: Sequence[Span], text: str) -> bool:
    """A name of several words that the model tags a place or a building at another mention,
    and that never speaks ("a stadium at Victoria Park", "Sylvia Park shopping centre"): the
    model's PERSON on one mention is its slip. One-word names are left alone: the model tags
    surnames as places too often ("Babiš" as GPE)."""
    if " " not in name:
        return False
    elsewhere = [
        span
        for span in spans
        if span.label in _PLACE_TAGS and span.text == name and not span.overlaps(raw.start, raw.end)
    ]
    if not elsewhere:
        return False
    return not any(_SPEAKS.match(text, start + len(name)) for start in _starts(name, text))


def _starts(name: str, text: str) -> list[int]:
    return [match.start() for match in re.finditer(re.escape(name), text)]


def _person_tail(span: Span, text: str) -> Span | None:
    """A person's name ending a non-person span: after a known first name, or after the role
    noun opening the sentence ("Farmer Ana Lima"). A whole span the model called an
    organisation is no person's name after a preposition of place ("through Kerem Shalom")."""
    tail = names.person_tail(span)
    if not tail and span.label == "FAC" and _FAC_PERSON_AFTER.match(text, span.end):
        # A full name the model took for a building, standing alone as a person's does
        # ("Agnes Nabulo Wekesa, who farms"; not "the Johan Castberg field").
        tail = names.person_tail(Span(span.text, "ORG", span.start, span.end))
    if (
        tail
        and tail.start == span.start
        and _PLACE_PREPOSITION_BEFORE.search(
            text, max(0, span.start - _PLACE_BEFORE_CHARS), span.start
        )
    ):
        tail = None
    return tail or roles.after_role(span, text)


def _without_leading_demonym(name: str, is_place: Callable[[str], bool]) -> str:
    """ "Dane Jonas Vingegaard" → "Jonas Vingegaard": a demonym or country before a clear first
    name and a surname says where the person is from ("Dane Cook" stays: no first name follows)."""
    tokens = name.split()
    if len(tokens) > 2 and is_place(tokens[0]) and is_given_name(tokens[1], strict=True):
        return " ".join(tokens[1:])
    return name


def _promoted(
    spans: Sequence[Span],
    found: list[Candidate],
    text: str,
    is_place: Callable[[str], bool],
    never: "NeverPerson" = no_rule,
) -> list[Candidate]:
    """Name-shaped spans the model mislabelled, ending in a person's surname found elsewhere
    ("Toomaj Salehi" tagged ORG, "Salehi" tagged PERSON), or in the surname of a person of the
    article, as relatives' names do ("Thaksin Shinawatra" tagged NORP beside "Paetongtarn
    Shinawatra")."""
    surnames = {c.name.split()[-1] for c in found}
    taken = [c.span for c in found]
    promoted = []
    for span in spans:
        if span.label == "PERSON" or inside_any(taken, span.start, span.end):
            continue
        name = clean_name(span.text)
        tokens = name.split()
        if not (2 <= len(tokens) <= 3 and tokens[-1] in surnames):
            continue
        if rejection(name, text, is_place) is not None or names.has_org_word(tokens):
            continue
        # Judged where the name stands, as any name is ("the Debre Berhan Selassie church").
        at = name_span(Candidate(name, span))
        if never(name, Span(name, span.label, *at), text) is None:
            promoted.append(Candidate(name, span))
    return promoted


def _full_form(name: str, fuller: Sequence[str]) -> str:
    """The longest name in ``fuller`` that ``name`` is a short form of, else ``name``: its first
    or last part, or its first and last words ("John Mahama" of "John Dramani Mahama"); a lone
    word inside exactly one longer name joins it ("Lula" of "Luiz Inácio Lula da Silva")."""
    tokens = name.split()
    longer = [other for other in fuller if len(other.split()) > len(tokens)]
    matches = [other for other in longer if _short_form_of(tokens, other.split())]
    if not matches and len(tokens) == 1:
        inner = [other for other in longer if tokens[0] in other.split()[1:-1]]
        # Forms of one person count once ("Ajahn Boonlert Khemacaro" of "Phra Ajahn …").
        inner = [
            one
            for one in inner
            if not any(
                len(two) > len(one) and _short_form_of(one.split(), two.split()) for two in inner
            )
        ]
        matches = inner if len(inner) == 1 else []
    return max(matches, key=lambda other: len(other.split()), default=name)


def _short_form_of(tokens: list[str], other: list[str]) -> bool:
    size = len(tokens)
    if variants.variant_key(" ".join(other[-size:])) == variants.variant_key(" ".join(tokens)):
        return True
    if size == 1 and names.is_prefixed_surname(other[-1]):  # "Assad" of "Bashar al-Assad"
        return variants.variant_key(other[-1].split("-", 1)[1]) == variants.variant_key(tokens[0])
    if other[:size] == tokens:
        return True
    return size >= 2 and other[0] == tokens[0] and other[-1] == tokens[-1]


def _fold_variants(names_: Sequence[str]) -> dict[str, str]:
    """Each name → the first name (fullest first) spelled the same way by ``variant_key``:
    "Volodymyr Zelensky" joins "Volodymyr Zelenskyy" in one article."""
    first: dict[str, str] = {}
    return {name: first.setdefault(variants.variant_key(name), name) for name in names_}


def _loose_mentions(surname: str, text: str, taken: Sequence[Span]) -> list[tuple[int, int]]:
    """Occurrences of a surname the NER did not tag as a person ("denied Bodaghi the right")."""
    if len(surname) < _MIN_LOOSE_SURNAME:
        return []
    found = ((start, start + len(surname)) for start in find_words(surname, text))
    return [(start, end) for start, end in found if not inside_any(taken, start, end)]


def name_span(candidate: Candidate) -> tuple[int, int]:
    """Where the cleaned name is written inside its raw span ("Mr. Putin’s" → "Putin")."""
    span, tokens = candidate.span, candidate.name.split()
    at = span.text.find(candidate.name)
    if at >= 0:
        return span.start + at, span.start + at + len(candidate.name)
    first, last = span.text.find(tokens[0]), span.text.rfind(tokens[-1])
    if 0 <= first <= last:  # white space inside the name differs ("Ursula  von der Leyen")
        return span.start + first, span.start + last + len(tokens[-1])
    return span.start, span.end


def find_persons(
    spans: Sequence[Span],
    text: str,
    is_place: Callable[[str], bool],
    never: NeverPerson = no_rule,
) -> list[Candidate]:
    """Every accepted person name with its span, including promoted mislabelled spans."""
    found = candidates(spans, text, is_place, never)
    # Cut at line breaks first: a span across a heading and the body is two ("Suzuka\n\nRen …").
    return found + _promoted(_split_lines(spans), found, text, is_place, never)


def without_aliases(found: Sequence[Candidate], text: str) -> list[Candidate]:
    """The candidates less a one-word alias given right after a full name ("Mohamed Hamdan
    Dagalo, known as Hemedti"): the same person, whom the full name already stands for. Only
    where every mention of the alias is so introduced; alone elsewhere it is kept."""
    full_ends = [c.span.end for c in found if " " in c.name]
    aliases = set()
    for candidate in found:
        if " " in candidate.name or candidate.name in aliases:
            continue
        mentions = [c for c in found if c.name == candidate.name]
        if all(_introduced_as_alias(c.span.start, full_ends, text) for c in mentions):
            aliases.add(candidate.name)
    return [c for c in found if c.name not in aliases]


def _introduced_as_alias(start: int, full_ends: Sequence[int], text: str) -> bool:
    before = text[max(0, start - _ALIAS_CHARS) : start]
    if not (match := _ALIAS_BEFORE.search(before)):
        return False
    cue = start - len(before) + match.start()
    return any(cue - _ALIAS_CHARS <= end <= cue for end in full_ends)


def mentions_from(
    found: Sequence[Candidate],
    spans: Sequence[Span],
    text: str,
    locate: evidence.Locate | None = None,
) -> tuple[PersonMention, ...]:
    """Merge candidates into persons: short forms join the fullest name; mentions counted.

    ``locate`` maps a span of ``text`` to the field it is written in (``evidence.FieldMap``):
    with it, each person carries the evidence of its mentions.
    """
    distinct = sorted({c.name for c in found}, key=lambda n: -len(n.split()))
    folded = _fold_variants(distinct)
    full = {name: folded[_full_form(name, distinct)] for name in distinct}
    # Follow the chain: "Mayet" → "Ángel Luis Mayet" (a heading) → "Ángel Luis Mayet Garbey".
    for name in distinct:
        seen = {name}
        while full[name] not in seen:
            seen.add(full[name])
            full[name] = full[full[name]]
    places: dict[str, list[tuple[int, int]]] = {}
    for candidate in found:
        places.setdefault(full[candidate.name], []).append(name_span(candidate))
    taken = [c.span for c in found] + [s for s in spans if s.label == "PERSON"]
    for person, where in places.items():
        if len(person.split()) > 1:
            where += _loose_mentions(person.split()[-1], text, taken)
    ordered = sorted(places, key=lambda person: -len(places[person]))
    return tuple(
        PersonMention(
            person, len(places[person]), evidence=evidence.collect(locate, places[person])
        )
        for person in ordered
    )
