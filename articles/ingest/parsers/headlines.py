"""Finding the headline that opens a paragraph: ``Headline: body``, ``Author: Headline. …``.

A salutation (``Dear friend:``) or a byline (``By The Visual Journalism Team:``) before the
colon is not a headline. Without a colon, a Title Case sentence among the first few sentences
(``… inside. 52 Dead in Bangladesh Factory Fire as Workers Locked Inside. …``) is the headline.
"""

import re
from dataclasses import dataclass
from itertools import islice

from articles.ingest.parsers.blocks import capitalised_share, ends_sentence, is_title_case, words
from articles.ingest.parsers.credits import byline_name, is_byline, is_person_name
from articles.ingest.parsers.sentences import (
    first_sentence,
    iter_sentences,
    split_sentences,
    strip_credits,
)

# A headline colon: followed by white space (a no-break space counts), never "http:".
_COLON = re.compile(r":\s+")
_MAX_HEADLINE_CHARS = 250
_MAX_HEADLINE_WORDS = 35
_SALUTATION = re.compile(r"^(?:Dear|Hi|Hello|Hey|Greetings|Good (?:morning|evening))\b", re.I)
_SPEECH_VERBS = r"said|says|told|tells|added|adds|wrote|writes|asked|asks|explained|stated|warned"
_SPEECH = re.compile(rf"\b(?:{_SPEECH_VERBS}|reads)$")
_SPEECH_WORD = re.compile(rf"\b(?:{_SPEECH_VERBS})\b")
_QUOTES = ('"', "“", "‘", "'")
_MAX_KICKER_WORDS = 2
_MIN_BODY_WORDS = 6
_MAX_HEADLINE_PART_WORDS = 6
_TITLE_CASE_SHARE = 0.75
_MAX_SALUTATION_WORDS = 6
_TITLE_CASE_WINDOW = 3  # how many opening sentences may hold a Title Case headline
# What follows a candidate colon is judged on this many characters: enough for a few sentences,
# and it keeps the work per colon bounded however long the paragraph is.
_AFTER_COLON_CHARS = 1000


@dataclass(frozen=True)
class Lead:
    """How a paragraph opens: its headline (None when there is none), the rest, the authors."""

    title: str | None
    rest: str
    authors: tuple[str, ...] = ()


def split_lead(text: str) -> Lead:
    """Split the headline (and an author or salutation) off the front of a paragraph."""
    colon = _headline_colon(text)
    if colon is None:
        return _title_case_lead(text)
    prefix, rest = text[: colon.start()].strip(), text[colon.end() :].strip()
    if _SALUTATION.match(prefix) and len(words(prefix)) <= _MAX_SALUTATION_WORDS:
        return Lead(None, rest)
    if is_byline(prefix):
        name = byline_name(prefix)
        return Lead(None, rest, (name,) if name else ())
    if is_person_name(prefix, max_words=3):
        return _author_lead(prefix, rest)
    return Lead(prefix, rest)


def _headline_colon(text: str) -> re.Match | None:
    """The colon that ends the headline, inside the paragraph's first sentence.

    Inside the first sentence, so that a colon later in the body (``Credit: AP Photo``) is never
    taken for one. A headline may hold colons itself (``Nagorno-Karabakh: Victim of
    Inter-Imperialist Rivalry: …``), so a later colon wins while the text before it still reads
    as headline (see ``_continues_headline``).
    """
    limit = min(len(first_sentence(text)), _MAX_HEADLINE_CHARS)
    found = None
    for match in _COLON.finditer(text, 0, limit + 1):
        prefix = text[: match.start()].strip()
        if not _is_headline_prefix(prefix, _after(text, match)):
            continue
        if found and not _continues_headline(text, found, match):
            break
        found = match
    return found


def _continues_headline(text: str, found: re.Match, later: re.Match) -> bool:
    """Whether the words between two colons still belong to the headline.

    Not when they report speech (``… warnings: One nurse told reporters: "…"``), nor when the
    later colon only introduces a short list that ends the sentence. Yes after a short kicker
    (``Russia:``, ``September 9:``), or when they read as a headline part: Title Case, a
    question or exclamation, or at most six words (``Art, culture, and the struggle``).
    """
    segment, after = text[found.end() : later.start()].strip(), _after(text, later)
    if _SPEECH_WORD.search(segment) or after.startswith(_QUOTES):
        return False
    if len(words(first_sentence(after))) < _MIN_BODY_WORDS:  # "…in three cities: Seville, Jaén."
        return False
    return (
        len(words(text[: found.start()])) <= _MAX_KICKER_WORDS
        or capitalised_share(segment) >= _TITLE_CASE_SHARE
        or segment.endswith(("?", "!"))
        or len(words(segment)) <= _MAX_HEADLINE_PART_WORDS
    )


def _after(text: str, colon: re.Match) -> str:
    return text[colon.end() : colon.end() + _AFTER_COLON_CHARS]


def _is_headline_prefix(prefix: str, rest: str) -> bool:
    """A headline is a short phrase starting with a capital, not ``He said:``, and text follows."""
    return (
        bool(prefix)
        and (prefix[0].isupper() or prefix[0].isdigit() or prefix[0] in "\"“‘'")
        and len(words(prefix)) <= _MAX_HEADLINE_WORDS
        and not _SPEECH.search(prefix)
        and len(words(rest)) >= 3
    )


def _author_lead(author: str, rest: str) -> Lead:
    """``George Monbiot: Headline. Standfirst…``: the headline is the first sentence after."""
    sentences = split_sentences(rest)
    if len(sentences) < 2:
        return Lead(author, rest)  # a name alone before the colon: keep it as the headline
    title = sentences[0].rstrip(" .")
    return Lead(title, rest[len(sentences[0]) :].strip(), (author,))


def _title_case_lead(text: str) -> Lead:
    """A paragraph without a headline colon: a Title Case sentence near the start, or nothing.

    The first sentence counts when all its major words are capitalised (``Dockers Win Pay Deal
    After Six-Week Strike.``); a later one must also keep a little word in lower case
    (``52 Dead in Bangladesh Factory Fire as Workers Locked Inside.``), so that a bare name
    such as ``Credit: AP Photo`` or ``Russian President Vladimir Putin.`` is not taken.
    """
    opening = islice(iter_sentences(strip_credits(text)), _TITLE_CASE_WINDOW)
    for index, sentence in enumerate(opening):
        words_only = sentence.rstrip(".")
        if ends_sentence(sentence) and is_title_case(words_only, need_minor=index > 0):
            rest = " ".join(other for other in split_sentences(text) if other != sentence)
            return Lead(sentence.rstrip(" ."), rest)
    return Lead(None, text)
