"""Spelling variants of one person's name: a variant key, and likely duplicates for editors.

Two names with the same ``variant_key`` differ only in ways that do not make another person:
accents ("Zelénskyy"), transliteration ("Zelensky", "Zelenskyy", "Zelenskiy"), doubled letters,
or a short or translated given name ("Steve"/"Steven", "Vladimir"/"Volodymyr", from the reviewed
``data/given_name_variants.txt``). The extractor folds such names into one registry person only
when exactly one registry person has the key (strong evidence); weaker likenesses (a one-word
name that is another's surname, a near spelling) are only offered to an editor by
``DuplicateIndex.likely_duplicates``, never merged.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from articles.normalise import fold_accents

GIVEN_NAMES_FILE = Path(__file__).with_name("data") / "given_name_variants.txt"
# Transliterations of one Slavic ending ("-skyy", "-skiy", "-skii", "-ski" → "-sky") and of
# "-iy"/"-yi"/"-ii" → "-y" ("Valeriy", "Yurii"); tried in order on each folded word.
_ENDINGS = (
    (re.compile(r"sk(?:yy|iy|yi|ii|i)$"), "sky"),
    (re.compile(r"(?:iy|yi|ii|yy)$"), "y"),
)
_DOUBLED = re.compile(r"(\w)\1+")
_NON_LETTER = re.compile(r"[^a-z ]+")
# Near spellings this similar (difflib ratio of the variant keys) are offered as duplicates.
SIMILARITY = 0.88
# Near spellings share their surname's first letters ("Zelensky", "Zelenskey").
_BLOCK_LETTERS = 3


@cache
def _given_name_groups() -> dict[str, str]:
    """Each known given-name form (folded, lower case) → its group's canonical form."""
    groups = {}
    for line in GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines():
        forms = line.split("#", 1)[0].split()
        for form in forms:
            groups[_fold_word(form)] = _fold_word(forms[0])
    return groups


def _fold_word(word: str) -> str:
    return _NON_LETTER.sub("", fold_accents(word).casefold())


def _word_key(word: str) -> str:
    folded = _fold_word(word)
    for pattern, replacement in _ENDINGS:
        folded = pattern.sub(replacement, folded)
    return _DOUBLED.sub(r"\1", folded)


def surname_key(name: str) -> str:
    """The variant key of a name's last word ("Zelenskyy" → "zelensky")."""
    words = name.split()
    return _word_key(words[-1]) if words else ""


def variant_key(name: str) -> str:
    """One key for the spellings of one name: "Volodymyr Zelenskyy" and "Vladimir Zelensky"
    both give "vladimir zelensky"; "Steve Witkoff" and "Steven Witkoff" give "stephen witkof"."""
    words = [_fold_word(word) for word in name.replace("-", " ").split()]
    # Middle initials come and go ("Valery V. Gerasimov"): only the first and longer words count.
    words = [word for index, word in enumerate(words) if word and (index == 0 or len(word) > 1)]
    if not words:
        return ""
    if len(words) == 1:  # a lone word is a surname as often as a given name
        return _word_key(words[0])
    given = _DOUBLED.sub(r"\1", _given_name_groups().get(words[0], words[0]))
    return " ".join([given, *(_word_key(word) for word in words[1:])])


@dataclass(frozen=True)
class Duplicate:
    """Another person's name that may be the same person, and why."""

    other: str
    reason: str


class DuplicateIndex:
    """Finds likely duplicates among many names without comparing every pair.

    Names are grouped by the first letters of their last word's variant key; only names in the
    same group are compared, so a name costs one lookup and a few comparisons.
    """

    def __init__(self, names: Iterable[str]):
        self._by_surname: dict[str, list[str]] = defaultdict(list)
        for name in names:
            self._by_surname[_block(name)].append(name)

    def likely_duplicates(self, name: str) -> list[Duplicate]:
        """Other names that are probably ``name``'s person, strongest reason first."""
        found = [
            Duplicate(other, reason)
            for other in self._by_surname.get(_block(name), ())
            if other != name and (reason := duplicate_reason(name, other))
        ]
        return sorted(found, key=lambda duplicate: _REASONS.index(duplicate.reason))


def _block(name: str) -> str:
    return surname_key(name)[:_BLOCK_LETTERS]


_SAME_KEY = "same name in another spelling"
_SURNAME_ONLY = "one-word name is the other's surname"
_SIMILAR = "similar spelling"
_REASONS = (_SAME_KEY, _SURNAME_ONLY, _SIMILAR)


def duplicate_reason(name: str, other: str) -> str | None:
    """Why ``other`` may be the person ``name`` is, or None (no likeness worth an editor's time)."""
    key, other_key = variant_key(name), variant_key(other)
    if not key or not other_key:
        return None
    if key == other_key:
        return _SAME_KEY
    if (" " in key) != (" " in other_key) and surname_key(name) == surname_key(other):
        return _SURNAME_ONLY
    if " " in key and SequenceMatcher(None, key, other_key).ratio() >= SIMILARITY:
        return _SIMILAR
    return None


def likely_duplicates(name: str, others: Iterable[str]) -> list[Duplicate]:
    """``DuplicateIndex(others).likely_duplicates(name)``, for one name."""
    return DuplicateIndex(others).likely_duplicates(name)
