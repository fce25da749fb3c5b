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


def load_gold(path: Path) -> tuple[list[Path], list[list[str]]]:
    """The gold file's dumps (``dump``, or a list ``dumps``, relative to the working directory,
    imported in that order) and its stories, by title."""
    data = json.loads(path.read_text(encoding="utf-8"))
    dumps = data["dumps"] if "dumps" in data else [data["dump"]]
    return [Path(dump) for dump in dumps], data["stories"]


def pairs(groups: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every unordered pair of titles within a group."""
    return {frozenset(pair) for group in groups for pair in combinations(sorted(group), 2)}


def score(story_of: Mapping[str, int], gold: list[list[str]]) -> PairScores:
    """Compare ``story_of`` (title → story id) with the gold stories."""
    found, expected = pairs(_groups(story_of)), pairs(gold)
    return PairScores(len(found), len(expected), len(found & expected))


def pair_errors(
    story_of: Mapping[str, int], gold: list[list[str]]
) -> dict[str, list[tuple[str, ...]]]:
    """The wrong pairs (``extra``: put together, the gold keeps apart) and the ``missed`` ones."""
    found, expected = pairs(_groups(story_of)), pairs(gold)
    return {
        "extra": sorted(tuple(sorted(pair)) for pair in found - expected),
        "missed": sorted(tuple(sorted(pair)) for pair in expected - found),
    }


def _groups(story_of: Mapping[str, int]) -> list[list[str]]:
    predicted: dict[int, list[str]] = {}
    for title, story in story_of.items():
        predicted.setdefault(story, []).append(title)
    return list(predicted.values())
