"""Pair precision and recall of story clusters against a gold grouping (no Django).

Every two articles put in one story form a pair: precision is the share of predicted pairs the
gold set also groups, recall the share of gold pairs found. Singletons make no pairs.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path


@dataclass(frozen=True)
class PairScores:
    predicted: int
    gold: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_gold(path: Path) -> tuple[Path, list[list[str]]]:
    """The gold file's dump (relative to the working directory) and its stories, by title."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Path(data["dump"]), data["stories"]


def pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every unordered pair of titles within a group."""
    return {frozenset(pair) for group in groups for pair in combinations(sorted(group), 2)}


def score(story_of: Mapping[str, int], gold: list[list[str]]) -> PairScores:
    """Compare ``story_of`` (title → story id) with the gold stories."""
    predicted: dict[int, list[str]] = {}
    for title, story in story_of.items():
        predicted.setdefault(story, []).append(title)
    found, expected = pairs(predicted.values()), pairs(gold)
    return PairScores(len(found), len(expected), len(found & expected))
