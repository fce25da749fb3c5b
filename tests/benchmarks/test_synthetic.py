from articles.benchmarks.report import render_import_section
from articles.benchmarks.synthetic import synthetic_dumps, write_corpus
from articles.ingest.pipeline import parse_path


def test_write_corpus_covers_all_five_layouts_with_exact_counts(tmp_path):
    paths = write_corpus(tmp_path, articles=230, per_file=50)
    parsed = [parse_path(path, 10**7) for path in paths]
    layouts = {report.layout for _, _, report in parsed}
    assert len(layouts) == 5
    assert [len(items) for _, items, _ in parsed] == [50, 50, 50, 50, 30]


def test_synthetic_dumps_are_deterministic_for_a_seed():
    assert list(synthetic_dumps(20, seed=3)) == list(synthetic_dumps(20, seed=3))
    assert list(synthetic_dumps(20, seed=3)) != list(synthetic_dumps(20, seed=4))


def test_render_import_section_reports_shares_and_ratio():
    run = {"articles": 75, "seconds": 2.0}
    figures = {
        "seeds_scratch": run,
        "seeds_again": run,
        "synthetic": {
            "articles": 100, "seconds": 4.0, "parse_seconds": 0.4, "extract_seconds": 3.0,
            "database_seconds": 0.6, "articles_per_second": 25.0, "words_per_second": 800.0,
        },
        "ner_baseline": {"words_per_second": 1000.0},
        "import_vs_ner": 0.8,
    }  # fmt: skip
    text = render_import_section("SQLite", figures)
    assert "**80%**" in text
    assert "NER and extraction 75%, parsing 10%, database 15%" in text
