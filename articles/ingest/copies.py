"""Syndicated copies: word shingles, their MinHash signature and its LSH band keys (no Django).

An article republished elsewhere keeps most of its words in order while its headline, layout
and trailers change, so an article is compared by the set of its summary's and body's word
3-grams (its *shingles*; the title is left out: headlines are what republishers rewrite).

Finding the earlier articles that share many shingles must not read the corpus: each article's
MinHash signature (``PERMUTATIONS`` minima of affine maps of the shingle hashes) is cut into
``BANDS`` bands of ``ROWS`` values and each band hashed to one 64-bit *band key*. Two articles
whose shingle sets have Jaccard similarity J share at least one band key with probability
1 - (1 - J^ROWS)^BANDS: 0.77 at J = 0.3, 0.99 at J = 0.45, 0.10 at J = 0.1. Persistence stores
the keys in an indexed table and looks candidates up by equality (one index probe per band), then
verifies each candidate on the exact shingle sets (``similarity``): the bands only propose.

Hashes are blake2b, not ``hash()``: a key must be the same in every process and every run.
"""

import re
from dataclasses import dataclass, field
from hashlib import blake2b

import numpy as np

from articles.normalise import fold_accents

SHINGLE_WORDS = 3
BANDS = 40
ROWS = 3
PERMUTATIONS = BANDS * ROWS
_WORD = re.compile(r"\w+")
# Fixed multipliers (odd, so each map is a bijection of 64-bit integers) and offsets: changing
# them, BANDS or ROWS changes every key (run ``manage.py find_duplicates`` afterwards).
_RANDOM = np.random.default_rng(20261201)
_MULTIPLIERS = _RANDOM.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(
    1
)
_OFFSETS = _RANDOM.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)


@dataclass(frozen=True)
class CopySketch:
    """What identifies an article's text as a copy: its shingle hashes and band keys."""

    shingles: frozenset[int] = frozenset()
    band_keys: tuple[int, ...] = ()  # one per band, in band order; empty without shingles


@dataclass(frozen=True)
class Similarity:
    """How much of two articles' shingles they share."""

    jaccard: float  # shared / all
    containment: float  # shared / the smaller article's


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

    def matches(self, similarity: Similarity) -> bool:
        """A cut or trailed copy, or a lightly edited one."""
        cut = similarity.containment >= self.min_containment
        return similarity.jaccard >= (self.min_jaccard if cut else self.edited_jaccard)


@dataclass(frozen=True)
class Candidate:
    """An earlier article sharing a band key: its id, shingles and the article it copies."""

    pk: int
    shingles: frozenset[int] = field(repr=False)
    original_pk: int | None = None

    @property
    def root(self) -> int:
        """The first-seen article of its copies: this one, or the one it copies."""
        return self.original_pk or self.pk


def copy_text(summary: str, body: str) -> str:
    """The words compared: summary and body (the headline is what republishers rewrite)."""
    return f"{summary}\n{body}"


def shingles(text: str) -> frozenset[int]:
    """64-bit hashes of the text's word 3-grams, case and accents folded."""
    words = _WORD.findall(fold_accents(text).casefold())
    grams = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}
    return frozenset(_hash64(gram.encode(), signed=False) for gram in grams)


def sketch(summary: str, body: str) -> CopySketch:
    """The shingles and band keys of an article's text."""
    found = shingles(copy_text(summary, body))
    return CopySketch(found, band_keys(found))


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


def similarity(one: frozenset[int], other: frozenset[int]) -> Similarity:
    """Exact Jaccard similarity and containment of two shingle sets."""
    if not one or not other:
        return Similarity(0.0, 0.0)
    shared = len(one & other)
    return Similarity(shared / len(one | other), shared / min(len(one), len(other)))


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
        found = similarity(sketch.shingles, candidate.shingles)
        if rule.matches(found):
            scored.append((-found.jaccard, candidate.pk, candidate))
    return min(scored)[2].root if scored else None


def _hash64(data: bytes, signed: bool = True) -> int:
    """A stable 64-bit hash: unsigned for numpy, signed to fit a database ``bigint``."""
    return int.from_bytes(blake2b(data, digest_size=8).digest(), "big", signed=signed)
