"""The dates gold: every entry resolves to one article; scores count dates and nulls."""

import json
from datetime import date
from pathlib import Path

import pytest

from articles.ingest.entities.evaluate_dates import (
    DatedGold,
    date_errors,
    load_date_gold,
    score_dates,
)
from articles.ingest.entities.gold import GoldError, read_entries
from articles.ingest.records import ParsedItem

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests/gold/dates.json"


def test_dates_gold_resolves_every_entry_to_exactly_one_article():
    entries = read_entries(GOLD, ROOT / "seeds")
    gold = load_date_gold(GOLD, ROOT / "seeds")
    assert len(gold) == len(entries) >= 40
    # no two entries name the same article of the same dump
    places = {(entry.dump, entry.item.line_start, entry.item.title) for entry in entries}
    assert len(places) == len(entries)
    from_seeds = [entry for entry in entries if "file" in entry.entry]
    assert len(from_seeds) <= len(entries) / 2
    dated = [entry for entry in gold if entry.dated is not None]
    assert 0 < len(dated) < len(gold)  # both dated articles and undated ones


def write(tmp_path, articles) -> Path:
    path = tmp_path / "dates.json"
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"title": "T", "text": "Body."}, "needs `dated`"),
        ({"title": "T", "text": "Body.", "dated": "9 July 2021"}, "not an ISO date"),
        ({"dated": None}, "needs `text`"),
    ],
)
def test_load_date_gold_names_the_entry_it_cannot_read(tmp_path, entry, message):
    with pytest.raises(GoldError, match=rf"entry k: .*{message}"):
        load_date_gold(write(tmp_path, {"k": entry}), tmp_path)


def gold(*days):
    item = ParsedItem(title="T", summary="", body="", line_start=1, line_end=1)
    return [DatedGold(f"a{n}", item, day) for n, day in enumerate(days)]


def test_score_dates_counts_right_dates_and_kept_nulls():
    july, june = date(2021, 7, 9), date(2024, 6, 25)
    entries = gold(july, june, None, None, july)
    found = [july, None, june, None, june]
    result = score_dates(entries, found)
    assert (result.predicted, result.gold, result.correct) == (3, 3, 1)
    assert (result.nulls, result.nulls_kept) == (2, 1)
    assert round(result.precision, 3) == round(result.recall, 3) == 0.333
    errors = date_errors(entries, found)
    assert [(error.key, error.expected, error.found) for error in errors] == [
        ("a1", june, None),
        ("a2", None, june),
        ("a4", july, june),
    ]


def test_score_dates_without_predictions_has_full_precision_and_no_recall():
    result = score_dates(gold(date(2021, 7, 9)), [None])
    assert (result.precision, result.recall, result.f1) == (1.0, 0.0, 0.0)
