import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _gold_dir(tmp_path, sample="pairs.txt"):
    shutil.copy(SAMPLES / sample, tmp_path / "one.txt")
    empty = {"title_derived": False, "source": None, "original_source": None, "authors": []}
    rows = [
        {"line_start": 1, "line_end": 3, "title": "Can Solar Power Save the Sahel's Farms?"},
        {"line_start": 5, "line_end": 7, "title": "A wrong title"},
    ]
    rows = [{**empty, **row, "section": ""} for row in rows]
    (tmp_path / "one.json").write_text(json.dumps(rows))
    return tmp_path


def test_score_import_prints_a_table_per_file_and_overall(tmp_path):
    out = StringIO()
    call_command("score_import", gold=str(_gold_dir(tmp_path)), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:4] == ["file", "gold", "pred", "exact"]
    assert lines[1].split()[:4] == ["one", "2", "2", "2"]
    assert lines[-1].startswith("overall")
    assert "0.500" in lines[1]  # one title of two


def test_score_import_prints_json(tmp_path):
    out = StringIO()
    call_command("score_import", gold=str(_gold_dir(tmp_path)), json=True, stdout=out)
    one, total = json.loads(out.getvalue())
    assert (one["name"], one["f1"], one["headline_accuracy"]) == ("one", 1.0, 0.5)
    assert total["name"] == "overall"


def test_score_import_reports_an_unreadable_dump_and_fails(tmp_path):
    gold = _gold_dir(tmp_path)
    (gold / "one.txt").write_bytes(b"\x00\x01binary")
    out = StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("score_import", gold=str(gold), stdout=out)
    assert exit_.value.code == 1
    assert "ERROR" in out.getvalue() and "binary data" in out.getvalue()


def test_score_import_scores_the_seeds_by_default():
    out = StringIO()
    call_command("score_import", json=True, stdout=out)
    scores = json.loads(out.getvalue())
    assert len(scores) == 6 and scores[-1]["f1"] >= 0.97
