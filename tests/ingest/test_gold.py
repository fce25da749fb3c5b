"""The parsers against the hand-annotated gold sets: the seeds and the held-out dumps."""

from pathlib import Path

import pytest

from articles.ingest.evaluate import load_gold, overall, score_file
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
# The targets the importer is held to on unseen files.
TARGETS = {"f1": 0.97, "headline_accuracy": 0.90, "source_accuracy": 0.95}


def _dump(gold_file: Path) -> Path:
    beside = gold_file.with_suffix(".txt")
    return beside if beside.exists() else ROOT / "seeds" / beside.name


def _scores(folder: str):
    scores = []
    for gold_file in sorted((GOLD / folder).glob("*.json")):
        document = read_document(_dump(gold_file), 10_000_000)
        scores.append(
            score_file(gold_file.stem, parse_document(document).items, load_gold(gold_file))
        )
    return scores


@pytest.mark.parametrize("folder", ["segments", "heldout"])
def test_gold_scores_meet_the_targets(folder):
    scores = _scores(folder)
    assert scores, f"no gold files in {folder}"
    total = overall(scores)
    for rate, target in TARGETS.items():
        assert getattr(total, rate) >= target, (folder, rate, getattr(total, rate))


def test_gold_covers_every_seed():
    seeds = {path.stem for path in (ROOT / "seeds").glob("*.txt")}
    assert seeds == {path.stem for path in (GOLD / "segments").glob("*.json")}
