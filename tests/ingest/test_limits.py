"""Limits on what is stored: fields cut with a note, oversized items rejected, both by line."""

from dataclasses import replace

import pytest

from articles.ingest.entities.sources import source_key
from articles.ingest.limits import ELLIPSIS, FieldLimits, cut_at_word, fit_item, fit_items
from articles.ingest.records import FileReport, ParsedItem

LIMITS = FieldLimits(title=40, section=20, source_name=30, person_name=25, item_chars=500)
ITEM = ParsedItem(
    title="Dockers refuse to load arms",
    summary="Port workers in Genoa refused.",
    body="",
    line_start=7,
    line_end=9,
    section="Labour",
    source="Dissident Voice",
    authors=("Dewi Lestari",),
)


def test_cut_at_word_keeps_whole_words_and_marks_the_cut():
    text = "Port workers in Genoa refused to load a ship carrying weapons"
    cut = cut_at_word(text, 30)
    assert cut == "Port workers in Genoa refused" + ELLIPSIS
    assert len(cut) <= 30 and text.startswith(cut[:-1])


def test_cut_at_word_keeps_a_word_that_ends_exactly_at_the_cut():
    assert cut_at_word("Genoa dockers strike today", 14) == "Genoa dockers" + ELLIPSIS


@pytest.mark.parametrize("text", ["short", "x" * 30])
def test_cut_at_word_leaves_text_that_fits(text):
    assert cut_at_word(text, 30) == text


def test_cut_at_word_cuts_inside_one_long_word_rather_than_dropping_it():
    cut = cut_at_word("Genoa " + "x" * 100, 30)
    assert cut == "Genoa " + "x" * 23 + ELLIPSIS and len(cut) == 30


def test_cut_at_word_drops_punctuation_before_the_mark():
    assert cut_at_word("Strike, in Genoa, spreads to Livorno", 18) == "Strike, in Genoa" + ELLIPSIS


def test_fit_item_leaves_a_fitting_item_as_it_is():
    assert fit_item(ITEM, LIMITS) == (ITEM, [])


def test_fit_item_cuts_title_and_section_with_notes():
    long = replace(ITEM, title="Dockers " * 10, section="Labour and workers' rights")
    fitted, notes = fit_item(long, LIMITS)
    assert len(fitted.title) <= 40 and fitted.title.endswith(ELLIPSIS)
    assert len(fitted.section) <= 20 and fitted.section.startswith("Labour")
    assert notes == ["title of 80 characters cut to 40", "section of 26 characters cut to 20"]


def test_fit_item_cuts_a_source_name_so_name_and_key_fit():
    fitted, notes = fit_item(replace(ITEM, source="Straße " * 8), LIMITS)
    assert len(fitted.source) <= 30 and len(source_key(fitted.source)) <= 30
    assert notes == [f"source name of 56 characters cut to {len(fitted.source)}"]


def test_fit_item_drops_a_credited_author_longer_than_a_name():
    fitted, notes = fit_item(replace(ITEM, authors=("Dewi Lestari", "y" * 26)), LIMITS)
    assert fitted.authors == ("Dewi Lestari",)
    assert notes == ["credited author longer than 25 characters dropped"]


def test_fit_items_rejects_an_oversized_item_by_its_line_and_keeps_the_others():
    report = FileReport(path="dump.txt")
    huge = replace(ITEM, summary="word " * 200, line_start=12)
    kept = fit_items([ITEM, huge, replace(ITEM, title="Dockers " * 10)], LIMITS, report)
    assert kept[0] == ITEM and len(kept) == 2
    assert [s.line for s in report.skipped] == [12]
    assert "over NEWSDB_MAX_ITEM_CHARS (500)" in report.skipped[0].reason
    assert [(note.line, note.text) for note in report.notes] == [
        (7, "title of 80 characters cut to 40")
    ]
