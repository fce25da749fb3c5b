"""Score what the import stores: the gold dumps through the real pipeline, then the stored links.

Pass 1 imports every dump the gold files name (``import_seeds`` without workers) and scores the
persons and countries linked to each gold article; each later pass re-extracts the stored
articles of those dumps (``reextract``) with the registry the earlier passes filled, and scores
again, so the difference shows what registry knowledge adds. A gold article is the stored
article of its dump whose lines overlap its own most (at least half, as in segmentation
scoring); one with no such article got nothing (every gold entity missed). Inline-text
entries have no dump and are left out.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from articles.ingest.entities.evaluate import Evaluation, Found, GoldArticle, score
from articles.ingest.evaluate import MIN_OVERLAP, overlap
from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.pipeline import import_paths
from articles.ingest.reextract import reextract_links
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

# Called with the number of the pass about to run, so a command can say what it is doing.
PassHook = Callable[[int], None]


@dataclass
class PassScores:
    """One pass: the evaluation of each gold file and of all of them together."""

    number: int
    files: dict[str, Evaluation] = field(default_factory=dict)
    overall: Evaluation = field(default_factory=Evaluation)

    def as_dict(self) -> dict:
        files = {name: evaluation.as_dict() for name, evaluation in self.files.items()}
        return {"pass": self.number, "files": files, "overall": self.overall.as_dict()}


def importable(golds: dict[str, list[GoldArticle]]) -> dict[str, list[GoldArticle]]:
    """The gold articles that come from a dump (inline texts cannot be imported)."""
    kept = {name: [a for a in articles if a.dump] for name, articles in golds.items()}
    return {name: articles for name, articles in kept.items() if articles}


def score_imports(
    golds: dict[str, list[GoldArticle]], *, passes: int, max_bytes: int, on_pass: PassHook
) -> list[PassScores]:
    """Import the gold dumps, then score pass 1 and each re-extraction pass after it."""
    golds = importable(golds)
    dumps = dump_paths(golds)
    on_pass(1)
    extractor = Extractor(load_catalog())
    run = import_paths(dumps, extractor=extractor, max_bytes=max_bytes)
    if run.failed:
        raise ValueError("; ".join(report.error for report in run.failed))
    results = [score_stored(golds, 1)]
    stored = Article.objects.filter(provenance_file__in=[dump.name for dump in dumps])
    ids = list(stored.values_list("pk", flat=True))
    for number in range(2, passes + 1):
        on_pass(number)
        reextract_links(ids, Extractor(load_catalog(), nlp=extractor.nlp))
        results.append(score_stored(golds, number))
    return results


def score_stored(golds: dict[str, list[GoldArticle]], number: int) -> PassScores:
    """Score the links stored now for every gold article."""
    every = [article for articles in golds.values() for article in articles]
    found = stored_found(every)
    result = PassScores(number, overall=score(every, found))
    start = 0
    for name, articles in golds.items():  # ``found`` is in the order of ``every``
        result.files[name] = score(articles, found[start : start + len(articles)], every)
        start += len(articles)
    return result


def stored_found(gold: Sequence[GoldArticle]) -> list[Found]:
    """What each gold article's stored article is linked to (nothing when none was stored)."""
    ids = stored_ids(gold)
    persons, countries = defaultdict(set), defaultdict(set)
    wanted = [pk for pk in ids if pk is not None]
    links = ArticlePerson.objects.filter(article_id__in=wanted)
    for pk, name in links.values_list("article_id", "person__name"):
        persons[pk].add(name)
    links = ArticleCountry.objects.filter(article_id__in=wanted)
    for pk, code in links.values_list("article_id", "country__code"):
        countries[pk].add(code)
    topical = set(
        ArticleTopic.objects.filter(article_id__in=wanted).values_list("article_id", flat=True)
    )
    return [Found(frozenset(persons[pk]), frozenset(countries[pk]), pk in topical) for pk in ids]


def stored_ids(gold: Sequence[GoldArticle]) -> list[int | None]:
    """The stored article of each gold article: same dump, the most overlapping lines."""
    names = {article.dump.name for article in gold if article.dump}
    stored = defaultdict(list)
    rows = Article.objects.filter(provenance_file__in=names).values_list(
        "pk", "provenance_file", "provenance_line_start", "provenance_line_end"
    )
    for pk, file, start, end in rows:
        stored[file].append((pk, start, end))
    return [_best(stored[a.dump.name], a) if a.dump else None for a in gold]


def _best(candidates: list[tuple[int, int, int]], article: GoldArticle) -> int | None:
    lines = (article.item.line_start, article.item.line_end)
    scored = [(overlap(start, end, *lines), pk) for pk, start, end in candidates]
    best = max(scored, default=(0.0, None))
    return best[1] if best[0] >= MIN_OVERLAP else None


def dump_paths(golds: dict[str, list[GoldArticle]]) -> list[Path]:
    """The distinct dumps the gold articles come from.

    Stored articles name their dump by file name only (``provenance_file``), so two dumps of
    one name in different folders would be scored against each other's articles: an error.
    """
    paths = sorted({a.dump for articles in golds.values() for a in articles if a.dump})
    names = [path.name for path in paths]
    if twice := sorted({name for name in names if names.count(name) > 1}):
        raise ValueError(f"gold dumps share a file name, rename one: {', '.join(twice)}")
    return paths
