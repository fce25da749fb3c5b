"""Scoring functions and the gold files' shape."""

import json
from pathlib import Path

from articles.ingest.entities.evaluate import (
    Found,
    GoldArticle,
    Scores,
    evaluate,
    item_from_lines,
    junk_persons,
    load_gold,
    match_persons,
    score,
)
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
    unseen = load_gold(ROOT / "tests/gold/entities_unseen.json", ROOT / "seeds")
    assert len(gold) >= 40 and len(heldout) >= 10 and len(unseen) >= 70
    assert all(len(code) == 2 and code.isupper() for a in gold for code in a.countries)


def _gold(*persons, countries=(), key="k"):
    """A gold article with these persons (each a tuple of accepted spellings)."""
    item = item_from_lines(["Text."], {})
    return GoldArticle(key, item, tuple(persons), frozenset(countries))


def test_match_persons_accepts_any_listed_spelling_and_a_stored_fuller_form():
    gold = [("Volodymyr Zelenskyy", "Zelensky"), ("Witkoff",), ("Dina Boluarte",)]
    extra, missed = match_persons(["Zelensky", "Steve Witkoff", "Boluarte", "Mato Grosso"], gold)
    assert extra == ["boluarte", "matogrosso"]  # a bare surname where the article names her
    assert missed == ["dinaboluarte"]


def test_match_persons_pairs_one_name_with_one_person_exact_spellings_first():
    gold = [("Trump",), ("Donald Trump",)]
    extra, missed = match_persons(["Donald Trump"], gold)
    assert (extra, missed) == ([], ["trump"])


def test_junk_persons_are_names_of_no_gold_person_in_any_form():
    gold = [_gold(("Ursula von der Leyen",), ("Trump",)), _gold(("Sheikh Hasina",), key="b")]
    names = {"Von der Leyens", "Hasina", "Donald Trump", "File Photo", "Ursula von der Leyen"}
    assert junk_persons(names, gold) == ["File Photo", "Von der Leyens"]


def test_score_counts_persons_countries_and_junk_per_50_articles():
    gold = [
        _gold(("Keir Starmer",), ("Giorgia Meloni",), countries={"GB", "IT"}),
        _gold(("Remo Casilli",), countries={"AL"}, key="b"),
    ]
    found = [
        Found(frozenset({"Keir Starmer", "Normandy"}), frozenset({"GB", "IT", "FR"})),
        Found(frozenset(), frozenset({"AL"}), has_topic=False),
    ]
    result = score(gold, found)
    assert (result.persons.tp, result.persons.fp, result.persons.fn) == (1, 1, 2)
    assert (result.countries.tp, result.countries.fp, result.countries.fn) == (3, 1, 0)
    assert result.junk_persons == ["Normandy"] and result.junk_per_50 == 25.0
    assert result.without_topic == ["b"]
    assert (result.photographers_found, result.photographers) == (0, 0)
    assert result.errors["k"] == {
        "persons_extra": ["normandy"],
        "persons_missed": ["giorgiameloni"],
        "countries_extra": ["FR"],
    }


def test_load_gold_folds_a_person_mentioned_and_credited_and_reads_photographers(tmp_path):
    entry = {
        "title": "T",
        "text": "x",
        "persons": ["Naomi Klein", "Zelensky|Volodymyr Zelenskyy"],
        "authors": ["Naomi Klein"],
        "photographers": ["Toby Melville"],
        "countries": [],
    }
    (tmp_path / "g.json").write_text(json.dumps({"articles": {"k": entry}}), encoding="utf-8")
    (article,) = load_gold(tmp_path / "g.json", tmp_path)
    assert article.persons == (
        ("Naomi Klein",),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Toby Melville",),
    )
    assert article.dump is None


def test_score_counts_the_credited_photographers_found():
    gold = [
        GoldArticle(
            "k",
            item_from_lines(["Text."], {}),
            (("Remo Casilli",),),
            frozenset(),
            None,
            (("Remo Casilli",),),
        ),
        GoldArticle(
            "b",
            item_from_lines(["Text."], {}),
            (("Toby Melville",),),
            frozenset(),
            None,
            (("Toby Melville",),),
        ),
    ]
    found = [Found(frozenset({"Remo Casilli"}), frozenset()), Found(frozenset(), frozenset())]
    result = score(gold, found)
    assert (result.photographers_found, result.photographers) == (1, 2)
    assert result.as_dict()["photographers"] == {"found": 1, "credited": 2}
