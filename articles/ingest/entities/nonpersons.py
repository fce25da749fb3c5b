"""Names that are never persons, by what they are and by how the text uses them.

``persons.rejection`` judges a name on its own; these rules also read the text around it:
- an outlet (the Source registry, plus the reviewed ``data/news_outlets.txt``);
- a place: a town or region of ``places.place_names`` written as a whole name ("Chasov Yar"),
  or a one-word town after a word of place ("from Vicenza", "near Clinton");
- a member of a list whose head noun says what it is ("cities like Chasov Yar", "companies such
  as Ukrnafta and Energoatom");
- an organisation glossed by its translation ("Sotsialnyi Rukh or “Social Movement”");
- a lone word after "the" ("the Elysée", "the Sabbath", "the Moon"): persons take no article;
- a word of a Title Case heading line that the article never uses elsewhere ("Keys to Decode");
- a plural in a list of plurals ("the Bidens, Starmers, Macrons, and Von der Leyens").
"""

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.names import has_org_word
from articles.ingest.entities.places import place_names, region_names, subdivision_names
from articles.ingest.entities.spans import Span
from articles.normalise import name_key

OUTLETS_FILE = Path(__file__).with_name("data") / "news_outlets.txt"
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|outside|from|into|across|around|towards?|across|via)\s+$", re.IGNORECASE
)
_LIST_HEAD = re.compile(
    r"\b(?i:cities|towns|villages|regions|provinces|places|areas|countries|companies|firms"
    r"|corporations|outlets|newspapers|papers|magazines|channels|media|groups|organi[sz]ations"
    r"|parties|movements|unions|banks|brands|bands|ships|vessels|websites|sites|platforms)"
    r"\s+(?i:like|such as|including)\s+(?:[A-Z][\w’'-]*+[ ,]*(?:and |or )?)*$"
)
_GLOSS_AFTER = re.compile(r"^\s*(?:\(|,?\s+or\s+)[“\"‘']?(?P<gloss>[A-Z][^”\")]{1,60})")
_THE_BEFORE = re.compile(r"\bthe\s+[“\"‘']?$", re.IGNORECASE)
_PLURAL_LIST_BEFORE = re.compile(r"(?:\b[A-Z][\w’'-]*s,\s+)+(?:and\s+)?$")
_PLURAL_LIST_AFTER = re.compile(r"^,\s+(?:and\s+)?[A-Z][\w’'-]*s\b")
# How far back the context rules read: enough for a list head and a few items.
_BEFORE_CHARS = 80
_AFTER_CHARS = 70
# A heading line has at most this many words and most of them capitalised.
_HEADING_WORDS = 10
_HEADING_CAPITALISED = 0.6


@cache
def reviewed_outlets() -> tuple[str, ...]:
    """The reviewed list of news outlets (``data/news_outlets.txt``)."""
    lines = OUTLETS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def outlet_keys(outlets: Iterable[str]) -> frozenset[str]:
    """Name keys of outlets with and without a leading "The" ("The Guardian", "Guardian")."""
    keys = set()
    for outlet in (*reviewed_outlets(), *outlets):
        keys.add(name_key(outlet))
        keys.add(name_key(re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)))
    keys.discard("")
    return frozenset(keys)


def lexicon_reason(name: str, outlets: frozenset[str]) -> str | None:
    """Why a name alone is no person's: an outlet, or a town or region of two or more words."""
    if name_key(name) in outlets:
        return "news outlet"
    first = name.split()[0]
    if name in region_names() or (" " in name and name in subdivision_names()):
        return "place or region"
    # A town may carry a person's name ("Benito Juárez"): a first name makes it a person's.
    if " " in name and name in place_names() and not is_given_name(first, strict=True):
        return "place or region"
    return None


def context_reason(name: str, span: Span, text: str) -> str | None:
    """Why the text around ``span`` (where ``name`` was found) shows it is no person."""
    before = text[max(0, span.start - _BEFORE_CHARS) : span.start]
    after = text[span.end : span.end + _AFTER_CHARS]
    single = " " not in name
    if single and name in place_names() and _LOCATIVE_BEFORE.search(before):
        return "place or region"
    if _LIST_HEAD.search(before):
        return "listed as a place or organisation"
    if (gloss := _GLOSS_AFTER.match(after)) and has_org_word(gloss["gloss"].split()):
        return "organisation, glossed"
    if single and _with_article(name, span, text, before):
        return "a thing with an article"
    if name.endswith("s") and _in_plural_list(before, after):
        return "plural of a name"
    if _heading_only(name, span, text):
        return "heading fragment"
    return None


def _with_article(name: str, span: Span, text: str, before: str) -> bool:
    """ "the Elysée": the word follows "the" here and wherever else the article writes it."""
    if not (_THE_BEFORE.search(before) or span.text.lower().startswith("the ")):
        return False
    for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        if not _THE_BEFORE.search(text[max(0, match.start() - 10) : match.start()]):
            return False
    return True


def _in_plural_list(before: str, after: str) -> bool:
    return bool(_PLURAL_LIST_BEFORE.search(before) or _PLURAL_LIST_AFTER.match(after))


def _heading_only(name: str, span: Span, text: str) -> bool:
    """A name on a short Title Case line, that the article never writes outside such lines."""
    if not is_heading(line_at(text, span.start)):
        return False
    tokens = name.split()
    if len(tokens) > 1 and is_given_name(tokens[0], strict=True):
        return False  # "Marc Smith Dies at 90": a full name is a name, heading or not
    pattern = rf"(?<!\w){re.escape(tokens[-1])}(?!\w)"
    return all(is_heading(line_at(text, m.start())) for m in re.finditer(pattern, text))


def line_at(text: str, index: int) -> str:
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    return text[start : len(text) if end < 0 else end]


def is_heading(line: str) -> bool:
    """A short line, not ending a sentence, whose longer words are mostly capitalised."""
    words = line.split()
    if not 2 <= len(words) <= _HEADING_WORDS or line.rstrip().endswith((".", "”", '"')):
        return False
    long_words = [word for word in words if len(word) > 3] or words
    capitalised = sum(word[:1].isupper() for word in long_words)
    return capitalised / len(long_words) >= _HEADING_CAPITALISED
