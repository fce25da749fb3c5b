import pytest

from articles.ingest.records import ParsedItem
from articles.normalise import clean_spaces, content_fingerprint, name_key, slug_for


def test_name_key_folds_case_punctuation_and_spacing():
    assert name_key("PopularResistance.Org") == name_key("popularresistance.org")
    assert name_key("Popular Resistance Org") == name_key("PopularResistance.Org")


def test_name_key_folds_accents_and_typographic_apostrophes():
    assert name_key("Zelénskyy") == name_key("Zelenskyy")
    assert name_key("O’Brien") == name_key("O'Brien")


def test_name_key_keeps_distinct_outlets_apart():
    assert name_key("Radio Free") != name_key("Radio Free Asia")


def test_slug_for_is_ascii_and_hyphenated():
    assert slug_for("Human rights | The Guardian") == "human-rights-the-guardian"
    assert slug_for("Sant’Anna di Stazzema") == "santanna-di-stazzema"
    assert slug_for("!!!") == "item"


def test_clean_spaces_collapses_no_break_spaces():
    assert clean_spaces("Headline:\u00a0 body\n text ") == "Headline: body text"


def test_content_fingerprint_folds_case_and_spacing_and_skips_a_derived_title():
    assert content_fingerprint("Talks", "In  Geneva.", "") == content_fingerprint(
        "talks", "in geneva.", ""
    )
    assert content_fingerprint("Talks", "Text.", "") != content_fingerprint("Other", "Text.", "")
    derived = content_fingerprint("Talks", "Text.", "", title_derived=True)
    assert derived == content_fingerprint("Other", "Text.", "", title_derived=True)


@pytest.mark.parametrize("title_derived", [False, True])
def test_content_fingerprint_is_the_importers(title_derived):
    """The API fingerprints a created article as the importer does, so re-import finds it."""
    text = {"title": "Talks in\u00a0Geneva", "summary": "Grain  exports.", "body": "Body\n"}
    item = ParsedItem(**text, line_start=1, line_end=2, title_derived=title_derived)
    assert content_fingerprint(**text, title_derived=title_derived) == item.fingerprint()
