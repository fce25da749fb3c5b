"""``famous``: surnames of the reviewed list are found alone, where the model tags nothing."""

import pytest

from articles.ingest.entities import famous
from articles.ingest.extract import Extractor, load_nlp
from articles.ingest.records import ParsedItem

TEXT = "Okafor is refusing to go along."


@pytest.fixture
def famous_list(tmp_path, monkeypatch):
    """Makes the list hold the given names (invented ones), for this test only."""

    def use(*names: str) -> None:
        path = tmp_path / "famous_persons.txt"
        path.write_text("# test list\n" + "".join(f"{name}\n" for name in names), "utf-8")
        monkeypatch.setattr(famous, "FAMOUS_FILE", path)
        famous.famous_names.cache_clear()
        famous.famous_keys.cache_clear()

    yield use
    famous.famous_names.cache_clear()
    famous.famous_keys.cache_clear()


def mentioned(catalog, body: str) -> set[str]:
    persons = Extractor(catalog, load_nlp()).extract([ParsedItem("", "", body, 1, 1)])[0].persons
    return {m.name for m in persons if m.role == "mentioned"}


def test_famous_names_reads_the_list_without_comments(famous_list):
    famous_list("Okafor", "Bin Tahir")
    assert famous.famous_names() == ("Okafor", "Bin Tahir")
    assert famous.famous_keys() == frozenset({"okafor", "bintahir"})


def test_extractor_finds_a_listed_surname_the_model_and_the_rules_leave(famous_list, catalog):
    famous_list()
    assert mentioned(catalog, TEXT) == set()  # the model misses it, the lone rule drops it
    famous_list("Okafor")
    assert mentioned(catalog, TEXT) == {"Okafor"}


def test_extractor_leaves_a_listed_word_in_lower_case_or_inside_a_longer_name(famous_list, catalog):
    famous_list("Okafor")
    assert "Okafor" not in mentioned(catalog, "The okafor trees are refusing to grow.")
    assert "Okafor" not in mentioned(catalog, "The Okafor Foundation is refusing to pay.")


def test_the_shipped_list_has_no_duplicates_and_no_empty_lines():
    names = famous.famous_names()
    assert names and all(name == name.strip() and name for name in names)
    assert len({name.casefold() for name in names}) == len(names)
