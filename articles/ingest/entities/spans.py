"""Entity spans as the extractors see them: plain values, independent of spaCy's types."""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_WORD_CHAR = re.compile(r"\w")
# Right before the first word of a sentence or line: a sentence's end or a line break, then any
# bullet, dash, quote or bracket. The full stop of an initial or a title ("J. Trump", "Mr.
# Grant") ends no sentence.
_SENTENCE_START_BEFORE = re.compile(
    r"(?:^|(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|St|Sr|Jr|Lt))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col|Rev))"
    r"(?<!\bProf)[.!?][”\"’']?\s|\n)[\s•*·–—\"“‘'(-]*$"
)
# Enough to see the end of the sentence before, past a bullet and a quote.
_SENTENCE_START_CHARS = 8


@dataclass(frozen=True)
class Span:
    """A labelled stretch of text: ``text == source[start:end]``."""

    text: str
    label: str
    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def spans_from_doc(doc) -> tuple[Span, ...]:
    """The named entities of a spaCy ``Doc`` as ``Span`` values."""
    return tuple(Span(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents)


def inside_any(spans: Iterable[Span], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of ``spans``."""
    return any(span.overlaps(start, end) for span in spans)


def is_word_char(text: str, index: int) -> bool:
    """Whether ``text[index]`` exists and is a letter, digit or underscore."""
    return 0 <= index < len(text) and bool(_WORD_CHAR.match(text[index]))


def at_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is whole words ("Oman" is not inside "Romania")."""
    inner_ok = not is_word_char(text, end) or not is_word_char(text, end - 1)
    return not (is_word_char(text, start - 1) and is_word_char(text, start)) and inner_ok


def opens_sentence(text: str, index: int) -> bool:
    """Whether the word at ``text[index]`` is the first of a sentence or line (its capital is
    the sentence's)."""
    return bool(_SENTENCE_START_BEFORE.search(text, max(0, index - _SENTENCE_START_CHARS), index))


def find_words(word: str, text: str, joiners: str = "") -> Iterator[int]:
    """Where ``text`` writes ``word`` as a whole word, none of ``joiners`` (say "’'-") right
    before it either ("O'Neill" holds no "Neill"; a possessive after is fine). ``str.find``
    scans: a regex built per word would be compiled afresh for every name of every article
    (the ``re`` cache holds a few hundred)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        joined = bool(start) and text[start - 1] in joiners
        if at_word_boundaries(text, start, end) and not joined:
            yield start
        start = text.find(word, start + 1)
