"""Syndicated copies: word shingles, their MinHash signature and its LSH band keys (no Django).

An article republished elsewhere keeps most of its words in order while its headline, layout
and trailers change, so an article is compared by the set of its summary's and body's word
3-grams (its *shingles*; the title is left out: headlines are what republishers rewrite). A copy
also keeps the facts: its *names and numbers* (words written with a capital or a digit) are
compared too, which tells a copy from another article written on the same template or around
the same boilerplate paragraph (another person, place or date in the same sentences).

Finding the earlier articles that share many shingles must not read the corpus: each article's
MinHash signature (``PERMUTATIONS`` minima of affine maps of the shingle hashes) is cut into
``BANDS`` bands of ``ROWS`` values and each band hashed to one 64-bit *band key*. Two articles
whose shingle sets have Jaccard similarity J share at least one band key with probability
1 - (1 - J^ROWS)^BANDS: 0.77 at J = 0.3, 0.99 at J = 0.45, 0.10 at J = 0.1. Persistence stores
the keys in an indexed table and looks candidates up by equality (one index probe per band), then
verifies each candidate on the exact shingle sets (``similarity``): the bands only propose.

Hashes are blake2b, not ``hash()``: a key must be the same in every process and every run.
"""

import heapq
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b

import numpy as np

from articles.normalise import fold_accents

SHINGLE_WORDS = 3
BANDS = 40
ROWS = 3
PERMUTATIONS = BANDS * ROWS
# Candidates taken per band key at most: a key shared by more articles than this (a text
# republished that often, or a template) brings its earliest ones, where the originals are.
MAX_PER_KEY = 10
# Candidates verified per text at most, those sharing most band keys first (a copy shares many:
# 1 - (1 - J^ROWS) of them on average): the cost per article stays bounded on templated text.
MAX_VERIFIED = 10
_WORD = re.compile(r"\w+")
# Words and the marks after which a capital starts a sentence rather than naming something.
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\w+|[.!?:\"“”]")
_SENTENCE_ENDS = frozenset({"", ".", "!", "?", ":", '"', "“", "”"})
# Fixed multipliers (odd, so each map is a bijection of 64-bit integers) and offsets: changing
# them, BANDS or ROWS changes every key (run ``manage.py find_duplicates`` afterwards).
_RANDOM = np.random.default_rng(20261201)
_ODD = np.uint64(1)
_MULTIPLIERS = _RANDOM.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + _ODD
_OFFSETS = _RANDOM.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True)
class CopySketch:
    """What identifies an article's text as a copy: its shingle hashes, names and numbers, and
    band keys."""

    shingles: frozenset[int] = frozenset()
    facts: frozenset[str] = frozenset()
    band_keys: tuple[int, ...] = ()  # one per band, in band order; empty without shingles


@dataclass(frozen=True)
class Similarity:
    """How much of two articles' shingles they share."""

    jaccard: float  # shared / all
    containment: float  # shared / the smaller article's
    facts: float = 1.0  # names and numbers shared / the fewer's (1.0 if either has none)
    numbers: float = 1.0  # likewise, of the numbers alone


@dataclass(frozen=True)
class CopyRule:
    """When a verified candidate counts as the same article (see the ``NEWSDB_COPY_*`` settings)."""

    min_shingles: int = 12  # shorter texts are never matched: too few words to tell
    # A cut or trailed copy keeps most of the shorter text (containment), yet shares a fair
    # part of all the words (Jaccard): a short text quoted inside a long one is no copy of it.
    min_containment: float = 0.8
    min_jaccard: float = 0.3
    # A lightly edited copy changes words all through, each change costing three shingles,
    # but still shares half of them; a reused template or a follow-up shares far fewer.
    edited_jaccard: float = 0.5
    # Either way a copy keeps the names and numbers of the shorter text, and its numbers (a
    # date, a count, a toll) in particular, where another article on a template differs.
    min_facts: float = 0.7
    min_numbers: float = 0.75

    def matches(self, similarity: Similarity) -> bool:
        """A cut or trailed copy, or a lightly edited one, with the same facts."""
        cut = similarity.containment >= self.min_containment
        enough = similarity.jaccard >= (self.min_jaccard if cut else self.edited_jaccard)
        facts = similarity.facts >= self.min_facts and similarity.numbers >= self.min_numbers
        return enough and facts


@dataclass(frozen=True)
class Candidate:
    """An earlier article sharing a band key: its id, shingles and the article it copies."""

    pk: int
    shingles: frozenset[int] = field(repr=False)
    facts: frozenset[str] = field(repr=False)
    original_pk: int | None = None

    @classmethod
    def from_text(cls, pk: int, summary: str, body: str, original_pk: int | None = None):
        """A stored article as a candidate (its shingles and facts, no band keys needed)."""
        text = fold_accents(copy_text(summary, body))
        return cls(pk, shingles(text), facts(text), original_pk)

    @property
    def root(self) -> int:
        """The first-seen article of its copies: this one, or the one it copies."""
        return self.original_pk or self.pk


def copy_text(summary: str, body: str) -> str:
    """The words compared: summary and body (the headline is what republishers rewrite)."""
    return f"{summary}\n{body}"


def shingles(text: str) -> frozenset[int]:
    """64-bit hashes of the text's word 3-grams, case and accents folded."""
    words = _WORD.findall(fold_accents(text).casefold())  # fold_accents: free if done before
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return frozenset(_hash64(gram.encode(), signed=False) for gram in grams)


def facts(text: str) -> frozenset[str]:
    """The names and numbers of a text: words holding a digit, or capitalised where a sentence
    does not start (accents and case folded, so a retyped name still matches)."""
    found, previous = set(), ""
    for token in _TOKEN.findall(fold_accents(text)):
        named = token[0].isupper() and previous not in _SENTENCE_ENDS
        if named or _is_number(token):
            found.add(token.casefold())
        previous = token
    return frozenset(found)


def _is_number(word: str) -> bool:
    return _DIGIT.search(word) is not None


def sketch(summary: str, body: str) -> CopySketch:
    """The shingles, facts and band keys of an article's text."""
    text = fold_accents(copy_text(summary, body))
    found = shingles(text)
    return CopySketch(found, facts(text), band_keys(found))


def band_keys(hashes: frozenset[int]) -> tuple[int, ...]:
    """The signed 64-bit key of each band of the MinHash signature of ``hashes``."""
    if not hashes:
        return ()
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    with np.errstate(over="ignore"):  # the maps are meant to wrap around modulo 2^64
        permuted = np.outer(values, _MULTIPLIERS) + _OFFSETS
    signature = permuted.min(axis=0)
    return tuple(
        _hash64(bytes([band]) + signature[band * ROWS : (band + 1) * ROWS].tobytes())
        for band in range(BANDS)
    )


def similarity(one, other) -> Similarity:
    """Exact Jaccard similarity and containment of two texts' shingles, and the share of the
    names and numbers they have in common (``one`` and ``other``: sketches or candidates)."""
    if not one.shingles or not other.shingles:
        return Similarity(0.0, 0.0)
    shared = len(one.shingles & other.shingles)
    numbers = [frozenset(filter(_is_number, found.facts)) for found in (one, other)]
    return Similarity(
        jaccard=shared / len(one.shingles | other.shingles),
        containment=shared / min(len(one.shingles), len(other.shingles)),
        facts=_kept(one.facts, other.facts),
        numbers=_kept(*numbers),
    )


def _kept(one: frozenset, other: frozenset) -> float:
    """The share of the smaller set found in the other (1.0 if either is empty)."""
    fewer = min(len(one), len(other))
    return len(one & other) / fewer if fewer else 1.0


def best_original(sketch: CopySketch, candidates, rule: CopyRule) -> int | None:
    """The first-seen article that ``sketch`` copies, among ``candidates``, or None.

    The most similar matching candidate wins (then the earliest); its own original, if it is a
    copy itself, is the answer, so copies always point at the first-seen article.
    """
    if len(sketch.shingles) < rule.min_shingles:
        return None
    scored = []
    for candidate in candidates:
        if len(candidate.shingles) < rule.min_shingles:
            continue
        found = similarity(sketch, candidate)
        if rule.matches(found):
            scored.append((-found.jaccard, candidate.pk, candidate))
    return min(scored)[2].root if scored else None


def likeliest(
    sketch: CopySketch,
    by_key: Mapping[int, Sequence[int]],
    before: int | None = None,
    since: int = 0,
) -> list[int]:
    """The ids holding most of this text's band keys (ties: earliest), ``MAX_VERIFIED`` at most,
    only ids from ``since`` and below ``before`` if given."""
    shared = Counter(
        pk
        for key in sketch.band_keys
        for pk in by_key.get(key, ())
        if since <= pk and (before is None or pk < before)
    )
    return heapq.nsmallest(MAX_VERIFIED, shared, key=lambda pk: (-shared[pk], pk))


def _hash64(data: bytes, signed: bool = True) -> int:
    """A stable 64-bit hash: unsigned for numpy, signed to fit a database ``bigint``."""
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big", signed=signed)
