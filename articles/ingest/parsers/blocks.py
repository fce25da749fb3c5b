"""Blocks (runs of non-blank lines) and the shape of a text, shared by detection and parsers."""

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from articles.normalise import clean_spaces


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (for readable word lists)."""
    return frozenset(text.split())


_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# What may close a sentence once closing quotes and brackets are set aside.
_TERMINAL = (".", "!", "?", "…")
_CLOSERS = "\"'”’)]»"
# Little words that stay lower case in a Title Case headline.
_MINOR_WORDS = word_set(
    "a an and as at but by for from in into nor of off on onto or over per the to up via vs with"
    " de del la le von van"
)


@dataclass(frozen=True)
class Block:
    """Consecutive non-blank lines: a paragraph, a headline, a caption, a wrapped summary."""

    start: int  # 1-based line number of the first line
    lines: tuple[str, ...]  # stripped of surrounding white space

    @property
    def end(self) -> int:
        return self.start + len(self.lines) - 1

    @cached_property
    def text(self) -> str:
        """The block unwrapped: its lines joined by single spaces (computed once)."""
        return clean_spaces(" ".join(self.lines))


def is_blank(line: str) -> bool:
    """White space only (no-break spaces included)."""
    return not line.strip()


def split_blocks(lines: list[str], first_line: int = 1) -> list[Block]:
    """Group lines into blocks separated by one or more blank lines."""
    blocks: list[Block] = []
    run: list[str] = []
    for number, line in enumerate(lines, first_line):
        if stripped := line.strip():  # is_blank, inlined: this loop sees every line
            run.append(stripped)
            continue
        if run:
            blocks.append(Block(number - len(run), tuple(run)))
            run = []
    if run:
        blocks.append(Block(first_line + len(lines) - len(run), tuple(run)))
    return blocks


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, keeping inner apostrophes, dots and hyphens."""
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """True when the text closes with . ! ? or …, closing quotes and brackets aside, or with
    such a sentence and a photo credit after it ("… a year. (Xinhua/Zhang Long)")."""
    text = _TRAILING_CREDIT.sub("", text.rstrip()[-_CREDIT_TAIL_CHARS:]) or text
    return text.rstrip().rstrip(_CLOSERS).endswith(_TERMINAL)


# A photo credit after a sentence's end: "(Agency/Name)", "Photo: Name/AFP", "Credit: AP Photo/…".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?…\"”’])\s+(?:\([^()\n]{1,120}/[^()\n]{1,120}\)"
    r"|(?:Photo(?:graph)?s?|Pictures?|Images?|Credits?)(?:\s+by)?\s*:[^\n]{1,120})\s*$"
)
_CREDIT_TAIL_CHARS = 260


def ends_with_period(text: str) -> bool:
    """True for a final full stop or ellipsis (a headline may end with ? or !, rarely with .)."""
    return text.rstrip().rstrip(_CLOSERS).endswith((".", "…"))


def starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isalpha() and first.islower()


def capitalised_share(text: str) -> float:
    """Share of the non-minor words that start with a capital letter or a digit."""
    major = [word for word in words(text) if word.casefold() not in _MINOR_WORDS]
    if not major:
        return 0.0
    return sum(1 for word in major if word[0].isupper() or word[0].isdigit()) / len(major)


def is_title_case(text: str, need_minor: bool = True) -> bool:
    """Title Case: 4–20 words, every major word capitalised, and (if ``need_minor``) at least one
    little word kept in lower case, which a plain list of names lacks."""
    found = words(text)
    minor = [word for word in found if word.casefold() in _MINOR_WORDS]
    return (
        4 <= len(found) <= 20
        and capitalised_share(text) == 1.0
        and (not need_minor or any(word.islower() for word in minor))
    )


def is_prose(text: str) -> bool:
    """Mostly letters and spaces, not code, markup or a table row."""
    visible = len(text) - sum(map(str.isspace, text))
    letters = sum(map(str.isalpha, text))
    return count_words(text, 2) >= 2 and letters >= 0.6 * visible


def count_words(text: str, cap: int) -> int:
    """How many words ``text`` has, counting no further than ``cap`` (cheap on long texts)."""
    return sum(1 for _ in islice(_WORD.finditer(text), cap))


# Title-casing tools capitalise after an apostrophe too ("Trump’S Freeze", "Don’T"): a
# contraction's or possessive's ending after a lower-case letter is never a capital of its own.
_CAPITALISED_ENDING = re.compile(r"(?<=[a-z])(['’])(S|T|Re|Ve|Ll|D|M)\b")


def recase_contractions(title: str) -> str:
    """``Trump’S Freeze`` → ``Trump’s Freeze``, ``Don'T`` → ``Don't`` (``O'Brien`` unchanged)."""
    return _CAPITALISED_ENDING.sub(lambda m: m.group(1) + m.group(2).lower(), title)


# A section label has at most this many words ("Palestine solidarity", "Sport").
MAX_LABEL_WORDS = 6


def is_label(line: str) -> bool:
    """A section label: at most six words, no final punctuation, not a ``Key: value`` line."""
    text = line.strip()
    letters = sum(1 for ch in text if ch.isalpha())
    return (
        0 < count_words(text, MAX_LABEL_WORDS + 1) <= MAX_LABEL_WORDS
        and text[-1].isalnum()
        and ":" not in text
        and letters >= 0.6 * len(text.replace(" ", ""))
    )
