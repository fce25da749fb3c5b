"""Import benchmarks: seeds from scratch and again, a synthetic corpus, and the NER baseline."""

import tempfile
import time
from pathlib import Path

from django.conf import settings

from articles import counts
from articles.benchmarks.synthetic import write_corpus
from articles.ingest.entities import throughput
from articles.ingest.entities.topics import GENERAL_SLUG
from articles.ingest.extract import Extractor, load_nlp
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.pipeline import dump_paths, import_paths, parse_path
from articles.models import Article, Person, Source, Story, Topic


class TimedExtractor:
    """Wraps an extractor to add up the seconds spent in it."""

    def __init__(self, extractor):
        self.extractor = extractor
        self.seconds = 0.0

    def extract(self, items):
        started = time.perf_counter()
        try:
            return self.extractor.extract(items)
        finally:
            self.seconds += time.perf_counter() - started


@counts.kept  # the deleted links' counts are recounted once, not once per link
def reset_imported_rows() -> None:
    """Empty what imports create, keeping countries, aliases and the keyword taxonomy."""
    Article.objects.all().delete()
    Story.objects.all().delete()
    Person.objects.all().delete()
    Source.objects.all().delete()
    # Topics the import made from sections have no keywords; the taxonomy's fallback has none
    # either, yet belongs to the taxonomy (migration 0004) and must keep its id.
    Topic.objects.filter(keywords="").exclude(slug=GENERAL_SLUG).delete()


def timed_import(paths: list[Path]) -> dict:
    """Import ``paths`` once; seconds in total and by stage (parse, NER+extract, database)."""
    max_bytes = settings.NEWSDB_MAX_DUMP_BYTES
    started = time.perf_counter()
    for path in dump_paths(paths):
        parse_path(path, max_bytes)
    parse_seconds = time.perf_counter() - started
    extractor = TimedExtractor(Extractor(load_catalog()))
    started = time.perf_counter()
    report = import_paths(paths, extractor=extractor, max_bytes=max_bytes)
    total = time.perf_counter() - started
    totals = report.totals()
    return {
        "seconds": round(total, 3),
        "articles": totals["created"] + totals["unchanged"] + totals["updated"],
        "created": totals["created"],
        "parse_seconds": round(parse_seconds, 3),
        "extract_seconds": round(extractor.seconds, 3),
        "database_seconds": round(max(total - extractor.seconds - parse_seconds, 0.0), 3),
    }


def ner_baseline(paths: list[Path]) -> dict:
    """Words per second of the bare NER model over the same article texts the import reads."""
    texts = []
    for path in dump_paths(paths):
        _, items, _ = parse_path(path, settings.NEWSDB_MAX_DUMP_BYTES)
        texts.extend(item.text_for_entities() for item in items)
    nlp = load_nlp()
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    seconds = time.perf_counter() - started
    return {"words": words, "seconds": round(seconds, 3), "words_per_second": words / seconds}


def extraction_figures(seeds: Path) -> dict:
    """Words per second of the bare model and of the whole Extractor on the seed articles."""
    texts = []
    for path in dump_paths([seeds]):
        _, items, _ = parse_path(path, settings.NEWSDB_MAX_DUMP_BYTES)
        texts.extend(item.text_for_entities() for item in items)
    result = throughput.measure(texts * 3, load_catalog())
    return {
        "words": result.words,
        "model_words_per_second": result.model_words_per_second,
        "extractor_words_per_second": result.extractor_words_per_second,
        "overhead": result.overhead,
        "rules_share": result.rules_share,
    }


def run(seeds: Path, corpus_size: int) -> dict:
    """The whole import benchmark on the configured database."""
    load_nlp()  # model loading is start-up cost, not import throughput
    reset_imported_rows()
    results = {"seeds_scratch": timed_import([seeds]), "seeds_again": timed_import([seeds])}
    with tempfile.TemporaryDirectory() as scratch:
        corpus = write_corpus(Path(scratch), corpus_size)
        reset_imported_rows()
        synthetic = timed_import(corpus)
        baseline = ner_baseline(corpus)
    synthetic["words"] = baseline["words"]
    synthetic["articles_per_second"] = synthetic["articles"] / synthetic["seconds"]
    synthetic["words_per_second"] = baseline["words"] / synthetic["seconds"]
    results["synthetic"] = synthetic
    results["ner_baseline"] = baseline
    results["import_vs_ner"] = synthetic["words_per_second"] / baseline["words_per_second"]
    results["extraction"] = extraction_figures(seeds)
    reset_imported_rows()
    return results
