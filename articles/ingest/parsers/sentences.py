"""Sentence splitting and derived titles, for items whose dump gives no headline."""

import re

from articles.ingest.parsers.blocks import word_set
from articles.normalise import clean_spaces

TITLE_LIMIT = 120

# A sentence end: closing punctuation, closing quotes, then white space or (glued) a capital.
_CANDIDATE = re.compile(r"[.!?…]+[\"”’)\]]*(?P<space>\s*)(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st lt gen col capt cpt sgt maj prof rev gov sen rep jr sr no vs etc inc co corp"
    " ltd dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec i.e e.g"
)
# Words a clipped title should not end on.
_DANGLING = word_set("a an and as at but by for from in into of on or than that the to with")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")  # "U.S", "J"
_PLAIN_WORD = re.compile(r"^[A-Za-z][a-z'’-]*[a-z]$")  # "fighting", not "PopularResistance"
# Photo credits: "(Reuters/Toby Melville)", "(Carl Recine/Reuters)", "Credit: AP Photo/…".
_PAREN_CREDIT = re.compile(r"\s*\((?=[^()]*\w\s+\w)[A-Z][^()/]*/[^()]*\)\.?")  # 3+ words
_CREDIT_SENTENCE = re.compile(
    r"\b(?:Photo(?:graph)?\s+)?Credit:\s*[^.]*(?:\.\s*|$)|\b(?:Photo|Image|Picture):\s*[^.]*(?:\.\s*|$)",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, also where a full stop is glued to the next sentence."""
    sentences: list[str] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            sentences.append(text[start : match.start("space")].strip())
            start = match.end()
    sentences.append(text[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _is_boundary(text: str, match: re.Match) -> bool:
    """Reject abbreviations, initials and glued dots inside names such as ``Site.Org``."""
    before = text[: match.start()].rsplit(None, 1)
    word = before[-1].strip("\"'“”‘’([") if before else ""
    if not word or word.casefold() in _ABBREVIATIONS or _INITIALS.match(word):
        return False
    if match.group("space"):
        return True
    following = text[match.end() : match.end() + 3].lstrip('"“‘(')
    return bool(_PLAIN_WORD.match(word)) and following[:2].isalpha() and following[1:2].islower()


def strip_credits(text: str) -> str:
    """Remove photo credits, which belong neither in titles nor in sources."""
    return clean_spaces(_CREDIT_SENTENCE.sub(" ", _PAREN_CREDIT.sub("", text)))


def first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0] if sentences else ""


def derive_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title for an item without one: its first sentence, credits removed, clipped cleanly."""
    sentence = first_sentence(strip_credits(text)).rstrip(" .…")
    return clip_words(sentence, limit)


def clip_words(text: str, limit: int = TITLE_LIMIT) -> str:
    """Cut ``text`` to at most ``limit`` characters at a word boundary, without dangling commas."""
    text = clean_spaces(text)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    kept = cut.rstrip(' ,;:–—-("“‘').split(" ")
    while len(kept) > 1 and kept[-1].casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(' ,;:–—-("“‘')
