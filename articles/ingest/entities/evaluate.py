"""Scoring the extractors against hand annotations: pure functions, no Django.

The gold files are read by ``gold.load_gold``. Persons are compared on the union of mentioned
persons, authors and photographers: a predicted name matches a gold person when its
``name_key`` equals one of the person's accepted spellings, or when the gold spelling is one
word (the article names the person by surname only) and is the predicted name's last word
(a registry may store the fuller form). Countries compare by ISO code. Scores are
micro-averaged over per-article sets.

Junk persons are predicted names that match no person of any gold article of the run.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from articles.ingest.entities.gold import GoldArticle, GoldError, item_from_lines, load_gold
from articles.ingest.records import ExtractedArticle
from articles.normalise import name_key

__all__ = [
    "Found",
    "GoldArticle",
    "GoldError",
    "evaluate",
    "item_from_lines",
    "junk_persons",
    "load_gold",
    "match_persons",
    "score",
]


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


@dataclass(frozen=True)
class Found:
    """What one article got, extracted or stored: person names and country codes."""

    persons: frozenset[str]
    countries: frozenset[str]
    has_topic: bool = True


@dataclass
class Evaluation:
    """The scores of one gold file, with the differences per article for reading."""

    articles: int = 0
    persons: Scores = field(default_factory=Scores)
    countries: Scores = field(default_factory=Scores)
    without_topic: list[str] = field(default_factory=list)
    errors: dict[str, dict] = field(default_factory=dict)
    junk_persons: list[str] = field(default_factory=list)
    photographers_found: int = 0  # credited photographers among the article's persons
    photographers: int = 0

    @property
    def junk_per_50(self) -> float:
        """Junk persons per 50 articles (the editors' budget is one)."""
        return 50 * len(self.junk_persons) / self.articles if self.articles else 0.0

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "persons": self.persons.as_dict(),
            "countries": self.countries.as_dict(),
            "junk_persons": self.junk_persons,
            "junk_per_50_articles": round(self.junk_per_50, 2),
            "photographers": {"found": self.photographers_found, "credited": self.photographers},
            "articles_without_topic": self.without_topic,
            "errors": self.errors,
        }


def evaluate(
    gold: Sequence[GoldArticle],
    extracted: Sequence[ExtractedArticle],
    known: Sequence[GoldArticle] = (),
) -> Evaluation:
    """Compare extraction with the annotations, article by article (see ``score``)."""
    found = [
        Found(
            frozenset(m.name for m in article.persons),
            frozenset(m.code for m in article.countries),
            bool(article.topics),
        )
        for article in extracted
    ]
    return score(gold, found, known)


def score(
    gold: Sequence[GoldArticle], found: Sequence[Found], known: Sequence[GoldArticle] = ()
) -> Evaluation:
    """Scores of what each gold article got; junk is judged against ``known`` and ``gold``."""
    result = Evaluation(articles=len(gold))
    for article, got in zip(gold, found, strict=True):
        extra, missed = match_persons(got.persons, article.persons)
        result.persons.tp += len(article.persons) - len(missed)
        result.persons.fp += len(extra)
        result.persons.fn += len(missed)
        result.countries.add(set(got.countries), article.countries)
        result.photographers += len(article.photographers)
        result.photographers_found += len(article.photographers) - len(
            match_persons(got.persons, article.photographers)[1]
        )
        if not got.has_topic:
            result.without_topic.append(article.key)
        diff = _differences(extra, missed, set(got.countries), article.countries)
        if diff:
            result.errors[article.key] = diff
    names = {name for got in found for name in got.persons}
    result.junk_persons = junk_persons(names, [*gold, *known])
    return result


def match_persons(names: Iterable[str], gold_persons: Sequence[tuple[str, ...]]):
    """Pair names with gold persons one to one, exact spellings before surnames.

    Returns the unpaired names' keys and the unpaired gold persons' keys (first spelling).
    """
    unpaired = {name_key(name): name for name in names}
    missed = list(gold_persons)
    for accepts in (_same_name, _gold_surname):
        for spellings in list(missed):
            hit = next((k for k, name in unpaired.items() if accepts(name, spellings)), None)
            if hit is not None:
                del unpaired[hit]
                missed.remove(spellings)
    return sorted(unpaired), sorted(name_key(spellings[0]) for spellings in missed)


def _same_name(name: str, spellings: tuple[str, ...]) -> bool:
    return any(name_key(name) == name_key(spelling) for spelling in spellings)


def _gold_surname(name: str, spellings: tuple[str, ...]) -> bool:
    """The article gives only a surname, the prediction the full name ending in it."""
    last = name_key(name.split()[-1]) if name.split() else ""
    return any(len(s.split()) == 1 and name_key(s) == last for s in spellings)


def junk_persons(names: Iterable[str], gold: Sequence[GoldArticle]) -> list[str]:
    """The names that are no gold person of any article, in any accepted form or by surname."""
    spellings = [s for article in gold for person in article.persons for s in person]
    keys = {name_key(s) for s in spellings}
    surnames = {name_key(s.split()[-1]) for s in spellings if s.split()}
    one_word = {name_key(s) for s in spellings if len(s.split()) == 1}

    def known(name: str) -> bool:
        words = name.split()
        if not words:
            return False
        key, last = name_key(name), name_key(words[-1])
        return key in keys or (len(words) == 1 and key in surnames) or last in one_word

    return sorted({name for name in names if not known(name)})


def _differences(extra: list, missed: list, countries: set, gold_countries) -> dict:
    diff = {
        "persons_extra": extra,
        "persons_missed": missed,
        "countries_extra": sorted(countries - gold_countries),
        "countries_missed": sorted(gold_countries - countries),
    }
    return {key: value for key, value in diff.items() if value}
