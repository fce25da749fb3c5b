"""Scoring the copy detector against a hand-written gold set (``tests/gold/copies/``), no Django.

The gold folder holds dumps and ``gold.json``: groups of items (``file:first line``) that are one
article and its republications, and the near misses written to look alike without being copies.
The dumps are parsed in file order and each item is matched against the earlier ones exactly as
an import does (band keys looked up by equality, candidates verified by ``best_original``), with
the band table kept in memory. Pairs are scored: two items are a predicted pair when they end up
with the same first-seen article; precision = true pairs / predicted, recall = true / gold.
"""

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from articles.ingest.copies import (
    MAX_PER_KEY,
    Candidate,
    CopyRule,
    best_original,
    likeliest,
    sketch,
)
from articles.ingest.records import ParsedItem

GOLD_FILE = "gold.json"
Pair = frozenset[str]


@dataclass(frozen=True)
class CopyGold:
    groups: tuple[frozenset[str], ...]
    near_misses: tuple[Pair, ...] = ()

    def pairs(self) -> set[Pair]:
        return _pairs(self.groups)


@dataclass
class CopyScore:
    """Pairs predicted, gold and right; the wrong ones by name; the time spent sketching."""

    items: int = 0
    predicted: set[Pair] = field(default_factory=set)
    gold: set[Pair] = field(default_factory=set)
    near_misses_matched: list[Pair] = field(default_factory=list)
    sketch_ms_per_item: float = 0.0

    @property
    def true_pairs(self) -> set[Pair]:
        return self.predicted & self.gold

    @property
    def precision(self) -> float:
        return len(self.true_pairs) / len(self.predicted) if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return len(self.true_pairs) / len(self.gold) if self.gold else 1.0


def load_gold(folder: Path) -> CopyGold:
    data = json.loads((folder / GOLD_FILE).read_text(encoding="utf-8"))
    groups = tuple(frozenset(group) for group in data["groups"])
    return CopyGold(groups, tuple(frozenset(pair) for pair in data.get("near_misses", ())))


def originals(items: Sequence[tuple[str, ParsedItem]], rule: CopyRule) -> dict[str, str]:
    """Each item's first-seen article (itself if it is an original), in the given order."""
    by_key: dict[int, list[int]] = defaultdict(list)
    candidates: list[Candidate] = []
    roots: dict[str, str] = {}
    for pk, (ref, item) in enumerate(items):
        found = sketch(item.summary, item.body)
        ids = likeliest(found, by_key)
        root = best_original(found, [candidates[other] for other in ids], rule)
        candidates.append(Candidate(pk, found.shingles, found.facts, root))
        if len(found.shingles) >= rule.min_shingles:
            for key in found.band_keys:
                if len(by_key[key]) < MAX_PER_KEY:  # as the stored lookup does
                    by_key[key].append(pk)
        roots[ref] = items[root][0] if root is not None else ref
    return roots


def score(items: Sequence[tuple[str, ParsedItem]], gold: CopyGold, rule: CopyRule) -> CopyScore:
    """Run the detector over ``items`` and score its pairs against ``gold``."""
    sketch("warm up", "the first call loads numpy's routines")
    started = time.perf_counter()
    for _, item in items:
        sketch(item.summary, item.body)
    sketch_ms = (time.perf_counter() - started) * 1000 / max(len(items), 1)
    roots = originals(items, rule)
    clusters: dict[str, set[str]] = defaultdict(set)
    for ref, root in roots.items():
        clusters[root].add(ref)
    predicted = _pairs(clusters.values())
    return CopyScore(
        items=len(items),
        predicted=predicted,
        gold=gold.pairs(),
        near_misses_matched=[pair for pair in gold.near_misses if pair in predicted],
        sketch_ms_per_item=sketch_ms,
    )


def _pairs(groups) -> set[Pair]:
    return {frozenset(pair) for group in groups for pair in combinations(sorted(group), 2)}
