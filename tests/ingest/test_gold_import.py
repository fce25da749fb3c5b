"""Scoring what the import stores: gold articles paired with the articles the importer saved."""

from dataclasses import replace
from pathlib import Path

import pytest

from articles.ingest.entities.gold import load_gold
from articles.ingest.gold_import import (
    dump_paths,
    importable,
    score_stored,
    stored_found,
    stored_ids,
)

ROOT = Path(__file__).resolve().parents[2]
UNSEEN = ROOT / "tests" / "gold" / "entities_unseen.json"


def test_importable_keeps_the_gold_articles_that_come_from_a_dump():
    golds = {
        "seeds": load_gold(ROOT / "tests/gold/entities.json", ROOT / "seeds"),
        "inline": load_gold(ROOT / "tests/gold/entities_heldout.json", ROOT / "seeds"),
    }
    kept = importable(golds)
    assert list(kept) == ["seeds"] and len(kept["seeds"]) == len(golds["seeds"])
    assert {path.name for path in dump_paths(kept)} == {
        p.name for p in (ROOT / "seeds").glob("*.txt")
    }


def test_gold_articles_with_nothing_stored_miss_every_entity(db):
    gold = load_gold(UNSEEN, ROOT / "seeds")
    assert set(stored_ids(gold)) == {None}
    assert all(not found.persons and not found.countries for found in stored_found(gold))
    result = score_stored({"unseen": gold}, 1).overall
    assert result.persons.tp == 0 and result.persons.fn == sum(len(a.persons) for a in gold)


@pytest.mark.slow
def test_every_unseen_gold_article_is_found_among_the_imported_articles(db):
    from django.core.management import call_command

    gold = load_gold(UNSEEN, ROOT / "seeds")
    call_command("import_seeds", *map(str, dump_paths({"unseen": gold})), "--workers", "1")
    ids = stored_ids(gold)
    assert None not in ids and len(set(ids)) == len(gold)  # one stored article each
    result = score_stored({"unseen": gold}, 1)
    assert result.overall.articles == len(gold) >= 70
    assert result.overall.persons.tp > 0.7 * (result.overall.persons.tp + result.overall.persons.fn)


def test_score_stored_scores_each_gold_file_apart_even_with_the_same_keys(db):
    gold = load_gold(UNSEEN, ROOT / "seeds")
    one, two = gold[:2], [replace(article, key=gold[0].key) for article in gold[2:5]]
    result = score_stored({"one": one, "two": two}, 1)
    assert (result.files["one"].articles, result.files["two"].articles) == (2, 3)
    assert result.files["two"].persons.fn == sum(len(article.persons) for article in two)
    assert result.overall.articles == 5
