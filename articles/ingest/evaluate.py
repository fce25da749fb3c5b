"""Scoring parsed items against hand annotations (``tests/gold/``): pure functions, no Django.

- Matching: predicted and gold items are paired one-to-one by line overlap, best overlap
  (intersection over union of their line ranges) first; a pair counts when it is at least 0.5.
- Segmentation: precision = matched / predicted, recall = matched / gold, F1 their harmonic mean.
- Headline accuracy, over all gold items (a missed item counts as wrong): the matched item's
  title equals the gold title after white space and quote normalisation, or both are derived
  (any sensible derived title is accepted, so only the flag is compared).
- Source accuracy, likewise: the same source name (or both none). Original sources are
  reported separately.
"""

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from articles.ingest.records import ParsedItem
from articles.normalise import clean_spaces

MIN_OVERLAP = 0.5
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})


@dataclass(frozen=True)
class GoldItem:
    """One hand-annotated article (see ANNOTATION.md)."""

    line_start: int
    line_end: int
    title: str
    title_derived: bool = False
    source: str | None = None
    original_source: str | None = None
    authors: tuple[str, ...] = ()
    section: str = ""


@dataclass(frozen=True)
class FileScore:
    """Counts for one file (or a sum of files); the rates are derived from them."""

    name: str
    gold: int
    predicted: int
    matched: int = 0
    exact_spans: int = 0
    titles: int = 0
    sources: int = 0
    original_sources: int = 0
    error: str | None = None

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def headline_accuracy(self) -> float:
        return _ratio(self.titles, self.gold)

    @property
    def source_accuracy(self) -> float:
        return _ratio(self.sources, self.gold)

    @property
    def original_source_accuracy(self) -> float:
        return _ratio(self.original_sources, self.gold)

    def as_dict(self) -> dict:
        counts = {field.name: getattr(self, field.name) for field in fields(self)}
        rates = ("precision", "recall", "f1", "headline_accuracy", "source_accuracy")
        return (
            counts
            | {rate: round(getattr(self, rate), 4) for rate in rates}
            | {"original_source_accuracy": round(self.original_source_accuracy, 4)}
        )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def load_gold(path: str | Path) -> list[GoldItem]:
    """Read a gold file: a JSON list of objects with the ``GoldItem`` fields."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return [gold_item(row) for row in rows]


def gold_item(row: dict) -> GoldItem:
    return GoldItem(**{**row, "authors": tuple(row.get("authors", ()))})


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    """Intersection over union of two inclusive line ranges."""
    inter = min(a_end, b_end) - max(a_start, b_start) + 1
    if inter <= 0:
        return 0.0
    return inter / (max(a_end, b_end) - min(a_start, b_start) + 1)


def match_items(predicted: Sequence[ParsedItem], gold: Sequence[GoldItem]) -> list[tuple[int, int]]:
    """One-to-one (predicted index, gold index) pairs, best overlap first, overlap >= 0.5."""
    candidates = sorted(
        (
            (overlap(p.line_start, p.line_end, g.line_start, g.line_end), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for score, i, j in candidates:
        if score >= MIN_OVERLAP and i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(pairs)


def normalise_title(title: str) -> str:
    """Titles compare with typographic quotes and runs of white space folded."""
    return clean_spaces(title.translate(_QUOTES))


def titles_agree(item: ParsedItem, gold: GoldItem) -> bool:
    if gold.title_derived or item.title_derived:
        return gold.title_derived and item.title_derived
    return normalise_title(item.title) == normalise_title(gold.title)


def names_agree(found: str | None, expected: str | None) -> bool:
    """Exact source names (spacing folded); no source on both sides agrees."""
    return clean_spaces(found or "") == clean_spaces(expected or "")


def score_file(name: str, predicted: Sequence[ParsedItem], gold: Sequence[GoldItem]) -> FileScore:
    """Score one file's parsed items against its gold items."""
    pairs = [(predicted[i], gold[j]) for i, j in match_items(predicted, gold)]
    return FileScore(
        name=name,
        gold=len(gold),
        predicted=len(predicted),
        matched=len(pairs),
        exact_spans=sum(
            p.line_start == g.line_start and p.line_end == g.line_end for p, g in pairs
        ),
        titles=sum(titles_agree(p, g) for p, g in pairs),
        sources=sum(names_agree(p.source, g.source) for p, g in pairs),
        original_sources=sum(names_agree(p.original_source, g.original_source) for p, g in pairs),
    )


def failed_file(name: str, gold: Sequence[GoldItem], error: str) -> FileScore:
    """A file the importer refused: nothing predicted, every gold item missed."""
    return FileScore(name=name, gold=len(gold), predicted=0, error=error)


def overall(scores: Sequence[FileScore], name: str = "overall") -> FileScore:
    """The sum of the files' counts (micro average)."""
    counted = ("gold", "predicted", "matched", "exact_spans", "titles", "sources")
    totals = {key: sum(getattr(score, key) for score in scores) for key in counted}
    totals["original_sources"] = sum(score.original_sources for score in scores)
    return FileScore(name=name, **totals)


def format_table(scores: Sequence[FileScore]) -> str:
    """A plain-text table: one row per score."""
    header = f"{'file':<28} {'gold':>4} {'pred':>4} {'exact':>5}  "
    header += "  ".join(f"{col:>6}" for col in ("P", "R", "F1", "title", "source", "orig"))
    rows = [header]
    for s in scores:
        rates = (s.precision, s.recall, s.f1, s.headline_accuracy, s.source_accuracy)
        cells = "  ".join(f"{rate:6.3f}" for rate in (*rates, s.original_source_accuracy))
        row = f"{_short(s.name):<28} {s.gold:>4} {s.predicted:>4} {s.exact_spans:>5}  {cells}"
        rows.append(row + (f"  ERROR {s.error}" if s.error else ""))
    return "\n".join(rows)


def _short(name: str) -> str:
    return name if len(name) <= 28 else name[:27] + "…"
