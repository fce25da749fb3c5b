"""Who wrote an item and who first published it: bylines, author suffixes, datelines.

These are cheap textual cues; deciding which names are people (and not outlets) for good is
the entity stage's job, so the filters here only keep obvious non-persons out.
"""

import re

from articles.ingest.parsers.blocks import word_set
from articles.normalise import clean_spaces, name_key

# Latin letters with their accents: Latin-1 and Latin Extended-A ("Wiśniewska", "Sokołowski"),
# with one capital inside ("McIntosh", "DeSantis").
_NAME_WORD = (
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž]+)?(?:['’-][A-Za-zÀ-ÖØ-öø-ž]+)*"
)
# "al-Qahtani", "bin-Talal": a surname with its Arabic particle.
_PREFIXED_NAME_WORD = rf"(?:al|el|bin|ibn|ad|as|ash|at|az|ud|ul)-{_NAME_WORD}"
_PARTICLES = word_set("de da di del della der van von le la al el bin ibn")
# Words that mark a group, an outlet or a headline kicker rather than a person.
_NOT_NAME_WORDS = word_set(
    """the a an news breaking update live exclusive analysis opinion comment editorial interview
    video watch report review podcast explainer letters letter photos world team staff desk agency
    press media times post radio union party council ministry government network journal daily
    weekly service services editors editor reporters newsroom international national federation
    committee association institute center centre foundation group league movement bureau"""
)
_OUTLET_WORDS = word_set("radio news press agency staff service team media network times")
# "Kabul, Afghanistan (CNN)", "LONDON (Reuters) -": a place (upper case, or "City, Country"),
# then the outlet in brackets (no slash: "(Reuters/Toby Melville)" is a photo credit).
_PLACE_WORDS = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}"
_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*|{_PLACE_WORDS}(?:, {_PLACE_WORDS}){{1,2}})\s*"
    r"\((?P<outlet>[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,2})\)\s*[-–—:]?\s*"
)
# "TAIPEI, Taiwan – ": an upper-case place, a dash, no outlet. The place classes hold spaces
# that the dash's spaces also match, so they are bounded to keep the backtracking linear.
_PLACE_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,80}(?:, [A-Z][\w .'’-]{1,80})?\s++[-–—]\s+")
# A dash between spaces before the author's name; a hyphen inside the name joins its parts
# ("- Adaeze Okonkwo-Bello"). The last such dash counts.
_SUFFIX_DASH = re.compile(r"\s+[-–—]\s+")
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’ -]{0,60}?)\s*+\.?$")
_NAMES = rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,2}}"
_REPORT_CREDIT = re.compile(
    rf"(?:^|[.!?…]\s+)(?P<names>{_NAMES}(?:(?:, | and ){_NAMES})*) (?:reports?|writes?)\.?$"
)
_WRITES_CREDIT = re.compile(rf",? writes (?P<names>{_NAMES})\.?$")


def is_person_name(text: str, min_words: int = 2, max_words: int = 4) -> bool:
    """Looks like a personal name: 2–4 capitalised words (particles allowed), no group words."""
    tokens = clean_spaces(text).split()
    if not min_words <= len(tokens) <= max_words:
        return False
    if any(token.casefold().strip(".") in _NOT_NAME_WORDS for token in tokens):
        return False
    return all(
        re.fullmatch(_NAME_WORD, token)
        or re.fullmatch(_PREFIXED_NAME_WORD, token)
        or re.fullmatch(r"[A-Z]\.|[A-Z]{2,3}", token)
        or (token in _PARTICLES and 0 < index < len(tokens) - 1)
        for index, token in enumerate(tokens)
    )


def is_outlet_name(author: str, outlet: str | None) -> bool:
    """An outlet credited as author ("authored by Radio Free Asia") is not a person."""
    if outlet and name_key(author) == name_key(outlet):
        return True
    return any(word.casefold() in _OUTLET_WORDS for word in author.split())


def byline_name(text: str) -> str | None:
    """``By HG`` → ``HG``; a team or outlet in the byline gives None."""
    match = _BYLINE.match(clean_spaces(text))
    if not match:
        return None
    name = match.group("name").strip()
    return name if is_person_name(name, min_words=1) else None


def is_byline(text: str) -> bool:
    """A short ``By …`` credit line, person or not (``By The Visual Journalism Team``)."""
    match = _BYLINE.match(clean_spaces(text))
    return bool(match) and len(match.group("name").split()) <= 6 and "," not in text


def split_author_suffix(headline: str) -> tuple[str, str | None]:
    """``A call to action - Jeremy Galloway`` → the headline and the author, when it is a name."""
    dashes = list(_SUFFIX_DASH.finditer(headline.rstrip()))
    if not dashes:
        return headline, None
    last = dashes[-1]
    title, name = headline[: last.start()], headline[last.end() :].rstrip()
    if not title.strip() or not name:
        return headline, None
    # Three words, or four with a particle ("Marta Ruiz de Velasco").
    longest = 4 if any(token in _PARTICLES for token in name.split()) else 3
    if is_person_name(name, max_words=longest):
        return title, name
    return headline, None


def credited_authors(text: str) -> tuple[str, ...]:
    """Names credited at the end of a standfirst: ``… X and Y report``, ``…, writes X.``"""
    text = clean_spaces(text)
    match = _REPORT_CREDIT.search(text) or _WRITES_CREDIT.search(text)
    if not match:
        return ()
    names = re.split(r", | and ", match.group("names"))
    return tuple(name for name in names if is_person_name(name))


def dateline_outlet(text: str) -> str | None:
    """The outlet of a dateline such as ``Kabul, Afghanistan (CNN)``; photo credits do not count."""
    match = _DATELINE.match(clean_spaces(text))
    return match.group("outlet") if match else None


def strip_dateline(text: str) -> str:
    """The text without a leading dateline (``Kabul, Afghanistan (CNN)``, ``TAIPEI, Taiwan –``)."""
    text = clean_spaces(text)
    return _PLACE_DATELINE.sub("", _DATELINE.sub("", text, count=1), count=1)


def merge_names(*groups: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Names in order of appearance, each once (compared by normalised key)."""
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name_key(name), name)
    return tuple(seen.values())
