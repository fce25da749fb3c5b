"""Shared helpers of the parsers."""

from articles.ingest.parsers.blocks import ends_sentence, recase_contractions


def test_recase_contractions_lowers_the_ending_after_an_apostrophe():
    assert recase_contractions("Russia Rejects Trump’S Freeze") == "Russia Rejects Trump’s Freeze"
    assert recase_contractions("We'Re Here And It'Ll Rain") == "We're Here And It'll Rain"


def test_recase_contractions_keeps_names_and_capitals():
    for title in ("O'Brien Wins", "Côte d’Ivoire Votes", "DON'T PANIC", "Trump's Freeze"):
        assert recase_contractions(title) == title


def test_ends_sentence_reads_past_a_photo_credit_after_the_last_sentence():
    assert ends_sentence("Numbers are capped at 2,000 a year. (Xinhua/Zhang Long)")
    assert ends_sentence("The park reopened. Photo: Ana Lima/AFP")
    assert not ends_sentence("Numbers are capped at 2,000 a (Xinhua/Zhang Long)")
    assert not ends_sentence("The park reopened and the")
