import json

import pytest

from articles.ingest.evaluate import (
    FileScore,
    GoldItem,
    failed_file,
    format_table,
    load_gold,
    match_items,
    normalise_title,
    overall,
    overlap,
    score_file,
)
from articles.ingest.records import ParsedItem


def _item(start, end, title="T", derived=False, source=None, original=None):
    return ParsedItem(
        title=title,
        summary="s",
        body="",
        line_start=start,
        line_end=end,
        title_derived=derived,
        source=source,
        original_source=original,
    )


def test_overlap_is_intersection_over_union_of_inclusive_ranges():
    assert overlap(1, 3, 1, 3) == 1.0
    assert overlap(1, 4, 3, 6) == pytest.approx(2 / 6)
    assert overlap(1, 2, 3, 4) == 0.0


def test_match_items_pairs_best_overlap_first_and_one_to_one():
    predicted = [_item(1, 10), _item(11, 12)]
    gold = [GoldItem(1, 4, "a"), GoldItem(5, 10, "b"), GoldItem(11, 12, "c")]
    # 1-10 overlaps "b" (6/10) better than "a" (4/10); "a" stays unmatched.
    assert match_items(predicted, gold) == [(0, 1), (1, 2)]


def test_match_items_needs_half_overlap():
    assert match_items([_item(1, 10)], [GoldItem(1, 4, "a")]) == []


def test_score_file_counts_segmentation_titles_and_sources():
    predicted = [
        _item(1, 3, "Strike “ends”  today", source="Dissident Voice"),
        _item(5, 7, "Derived words", derived=True, source="X"),
        _item(9, 9, "Extra"),
    ]
    gold = [
        GoldItem(1, 3, 'Strike "ends" today', source="Dissident Voice"),
        GoldItem(5, 8, "Any", title_derived=True, source="Y", original_source="CNN"),
        GoldItem(20, 22, "Missed"),
    ]
    score = score_file("f", predicted, gold)
    assert (score.gold, score.predicted, score.matched, score.exact_spans) == (3, 3, 2, 1)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)
    assert score.titles == 2 and score.headline_accuracy == pytest.approx(2 / 3)
    assert score.sources == 1 and score.source_accuracy == pytest.approx(1 / 3)
    assert score.original_sources == 1  # matched item 1 agrees (none), item 2 misses CNN


def test_score_file_does_not_accept_a_derived_title_for_a_written_one():
    score = score_file("f", [_item(1, 1, "Same", derived=True)], [GoldItem(1, 1, "Same")])
    assert score.titles == 0


def test_f1_of_nothing_found_is_zero():
    assert FileScore("f", gold=3, predicted=0).f1 == 0.0


def test_overall_sums_counts_across_files():
    total = overall([FileScore("a", 2, 2, 2, 2, 2, 1, 2), FileScore("b", 2, 1, 1, 1, 0, 1, 1)])
    assert (total.gold, total.predicted, total.matched, total.titles, total.sources) == (
        4,
        3,
        3,
        2,
        2,
    )
    assert total.recall == pytest.approx(0.75) and total.headline_accuracy == pytest.approx(0.5)


def test_failed_file_counts_every_gold_item_as_missed():
    score = failed_file("f", [GoldItem(1, 1, "a")], "x.txt: binary data")
    assert (score.recall, score.error) == (0.0, "x.txt: binary data")
    assert "ERROR x.txt: binary data" in format_table([score])


def test_normalise_title_folds_quotes_and_spaces():
    assert normalise_title("Lenin’s  “Imperialism”\u00a0Today ") == 'Lenin\'s "Imperialism" Today'


def test_load_gold_reads_the_annotation_format(tmp_path):
    path = tmp_path / "g.json"
    row = {"line_start": 1, "line_end": 2, "title": "T", "title_derived": False, "source": None,
           "original_source": None, "authors": ["A B"], "section": "S"}  # fmt: skip
    path.write_text(json.dumps([row]))
    assert load_gold(path) == [GoldItem(1, 2, "T", False, None, None, ("A B",), "S")]
