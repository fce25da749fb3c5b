"""Scoring the ``dated`` field against a hand-annotated gold file (no Django).

A dates gold file is an entity gold file (``gold.read_entries``: seed lines, a dump and an
anchor, or inline text) whose entries each give ``dated``: the ISO date the article's events
happened, or null when its text states none (ANNOTATION rules: a full date, or a weekday or
"yesterday" anchored by a full date of the same article).

Precision is the share of predicted dates that are right; recall the share of gold dates found.
A gold null is *kept* when nothing was predicted for it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from articles.ingest.entities.gold import GoldError, read_entries
from articles.ingest.records import ParsedItem


@dataclass(frozen=True)
class DatedGold:
    key: str
    item: ParsedItem
    dated: date | None


@dataclass(frozen=True)
class DateScores:
    predicted: int  # articles given a date
    gold: int  # articles the gold dates
    correct: int  # predicted dates equal to the gold's
    nulls: int  # articles the gold leaves undated
    nulls_kept: int  # of those, left undated

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

    def as_dict(self) -> dict:
        counts = {name: getattr(self, name) for name in self.__dataclass_fields__}
        rates = {name: round(getattr(self, name), 3) for name in ("precision", "recall", "f1")}
        return counts | rates


@dataclass(frozen=True)
class DateError:
    key: str
    expected: date | None
    found: date | None


def load_date_gold(path: Path, seeds_dir: Path) -> list[DatedGold]:
    """Read a dates gold file; each entry resolves to exactly one article or GoldError says why."""
    gold = []
    for found in read_entries(path, seeds_dir):
        if "dated" not in found.entry:
            raise GoldError(f"{path}: entry {found.key}: needs `dated` (an ISO date or null).")
        gold.append(DatedGold(found.key, found.item, _iso_date(path, found.key, found.entry)))
    return gold


def _iso_date(path: Path, key: str, entry: dict) -> date | None:
    if entry["dated"] is None:
        return None
    try:
        return date.fromisoformat(entry["dated"])
    except (TypeError, ValueError) as error:
        raise GoldError(f"{path}: entry {key}: `dated` is not an ISO date or null.") from error


def score_dates(gold: Sequence[DatedGold], found: Sequence[date | None]) -> DateScores:
    """Compare ``found`` (one predicted date or None per gold article, same order) with the gold."""
    pairs = list(zip(gold, found, strict=True))
    return DateScores(
        predicted=sum(day is not None for _, day in pairs),
        gold=sum(entry.dated is not None for entry, _ in pairs),
        correct=sum(day is not None and day == entry.dated for entry, day in pairs),
        nulls=sum(entry.dated is None for entry, _ in pairs),
        nulls_kept=sum(entry.dated is None and day is None for entry, day in pairs),
    )


def date_errors(gold: Sequence[DatedGold], found: Sequence[date | None]) -> list[DateError]:
    """Every article whose predicted date differs from the gold's."""
    return [
        DateError(entry.key, entry.dated, day)
        for entry, day in zip(gold, found, strict=True)
        if day != entry.dated
    ]
