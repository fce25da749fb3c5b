"""bench_import at a tiny size: the figures' shape, and no imported rows left behind."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.ingest.entities.topics import GENERAL_SLUG
from articles.models import Article, Person, Source, Topic

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def general_topic_id(db) -> int:
    """The fallback topic's id before the benchmark runs (request it before ``figures``)."""
    return Topic.objects.get(slug=GENERAL_SLUG).pk


@pytest.fixture
def figures(db, tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SAMPLES / "pairs.txt", seeds / "pairs.txt")
    out = io.StringIO()
    call_command(
        "bench_import", "--seeds", str(seeds), "--articles", "5", stdout=out, stderr=io.StringIO()
    )
    return json.loads(out.getvalue())


def test_bench_import_imports_the_seeds_once_then_finds_them_unchanged(figures):
    scratch, again = figures["seeds_scratch"], figures["seeds_again"]
    assert scratch["created"] == scratch["articles"] == 2  # the two articles of pairs.txt
    assert again["created"] == 0 and again["articles"] == 2


def test_bench_import_measures_the_synthetic_corpus_by_stage(figures):
    synthetic = figures["synthetic"]
    assert synthetic["articles"] == synthetic["created"] == 5
    stages = ("parse_seconds", "extract_seconds", "database_seconds")
    assert all(synthetic[stage] >= 0 for stage in stages)
    assert synthetic["extract_seconds"] <= synthetic["seconds"]
    assert synthetic["words"] == figures["ner_baseline"]["words"] > 0
    assert synthetic["articles_per_second"] > 0 and synthetic["words_per_second"] > 0
    assert figures["import_vs_ner"] > 0


def test_bench_import_reports_extraction_throughput_and_database(figures):
    extraction = figures["extraction"]
    assert extraction["words"] > 0
    assert extraction["model_words_per_second"] > 0 < extraction["extractor_words_per_second"]
    assert figures["database"] in {"sqlite3", "postgresql"}


def test_bench_import_leaves_no_imported_rows_behind(figures):
    assert not Article.objects.exists()
    assert not Person.objects.exists() and not Source.objects.exists()
    assert Topic.objects.exclude(keywords="").exists()  # the keyword taxonomy stays


def test_bench_import_keeps_the_fallback_topic_and_its_id(general_topic_id, figures):
    assert Topic.objects.get(slug=GENERAL_SLUG).pk == general_topic_id
