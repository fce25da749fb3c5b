"""The entity gold files: they load, and every annotated article is one the importer finds."""

import json
from collections import Counter
from pathlib import Path

import pytest

from articles.ingest.entities.gold import GoldError, anchored_item, load_gold
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document
from articles.normalise import name_key

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold"
# Every gold file of the folder: one added there is checked here without a second list.
FILES = tuple(sorted(path.name for path in GOLD.glob("entities*.json")))
# Gold files whose every article comes from a dump written for it (not the seeds, not inline).
DUMP_FILES = tuple(name for name in FILES if name not in ("entities.json", "entities_heldout.json"))
LAYOUTS = {"bullets", "paragraphs", "pairs", "section_pairs", "captioned_pairs"}


def _load(name):
    return load_gold(GOLD / name, ROOT / "seeds")


def _entries(name) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))["articles"]


def test_gold_sets_hold_120_articles_half_of_them_from_unseen_dumps():
    counts = {name: len(_load(name)) for name in FILES}
    assert sum(counts.values()) >= 120
    unseen = [article for name in DUMP_FILES for article in _load(name) if article.dump]
    assert len(unseen) == sum(counts[name] for name in DUMP_FILES) >= sum(counts.values()) / 2


@pytest.mark.parametrize(
    ("name", "per_layout"),
    [
        ("entities_unseen.json", 3),
        ("entities_fresh.json", 1),
        ("entities_fresh2.json", 2),
        ("entities_fresh3.json", 2),
        ("entities_fresh4.json", 2),
        ("entities_fresh5.json", 2),
        ("entities_fresh6.json", 2),
    ],
)
def test_unseen_dumps_cover_the_five_layouts(name, per_layout):
    dumps = {article.dump for article in _load(name)}
    layouts = Counter(parse_document(read_document(dump, 10**7)).layout for dump in dumps)
    assert set(layouts) == LAYOUTS
    assert min(layouts.values()) >= per_layout


@pytest.mark.parametrize("name", DUMP_FILES)
def test_every_item_of_an_unseen_dump_is_annotated_once(name):
    gold = _load(name)
    for dump in {article.dump for article in gold}:
        items = parse_document(read_document(dump, 10**7)).items
        annotated = [article.item for article in gold if article.dump == dump]
        assert sorted(annotated, key=lambda i: i.line_start) == list(items), dump.name


@pytest.mark.parametrize("name", FILES)
def test_gold_entries_are_well_formed(name):
    for key, entry in _entries(name).items():
        assert all(len(code) == 2 and code.isupper() for code in entry["countries"]), key
        names = [n for role in ("persons", "authors", "photographers") for n in entry.get(role, ())]
        assert all(n.strip() == n and n for n in names), key
        if name in DUMP_FILES:
            assert set(entry) == {
                "dump",
                "anchor",
                "persons",
                "authors",
                "photographers",
                "countries",
            }
            firsts = [name_key(n.split("|")[0]) for n in names]
            assert len(firsts) == len(set(firsts)), key  # nobody in two lists


@pytest.mark.parametrize(
    ("name", "credited"),
    [
        ("entities_unseen.json", 15),
        ("entities_fresh.json", 5),
        ("entities_fresh2.json", 15),
        ("entities_fresh3.json", 20),
        ("entities_fresh4.json", 20),
        ("entities_fresh5.json", 20),
        ("entities_fresh6.json", 20),
    ],
)
def test_unseen_gold_credits_photographers_apart_from_persons(name, credited):
    entries = _entries(name).values()
    photographers = [n for entry in entries for n in entry["photographers"]]
    assert len(photographers) >= credited
    mentioned = {name_key(n) for entry in entries for n in entry["persons"]}
    assert not mentioned & {name_key(n) for n in photographers}


def test_load_gold_refuses_an_anchor_that_is_not_in_exactly_one_item(tmp_path):
    (tmp_path / "d.txt").write_text(
        "Farmers Protest In Lille\n\nFarmers blocked roads around Lille on Monday.\n\n"
        "Farmers Protest In Arras\n\nFarmers blocked roads around Arras on Monday.\n",
        encoding="utf-8",
    )
    entry = {"dump": "d.txt", "anchor": "Farmers blocked", "persons": [], "countries": []}
    (tmp_path / "g.json").write_text(json.dumps({"articles": {"a1": entry}}), encoding="utf-8")
    with pytest.raises(GoldError, match=r"g\.json: entry a1: anchor 'Farmers blocked' is in 2"):
        load_gold(tmp_path / "g.json", tmp_path)


def test_anchored_item_finds_the_item_holding_the_anchor():
    document = read_document(GOLD / "unseen" / "pairs_u2.txt", 10**7)
    items = parse_document(document).items
    assert anchored_item(items, "Vera Grabe").title == "Colombia Suspends Talks With ELN Rebels"
