"""``gold_import.dump_paths``: the dumps an import-mode score reads, one per file name."""

from pathlib import Path

import pytest

from articles.ingest.entities.gold import GoldArticle
from articles.ingest.gold_import import dump_paths
from articles.ingest.records import ParsedItem


def gold(dump: str) -> GoldArticle:
    item = ParsedItem("A title", "", "Body.", 1, 1)
    return GoldArticle(dump, item, (), frozenset(), dump=Path(dump))


def test_dump_paths_lists_each_dump_once():
    golds = {"one": [gold("a/x.txt"), gold("a/x.txt")], "two": [gold("b/y.txt")]}
    assert dump_paths(golds) == [Path("a/x.txt"), Path("b/y.txt")]


def test_dump_paths_refuse_two_dumps_of_one_file_name():
    # Stored articles name their dump by file name only: the two would be scored as one.
    golds = {"one": [gold("a/x.txt")], "two": [gold("b/x.txt")]}
    with pytest.raises(ValueError, match=r"share a file name, rename one: x\.txt"):
        dump_paths(golds)
