"""Likely duplicates among person names: spelling variants, short given names, near misses.

A stand-in until the registry's own variant rules land: ``duplicate_of`` is the one function
the suspects queue calls, so swapping the rules means replacing this module. Plain Python.

A pair is suggested, never merged: the editor decides (the suspects queue). Which of a pair is
the suspect: a one-word name before a full name, then the one with fewer articles, then the
newer row.
"""

import difflib
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from articles.normalise import fold_accents

# Transliterations of one Slavic ending: Zelensky, Zelenskyy, Zelenskiy, Zelenskyi, Zelenskii.
_ENDING = re.compile(r"(?:iy|yi|yy|ii|y)$")
_DOUBLED = re.compile(r"(.)\1+")
_NOT_LETTER = re.compile(r"[^a-z]+")
# Given names this long or longer may stand for a longer one ("Steve" for "Steven").
MIN_GIVEN_PREFIX = 4
# Full names this similar (difflib ratio of their keys) with one surname are one person.
SIMILAR_NAMES = 0.85


@dataclass(frozen=True)
class Name:
    """A person of the registry as the duplicate rules see it."""

    id: int
    name: str
    article_count: int = 0


# Cached: a registry's words repeat (given names, common surnames), and each import judges
# its new persons against an index of every name.
@functools.lru_cache(maxsize=1 << 17)
def token_key(token: str) -> str:
    """A word with case, accents, punctuation, doubled letters and y/i (-y/-iy/-yy) folded."""
    folded = token.casefold()
    letters = _NOT_LETTER.sub("", folded if folded.isascii() else fold_accents(folded))
    # y and i stand for one sound in transliterations (Volodymyr/Volodimir, Zelenskyy/-skiy).
    return _DOUBLED.sub(r"\1", _ENDING.sub("i", letters).replace("y", "i"))


def variant_key(name: str) -> str:
    """The key shared by spelling variants of one name ("volodimir zelenski")."""
    return " ".join(key for key in (token_key(token) for token in name.split()) if key)


def lookup_keys(name: str) -> tuple[str, str]:
    """The keys a person is stored with so that ``candidate_keys`` finds it: its key's last
    word, and its first word's first letters marked one-word (``1:stev``) or full name (``2:``)."""
    words = variant_key(name).split()
    if not words:
        return "", ""
    return words[-1], f"{min(len(words), 2)}:{words[0][:MIN_GIVEN_PREFIX]}"


def candidate_keys(name: str) -> tuple[set[str], set[str]]:
    """The ``lookup_keys`` (last words, given prefixes) of every person that
    ``VariantIndex.matches`` may find for ``name``: a superset, found with two indexed lookups.

    Each rule of ``matches`` reads one bucket: by key, surname and tail share the last word (of
    the name or its singular); a one-word name may shorten a full name's given name, and a full
    name's given name may be another's one-word name.
    """
    words = variant_key(name).split()
    if not words:
        return {""}, set()  # names without letters share the empty key
    singular = variant_key(_singular(name)).split()
    surnames = {words[-1], *singular[-1:]}
    if len(words[0]) < MIN_GIVEN_PREFIX:
        return surnames, set()
    other_kind = 2 if len(words) == 1 else 1
    return surnames, {f"{other_kind}:{words[0][:MIN_GIVEN_PREFIX]}"}


def _singular(name: str) -> str:
    """``Von der Leyens`` → ``Von der Leyen`` (a plural or possessive form of a name)."""
    return re.sub(r"(?:['’]s|['’]|s)$", "", name)


class VariantIndex:
    """The registry's names, looked up by variant key, surname and given name."""

    def __init__(self, names: Iterable[Name]):
        self.names: dict[int, Name] = {}
        self.words: dict[int, list[str]] = {}  # id → the words of its variant key
        self.by_key: dict[str, list[int]] = defaultdict(list)
        self.by_surname: dict[str, list[int]] = defaultdict(list)
        self.by_given: dict[str, list[int]] = defaultdict(list)
        self.by_single_prefix: dict[str, list[int]] = defaultdict(list)
        for name in names:
            self.add(name)

    def add(self, name: Name) -> None:
        self.names[name.id] = name
        key = variant_key(name.name)
        self.by_key[key].append(name.id)
        words = self.words[name.id] = key.split()
        if len(words) > 1:
            self.by_surname[words[-1]].append(name.id)
            self.by_given[words[0][:MIN_GIVEN_PREFIX]].append(name.id)
        elif words:
            self.by_single_prefix[words[0][:MIN_GIVEN_PREFIX]].append(name.id)

    def matches(self, name: Name) -> set[int]:
        """The other persons that may be the same as ``name`` (either may be the suspect)."""
        words = variant_key(name.name).split()
        found = set(self.by_key.get(" ".join(words), ()))
        for form in {tuple(words), tuple(variant_key(_singular(name.name)).split())}:
            found |= self._longer_names_ending(list(form))
        if len(words) == 1:
            found |= self._given_names_of(words[0])
        elif words:
            found |= self._close_full_names(words) | self._shorter_forms(words)
        found.discard(name.id)
        return found

    def _longer_names_ending(self, words: list[str]) -> set[int]:
        """Full names ending in these words: a surname ("Trump"), "Von der Leyen(s)"."""
        if not words:
            return set()
        return {
            pk
            for pk in self.by_surname.get(words[-1], ())
            if self.words[pk][-len(words) :] == words and len(self.words[pk]) > len(words)
        } | set(self.by_key.get(" ".join(words), ()))

    def _given_names_of(self, word: str) -> set[int]:
        """Full names whose given name this word may shorten ("Steve": "Steven Witkoff")."""
        if len(word) < MIN_GIVEN_PREFIX:
            return set()
        candidates = self.by_given.get(word[:MIN_GIVEN_PREFIX], ())
        return {pk for pk in candidates if _is_prefix(word, self.words[pk][0])}

    def _close_full_names(self, words: list[str]) -> set[int]:
        """Full names with this surname whose given name is a short form or near miss."""
        found = set()
        for pk in self.by_surname.get(words[-1], ()):
            other = self.words[pk]
            same_initial = other[0][:1] == words[0][:1]  # spares difflib on common surnames
            if _is_prefix(words[0], other[0]) or (
                same_initial and _similar(" ".join(words), " ".join(other))
            ):
                found.add(pk)
        return found

    def _shorter_forms(self, words: list[str]) -> set[int]:
        """Persons named by a tail of this name ("Trump", "von der Leyen") or its given name."""
        if len(words) < 2:
            return set()
        tails = (" ".join(words[-size:]) for size in range(1, len(words)))
        found = {pk for tail in tails for pk in self.by_key.get(tail, ())}
        for pk in self.by_single_prefix.get(words[0][:MIN_GIVEN_PREFIX], ()):
            if _is_prefix(self.words[pk][0], words[0]):
                found.add(pk)
        return found


def _is_prefix(one: str, other: str) -> bool:
    short, long = sorted((one, other), key=len)
    return len(short) >= MIN_GIVEN_PREFIX and long.startswith(short)


def _similar(one: str, other: str) -> bool:
    return difflib.SequenceMatcher(None, one, other).ratio() >= SIMILAR_NAMES


def _strength(name: Name) -> tuple:
    """Higher is the row to keep: a full name, more articles, the older row."""
    return (len(name.name.split()) > 1, name.article_count, -name.id)


def duplicate_of(name: Name, index: VariantIndex) -> int | None:
    """The person ``name`` is likely a duplicate of, if one stands out; else None.

    A one-word name that several full names may stand behind is ambiguous: no suggestion
    (unless they are variants of one name: the strongest of them is suggested).
    """
    stronger = [index.names[pk] for pk in index.matches(name)]
    stronger = [other for other in stronger if _strength(other) > _strength(name)]
    if len(name.name.split()) == 1:
        full = [other for other in stronger if len(other.name.split()) > 1]
        if full:
            best = max(full, key=_strength)
            if any(best.id not in index.matches(other) for other in full if other != best):
                return None  # two different people (not two spellings of one) may be meant
            return best.id
    return max(stronger, key=_strength).id if stronger else None
