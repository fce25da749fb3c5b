"""Scoring functions and the gold files' shape."""

import json
from pathlib import Path

from articles.ingest.entities.evaluate import Scores, evaluate, item_from_lines, load_gold
from articles.ingest.records import CountryMention, ExtractedArticle, PersonMention

ROOT = Path(__file__).resolve().parents[3]


def test_scores_micro_precision_recall_f1():
    scores = Scores()
    scores.add({"a", "b"}, {"a", "c"})
    scores.add({"d"}, {"d"})
    assert (scores.tp, scores.fp, scores.fn) == (2, 1, 1)
    assert scores.precision == scores.recall == 2 / 3


def test_item_from_lines_uses_post_title_and_drops_trailers():
    lines = [
        "  • Troops crossed the border.",
        "    The post Border Crossing appeared first on PopularResistance.Org.",
        "    This post was originally published on PopularResistance.Org.",
    ]
    item = item_from_lines(lines, {"section": "Category: Ukraine"})
    assert item.title == "Border Crossing"
    assert item.body == "Troops crossed the border."


def test_evaluate_compares_name_keys_and_codes(tmp_path):
    gold_file = tmp_path / "gold.json"
    entry = {"title": "T", "text": "x", "persons": ["Vladimir Putin"], "countries": ["RU"]}
    gold_file.write_text(json.dumps({"articles": {"k": entry}}))
    gold = load_gold(gold_file, tmp_path)
    found = ExtractedArticle(
        gold[0].item, "f", (PersonMention("vladimir putin"),), (CountryMention("UA"),)
    )
    result = evaluate(gold, [found])
    assert result.persons.f1 == 1.0
    assert (result.countries.fp, result.countries.fn) == (1, 1)
    assert result.without_topic == ["k"]


def test_gold_files_have_enough_annotated_articles():
    gold = load_gold(ROOT / "tests/gold/entities.json", ROOT / "seeds")
    heldout = load_gold(ROOT / "tests/gold/entities_heldout.json", ROOT / "seeds")
    assert len(gold) >= 40 and len(heldout) >= 10
    assert all(len(code) == 2 and code.isupper() for a in gold for code in a.countries)
