"""score_entities: person and country P/R/F1 over a gold file, as JSON or as a table."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

GOLD = Path(__file__).resolve().parents[2] / "tests" / "gold"

TEXTS = {
    "talks": (
        "Kyiv talks",
        "Russian President Vladimir Putin met Ukrainian President Volodymyr Zelensky in "
        "Istanbul on Monday. Putin said the talks with Zelensky would continue in Turkey.",
    ),
    "strike": (
        "Dock strike",
        "Dock workers in Italy and France walked out on Tuesday. Giorgia Meloni called the "
        "strike unlawful; Emmanuel Macron did not comment.",
    ),
}


def write_gold(path, persons=None, countries=None):
    """A gold file of the two TEXTS; ``persons``/``countries`` by key (default: none)."""
    articles = {
        key: {
            "title": title,
            "text": text,
            "persons": (persons or {}).get(key, []),
            "countries": (countries or {}).get(key, []),
        }
        for key, (title, text) in TEXTS.items()
    }
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    return path


def score(*args) -> str:
    out = io.StringIO()
    call_command("score_entities", *map(str, args), stdout=out)
    return out.getvalue()


def scores(gold) -> dict:
    return json.loads(score(gold, "--json"))[gold.name]


def test_score_entities_reports_rates_between_0_and_1(db, tmp_path):
    gold = write_gold(
        tmp_path / "gold.json",
        persons={"talks": ["Vladimir Putin", "Recep Erdogan"], "strike": ["Giorgia Meloni"]},
        countries={"talks": ["RU", "UA", "TR"], "strike": ["IT"]},
    )
    result = scores(gold)
    assert result["articles"] == 2
    for kind in ("persons", "countries"):
        found = result[kind]
        assert all(0.0 <= found[rate] <= 1.0 for rate in ("precision", "recall", "f1"))
        assert found["tp"] + found["fn"] == {"persons": 3, "countries": 4}[kind]
        assert found["tp"] > 0
    assert result["persons"]["fn"] >= 1  # Erdogan is not in the text


def test_score_entities_is_perfect_when_gold_equals_prediction(db, tmp_path):
    # first run: no gold entities, so everything found is "extra"; then that becomes the gold
    first = scores(write_gold(tmp_path / "empty.json"))
    assert first["persons"]["fp"] > 0 and first["countries"]["fp"] > 0
    assert first["persons"]["precision"] == 0.0 and first["persons"]["recall"] == 1.0
    found = {key: diff for key, diff in first["errors"].items()}
    gold = write_gold(
        tmp_path / "same.json",
        persons={key: diff.get("persons_extra", []) for key, diff in found.items()},
        countries={key: diff.get("countries_extra", []) for key, diff in found.items()},
    )
    result = scores(gold)
    for kind in ("persons", "countries"):
        assert result[kind]["fp"] == result[kind]["fn"] == 0
        assert result[kind]["precision"] == result[kind]["recall"] == result[kind]["f1"] == 1.0
    assert result["errors"] == {}


def test_score_entities_prints_a_table_per_gold_file(db, tmp_path):
    one = write_gold(tmp_path / "one.json", persons={"talks": ["Vladimir Putin"]})
    two = write_gold(tmp_path / "two.json")
    lines = score(one, two, "--errors").splitlines()
    assert lines[0] == "one.json: 2 articles"
    assert lines[1].split()[0] == "persons" and lines[2].split()[0] == "countries"
    assert any(line.startswith("two.json: 2 articles") for line in lines)
    assert any(line.strip().startswith("talks: {") for line in lines)  # --errors
    junk = re.match(r"  junk persons: (\d+) \(([\d.]+) per 50 articles\)", lines[3])
    assert junk and int(junk[1]) >= 2  # the gold names one person of the text's several
    assert float(junk[2]) == 25 * int(junk[1])  # two articles
    assert "articles without a topic:" in lines[4]


@pytest.mark.slow
def test_score_entities_scores_every_gold_file_by_default(db):
    result = json.loads(score("--json"))
    # Every gold file of tests/gold/ (a new one left out of the command's list fails here).
    assert set(result) == {path.name for path in GOLD.glob("entities*.json")}
    for file in result.values():
        assert file["articles"] > 0
        assert 0.5 <= file["persons"]["f1"] <= 1.0 and 0.5 <= file["countries"]["f1"] <= 1.0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read it"),
        ("{not json", ":1: not JSON"),
        ('{"entries": []}', "expected"),
        ('{"articles": {"a1": {"title": "No text"}}}', "entry a1: needs `text`"),
        ('{"articles": {"a1": {"file": "absent.txt", "line_start": 1, "line_end": 2}}}', "a1"),
    ],
)
def test_score_entities_names_the_file_and_entry_of_a_bad_gold_file(tmp_path, content, message):
    path = tmp_path / "gold.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as raised:
        call_command("score_entities", str(path), stdout=io.StringIO())
    assert str(path) in str(raised.value)


DUMP = (
    "Grain talks in Istanbul\n\n"
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Istanbul "
    "on Monday to discuss grain exports.\n\n"
    "Dock strike spreads\n\n"
    "Dock workers in Genoa walked out on Tuesday, and Prime Minister Giorgia Meloni called the "
    "strike unlawful.\n"
)


def write_dump_gold(tmp_path):
    """A two-article dump and its gold: one person the text does not name, one country too few."""
    (tmp_path / "tiny.txt").write_text(DUMP, encoding="utf-8")
    articles = {
        "talks": {
            "dump": "tiny.txt",
            "anchor": "Grain talks",
            "persons": ["Vladimir Putin", "Recep Tayyip Erdogan"],
            "countries": ["RU", "TR"],
        },
        "strike": {
            "dump": "tiny.txt",
            "anchor": "Dock workers in Genoa",
            "persons": ["Giorgia Meloni"],
            "photographers": ["Remo Casilli"],
            "countries": [],
        },
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps({"articles": articles}), encoding="utf-8")
    return path


def test_score_entities_import_scores_the_stored_links_of_each_pass(db, tmp_path):
    from articles.models import Article

    out, err = io.StringIO(), io.StringIO()
    gold = write_dump_gold(tmp_path)
    call_command("score_entities", str(gold), "--import", "--json", stdout=out, stderr=err)
    report = json.loads(out.getvalue())
    assert report["persons_before"] == 0
    assert [run["pass"] for run in report["passes"]] == [1, 2]
    for run in report["passes"]:
        result = run["files"]["tiny.json"]
        assert result["articles"] == 2
        persons, countries = result["persons"], result["countries"]
        assert (persons["tp"], persons["fp"], persons["fn"]) == (3, 0, 1)  # the photographer
        assert persons["precision"] == 1.0 and persons["recall"] == 0.75
        assert (countries["tp"], countries["fp"], countries["fn"]) == (2, 1, 0)  # Italy
        assert result["errors"]["strike"]["countries_extra"] == ["IT"]
        assert result["junk_persons"] == [] and result["junk_per_50_articles"] == 0.0
        assert result["photographers"] == {"found": 0, "credited": 1}
    assert "pass 2: re-extraction with the registry (registry: 3 persons)" in err.getvalue()
    assert Article.objects.filter(provenance_file="tiny.txt").count() == 2


def test_score_entities_import_prints_each_pass_and_the_overall_line(db, tmp_path):
    out = io.StringIO()
    call_command("score_entities", str(write_dump_gold(tmp_path)), "--import", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "pass 1: import (registry: 0 persons)"
    assert "== pass 1" in lines and "== pass 2" in lines
    assert lines.count("overall: 2 articles") == 2
    assert "  junk persons: 0 (0.00 per 50 articles)" in lines
    assert "  photographers found: 0 of 1 credited" in lines


def test_score_entities_import_refuses_gold_without_dumps(db, tmp_path):
    with pytest.raises(CommandError, match="needs gold articles from dumps"):
        call_command("score_entities", str(write_gold(tmp_path / "g.json")), "--import")
