"""``persons.rejection``: every reason it gives for a name that is no person's, and names it keeps.

Most cases use a small stand-in for the catalog's places, so that each case shows its rule; the
last ones use the default country aliases the importer starts with.
"""

import pytest

from articles.ingest.entities.gazetteer import default_rows
from articles.ingest.entities.persons import rejection

PLACES = frozenset({"Ukraine", "Kharkiv", "Kyiv", "Moscow", "New York", "Nigerien", "Jordan"})
TEXT = "Officials said a star was born in the city, and the talks went on."


def is_place(word: str) -> bool:
    return word in PLACES


def reason(name: str, text: str = TEXT) -> str | None:
    return rejection(name, text, is_place)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "empty or lower case"),
        ("   ", "empty or lower case"),
        ("barack Obama", "empty or lower case"),
        ("“Kellogg", "empty or lower case"),  # an uncleaned quote is not a capital
        ("PS752", "code or number"),
        ("Agent 47", "code or number"),
        ("NATO", "acronym"),
        ("U.S.", "acronym"),
        ("Kharkiv", "place or demonym"),
        ("New York", "place or demonym"),  # the whole name is a place
        ("Kyiv Moscow", "place or demonym"),  # every word is a place
        ("Nigeriens", "plural demonym"),
        ("Ukraine Encroaches", "starts with a place"),
        ("Star Wars", "organisation, work or event"),
        ("Azov Battalion", "organisation, work or event"),
        ("Amnesty International", "organisation, work or event"),
        ("Lavrov said", "not name-shaped"),
        ("Odessa Fire That Sparked", "not name-shaped"),
        ("The", "not name-shaped"),  # a capitalised stop word
        ("Mom", "common word or group"),
        ("Hamas", "common word or group"),
        ("Marxists", "common word or group"),
        ("Star", "common word or group"),  # the text writes "star" in lower case
        ("Maria Jose Carmen Lopez Garcia Fernandez", "too long for a name"),
    ],
)
def test_rejection_gives_its_reason(name, expected):
    assert reason(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NATO Summit 2023", "code or number"),  # digits before the acronym and the event
        ("KYIV", "acronym"),  # before it is seen as a place
        ("Ukraine Peace Council", "starts with a place"),  # before the organisation word
        ("Ministry of Truth", "organisation, work or event"),  # before the lower-case "of"
    ],
)
def test_rejection_reasons_are_checked_in_order(name, expected):
    assert reason(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Vladimir Putin",
        "Zelensky",
        "Ursula von der Leyen",  # particles may be lower case
        "Mohammed bin Salman",
        "J. K. Rowling",
        "O’Brien",
        "Émile Zola",
        "Xi Jinping",
        "Abdullah Abdullah",
        "Maria Jose Carmen Lopez Garcia",  # five words is not too long
    ],
)
def test_rejection_accepts_names(name):
    assert reason(name) is None


def test_rejection_accepts_a_first_name_that_is_also_a_place():
    assert reason("Jordan") == "place or demonym"
    assert reason("Jordan Peterson") is None  # "Jordan" is a known first name


def test_rejection_of_a_single_word_depends_on_the_text():
    assert reason("Star", "A star was born.") == "common word or group"
    assert reason("Star", "Star spoke first; Star left early.") is None


def test_rejection_common_word_is_for_single_words_only():
    assert reason("Star Mom") is None


@pytest.fixture(scope="module")
def catalog_place():
    """The importer's ``is_place`` over the default active country aliases."""
    words = frozenset(row.text for row in default_rows() if row.active)
    return words.__contains__


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kharkiv", "place or demonym"),
        ("Washington", "place or demonym"),
        ("Israelis", "place or demonym"),  # the catalog lists plurals too
        ("Ukrainian", "place or demonym"),
        ("Nigeriens", "plural demonym"),
        ("Ukraine Encroaches", "starts with a place"),
        ("Israel Katz", None),  # "Israel" is also a first name
        ("Paris Hilton", None),
        ("Victoria Nuland", None),
        ("Bernie Sanders", None),
    ],
)
def test_rejection_with_the_default_catalog(catalog_place, name, expected):
    assert rejection(name, TEXT, catalog_place) == expected
