import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.ingest.copies import CopyRule
from articles.ingest.evaluate_copies import CopyGold, score
from articles.ingest.records import ParsedItem

TEXT = (
    "Dock workers in Genoa refused on Monday to load a cargo ship bound for the war zone, "
    "saying the containers held weapons and their union would not take part in the arms trade."
)


def item(summary: str, line: int) -> ParsedItem:
    return ParsedItem(
        title=f"Item {line}", summary=summary, body="", line_start=line, line_end=line
    )


def test_score_counts_pairs_within_copy_groups():
    items = [
        ("a.txt:1", item(TEXT, 1)),
        ("b.txt:1", item("Headline changed. " + TEXT, 1)),
        ("b.txt:3", item(TEXT + " Shared with thanks to the union's press office.", 3)),
        (
            "c.txt:1",
            item("Teachers in Tehran went on strike over pay and were arrested at dawn.", 1),
        ),
    ]
    gold = CopyGold(
        groups=(frozenset({"a.txt:1", "b.txt:1"}), frozenset({"c.txt:1", "b.txt:3"})),
        near_misses=(frozenset({"a.txt:1", "c.txt:1"}),),
    )
    result = score(items, gold, CopyRule())
    assert result.predicted == {
        frozenset(pair)
        for pair in [("a.txt:1", "b.txt:1"), ("a.txt:1", "b.txt:3"), ("b.txt:1", "b.txt:3")]
    }
    assert len(result.true_pairs) == 1
    assert result.precision == pytest.approx(1 / 3) and result.recall == pytest.approx(1 / 2)
    assert result.near_misses_matched == []


def test_score_copies_command_on_the_gold_set():
    out = io.StringIO()
    call_command("score_copies", stdout=out)
    first = out.getvalue().splitlines()[0]
    assert "precision 1.000" in first  # precision first: no false copy on the gold set


def test_score_copies_refuses_a_folder_without_gold(tmp_path):
    (tmp_path / "gold.json").write_text(json.dumps({"groups": "not a list"}))
    with pytest.raises(CommandError):
        call_command("score_copies", "--gold", str(tmp_path / "missing"), stdout=io.StringIO())
