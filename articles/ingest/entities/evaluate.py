"""Scoring the extractors against hand annotations: pure functions, no Django.

A gold file (``tests/gold/entities.json``) maps a readable key to one article: either seed lines
(``file``, ``line_start``, ``line_end``; trailers are dropped, the "The post … appeared first
on" title is used) or its own ``title`` and ``text``; plus ``credited`` (authors as a parser
credits them), ``persons``, ``authors`` and ``countries`` (ISO alpha-2). Persons are compared by
``name_key`` on the union of mentioned persons and authors; scores are micro-averaged over
per-article sets.
"""

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from articles.ingest.records import ExtractedArticle, ParsedItem
from articles.normalise import name_key

_POST_TITLE = re.compile(r"^The post (?P<title>.+?) (?:first appeared|appeared first) on .+$")
_TRAILER = re.compile(
    r"^(?:This post was originally published on|This content originally appeared on"
    r"|By [^.]{1,60}$|Continue reading|Source$)"
)


@dataclass(frozen=True)
class GoldArticle:
    key: str
    item: ParsedItem
    persons: frozenset[str]  # name keys, mentions and authors together
    countries: frozenset[str]


@dataclass
class Scores:
    """Micro-averaged counts of one entity kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[str], gold: Iterable[str]) -> None:
        gold = set(gold)
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        rounded = {k: round(getattr(self, k), 3) for k in ("precision", "recall", "f1")}
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, **rounded}


@dataclass
class Evaluation:
    """The scores of one gold file, with the differences per article for reading."""

    articles: int = 0
    persons: Scores = field(default_factory=Scores)
    countries: Scores = field(default_factory=Scores)
    without_topic: list[str] = field(default_factory=list)
    errors: dict[str, dict] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "persons": self.persons.as_dict(),
            "countries": self.countries.as_dict(),
            "articles_without_topic": self.without_topic,
            "errors": self.errors,
        }


def item_from_lines(lines: Sequence[str], entry: dict) -> ParsedItem:
    """The ParsedItem a parser would make of these seed lines (bullets, trailers removed)."""
    title, kept = "", []
    for raw in lines:
        line = raw.strip().removeprefix("•").strip()
        if match := _POST_TITLE.match(line):
            title = title or match["title"]
        elif line and not _TRAILER.match(line):
            kept.append(line)
    if not title and kept:
        title = kept.pop(0)
    return _item(title, "\n\n".join(kept), entry)


def _item(title: str, body: str, entry: dict) -> ParsedItem:
    return ParsedItem(
        title=title,
        summary="",
        body=body,
        line_start=entry.get("line_start", 1),
        line_end=entry.get("line_end", 1),
        section=entry.get("section", ""),
        authors=tuple(entry.get("credited", entry.get("authors", ()))),
    )


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file (and entry, or line)."""


def load_gold(path: Path, seeds_dir: Path) -> list[GoldArticle]:
    """Read a gold file; seed-line entries read their text from ``seeds_dir``."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["articles"].items()
    except OSError as error:
        raise GoldError(f"{path}: cannot read it ({error.strerror or error}).") from error
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}:{error.lineno}: not JSON ({error.msg}).") from error
    except (KeyError, TypeError, AttributeError) as error:
        raise GoldError(f'{path}: expected {{"articles": {{key: entry, …}}}}.') from error
    files: dict[str, list[str]] = {}
    gold = []
    for key, entry in entries:
        try:
            gold.append(_gold_article(key, entry, files, seeds_dir))
        except OSError as error:
            raise GoldError(f"{path}: entry {key}: cannot read {error.filename}.") from error
        except (KeyError, TypeError, AttributeError) as error:
            raise GoldError(
                f"{path}: entry {key}: needs `text`, or `file`, `line_start` and `line_end` "
                f"({error!r} is missing or wrong)."
            ) from error
    return gold


def _gold_article(key: str, entry: dict, files: dict[str, list[str]], seeds_dir: Path):
    if "text" in entry:
        item = _item(entry.get("title", ""), entry["text"], entry)
    else:
        name = entry["file"]
        if name not in files:
            files[name] = (seeds_dir / name).read_text(encoding="utf-8").split("\n")
        item = item_from_lines(files[name][entry["line_start"] - 1 : entry["line_end"]], entry)
    names = [*entry.get("persons", ()), *entry.get("authors", ())]
    keys = frozenset(name_key(name) for name in names)
    return GoldArticle(key, item, keys, frozenset(entry.get("countries", ())))


def evaluate(gold: Sequence[GoldArticle], extracted: Sequence[ExtractedArticle]) -> Evaluation:
    """Compare extraction with the annotations, article by article."""
    result = Evaluation(articles=len(gold))
    for article, found in zip(gold, extracted, strict=True):
        persons = {name_key(m.name): m.name for m in found.persons}
        countries = {m.code for m in found.countries}
        result.persons.add(set(persons), article.persons)
        result.countries.add(countries, article.countries)
        if not found.topics:
            result.without_topic.append(article.key)
        diff = _differences(set(persons), article.persons, countries, article.countries)
        if diff:
            result.errors[article.key] = diff
    return result


def _differences(persons: set, gold_persons: frozenset, countries: set, gold_countries) -> dict:
    diff = {
        "persons_extra": sorted(persons - gold_persons),
        "persons_missed": sorted(gold_persons - persons),
        "countries_extra": sorted(countries - gold_countries),
        "countries_missed": sorted(gold_countries - countries),
    }
    return {key: value for key, value in diff.items() if value}
