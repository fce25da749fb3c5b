"""Sentence splitting and derived titles, for items whose dump gives no headline."""

import re
from collections.abc import Iterator

from articles.ingest.parsers.blocks import word_set
from articles.normalise import clean_spaces

TITLE_LIMIT = 120
_TITLE_WINDOW = 8

# Longer "words" before a full stop are URLs or junk: never an abbreviation, initials or a word
# glued to the next sentence; looking no further back keeps each candidate's check bounded.
_MAX_WORD_CHARS = 64
# A sentence end: closing punctuation, closing quotes, then white space or (glued) a capital.
# Linear time: a candidate starts only where a run of end marks starts (the first lookbehind),
# and the runs are possessive, so a line of 40,000 dots is one attempt, not 40,000 backtracking
# ones. A glued end ("fighting.Thousands") is only a candidate after a lower-case letter, a
# quote or a space and a word of at most 64 characters (``glue``), which ``_is_boundary``
# requires anyway; so "A.A.A.…" gives no candidates to check one by one in Python.
_CANDIDATE = re.compile(
    r"(?=[.!?…])(?<![.!?…])"  # the lookahead first: most positions fail on it at once
    rf"(?:(?<=[a-z\"'“”‘’(\[\s])(?<!\S{{{_MAX_WORD_CHARS + 1}}})(?P<glue>))?"
    r"[.!?…]++[\"”’)\]]*+(?P<space>\s*+)(?(glue)|(?<=\s))(?=[\"“‘(]?[A-Z0-9])"
)
_ABBREVIATIONS = word_set(
    "mr mrs ms dr st ste mt ft lt gen col capt cpt sgt maj prof rev gov sen rep jr sr no vs etc"
    " inc co corp ltd dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec i.e e.g"
)
# Words a clipped title should not end on.
_DANGLING = word_set("a an and as at but by for from in into of on or than that the to with")
# Where a clause ends inside a sentence: ", " "; " ": " and a spaced dash.
_CLAUSE_END = re.compile(r"[,;:](?= )| [–—-](?= )")
_CLIPPED_TAIL = ' ,;:–—-("“‘'
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")  # "U.S", "J"
_PLAIN_WORD = re.compile(r"^[A-Za-z][a-z'’-]*[a-z]$")  # "fighting", not "PopularResistance"
# Photo credits: "(Reuters/Toby Melville)", "(Carl Recine/Reuters)", "Credit: AP Photo/…".
# At a run of spaces' start only (lookbehind), so a long run is not rescanned from each space.
_PAREN_CREDIT = re.compile(  # 3+ words
    r"(?=[\s(])(?<!\s)\s*+\((?=[^()]*\w\s+\w)[A-Z][^()/]*/[^()]*\)\.?"
)
_CREDIT_SENTENCE = re.compile(
    r"\b(?:Photo(?:graph)?\s+)?Credit:\s*[^.]*(?:\.\s*|$)|\b(?:Photo|Image|Picture):\s*[^.]*(?:\.\s*|$)",
    re.IGNORECASE,
)


def split_sentences(text: str) -> list[str]:
    """Split prose into sentences, also where a full stop is glued to the next sentence."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[str]:
    """The sentences of ``text`` one by one (non-empty), so a caller may stop early."""
    start = 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            if sentence := text[start : match.start("space")].strip():
                yield sentence
            start = match.end()
    if sentence := text[start:].strip():
        yield sentence


def _is_boundary(text: str, match: re.Match) -> bool:
    """Reject abbreviations, initials and glued dots inside names such as ``Site.Org``."""
    word = _word_before(text, match.start())
    if word is None:
        return bool(match.group("space"))
    word = word.strip("\"'“”‘’([")
    if not word or word.casefold() in _ABBREVIATIONS or _INITIALS.match(word):
        return False
    if match.group("space"):
        return True
    following = text[match.end() : match.end() + 3].lstrip('"“‘(')
    return bool(_PLAIN_WORD.match(word)) and following[:2].isalpha() and following[1:2].islower()


def _word_before(text: str, end: int) -> str | None:
    """The white-space-delimited word ending before ``end`` ("" at the start of the text), or
    None when it is longer than ``_MAX_WORD_CHARS``."""
    while end > 0 and text[end - 1].isspace():
        end -= 1  # each run of spaces precedes at most one candidate: linear overall
    parts = text[max(end - _MAX_WORD_CHARS - 1, 0) : end].rsplit(None, 1)
    word = parts[-1] if parts else ""
    return None if len(word) > _MAX_WORD_CHARS else word


def strip_credits(text: str) -> str:
    """Remove photo credits, which belong neither in titles nor in sources."""
    return clean_spaces(_CREDIT_SENTENCE.sub(" ", _PAREN_CREDIT.sub("", text)))


def first_sentence(text: str) -> str:
    return next(iter_sentences(text), "")


def derive_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title for an item without one: its first sentence, credits removed, clipped cleanly.

    The sentence is looked for in the first ``_TITLE_WINDOW * limit`` characters: a longer
    one is clipped to ``limit`` all the same, and the search stays bounded.
    """
    window = strip_credits(text)[: _TITLE_WINDOW * limit]
    return clip_words(first_sentence(window).rstrip(" .…"), limit)


def clip_words(text: str, limit: int = TITLE_LIMIT) -> str:
    """Cut ``text`` to at most ``limit`` characters: at the last clause boundary (comma, colon,
    semicolon, dash) in its second half, else at a word boundary marked with "…", so a title
    never stops mid-phrase as if it were whole."""
    text = clean_spaces(text)
    if len(text) <= limit:
        return text
    clauses = [
        m.start() for m in _CLAUSE_END.finditer(text, 0, limit + 1) if m.start() >= limit // 2
    ]
    if clauses:
        return text[: clauses[-1]].rstrip(_CLIPPED_TAIL)
    room = limit - 1  # for the "…"
    cut = text[: room + 1].rsplit(" ", 1)[0] if " " in text[:room] else text[:room]
    kept = cut.rstrip(_CLIPPED_TAIL).split(" ")
    while len(kept) > 1 and kept[-1].casefold() in _DANGLING:
        kept.pop()
    return " ".join(kept).rstrip(_CLIPPED_TAIL) + "…"
