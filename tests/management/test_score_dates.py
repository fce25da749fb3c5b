"""score_dates: the real extraction's dates against a small gold file, as a table or JSON."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ARTICLES = {
    "fire": {
        "title": "Factory fire",
        "text": "A fire killed 52 workers outside Dhaka on Friday, July 9, 2021, officials said.",
        "dated": "2021-07-09",
    },
    "strike": {
        "title": "Nurses strike",
        "text": "Nurses in Leeds walked out on Monday over pay, their union said.",
        "dated": None,
    },
    "vote": {  # the gold says the day after the date the text writes: one wrong prediction
        "title": "Vote",
        "text": "Parliament in Lisbon passed the budget on June 25, 2024, after a long debate.",
        "dated": "2024-06-26",
    },
}


def run(*args) -> str:
    out = io.StringIO()
    call_command("score_dates", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "dates.json"
    path.write_text(json.dumps({"articles": ARTICLES}), encoding="utf-8")
    return path


def test_score_dates_scores_the_extracted_dates(db, gold):
    result = json.loads(run(gold, "--json"))["dates.json"]
    assert (result["predicted"], result["gold"], result["correct"]) == (2, 2, 1)
    assert (result["nulls"], result["nulls_kept"]) == (1, 1)
    assert result["precision"] == result["recall"] == 0.5


def test_score_dates_prints_a_table_row_and_the_errors(db, gold):
    output = run(gold, "--errors")
    assert "| dates.json | 3 | 2 | 2 | 1 | 0.500 | 0.500 | 0.500 | 1 / 1 |" in output
    assert "vote: expected 2024-06-26, found 2024-06-25" in output
    assert "fire:" not in output


def test_score_dates_refuses_an_unreadable_gold(db, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"articles": {"x": {"title": "T", "text": "B."}}}', encoding="utf-8")
    with pytest.raises(CommandError, match="needs `dated`"):
        run(path)
