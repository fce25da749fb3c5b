"""Shared helpers of the parsers."""

from articles.ingest.parsers.blocks import recase_contractions


def test_recase_contractions_lowers_the_ending_after_an_apostrophe():
    assert recase_contractions("Russia Rejects Trump’S Freeze") == "Russia Rejects Trump’s Freeze"
    assert recase_contractions("We'Re Here And It'Ll Rain") == "We're Here And It'll Rain"


def test_recase_contractions_keeps_names_and_capitals():
    for title in ("O'Brien Wins", "Côte d’Ivoire Votes", "DON'T PANIC", "Trump's Freeze"):
        assert recase_contractions(title) == title
