import pytest

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers import paragraphs
from articles.ingest.parsers.sentences import TITLE_LIMIT


@pytest.fixture
def items(sample):
    return paragraphs.parse(sample("paragraphs.txt")).items


def test_paragraphs_parse_one_item_per_paragraph_with_its_line(items):
    assert [(item.line_start, item.line_end) for item in items] == [
        (1, 1), (3, 3), (5, 5), (7, 7), (9, 9), (11, 11), (13, 13), (15, 15)
    ]  # fmt: skip


def test_paragraphs_split_headline_at_a_colon_followed_by_no_break_space(items):
    assert items[0].title == "Harbour pilots in Rotterdam walk out over pensions"
    assert not items[0].title_derived
    assert items[0].summary.startswith("Ships queued outside Europe's largest port")


def test_paragraphs_take_author_colon_headline_standfirst(items):
    assert items[1].title == "Why we must keep writing in dark times"
    assert items[1].authors == ("Arundhati Roy",)
    assert items[1].summary.startswith("Fiction is not an escape")


def test_paragraphs_never_take_a_salutation_for_a_headline(items):
    assert items[2].title_derived
    assert "Dear" not in items[2].title
    assert items[2].title.startswith("We are writing to remind you")


def test_paragraphs_never_take_a_byline_for_a_headline_or_a_team_for_an_author(items):
    assert items[3].title_derived
    assert items[3].title.startswith("The number of people working on zero-hours contracts")
    assert items[3].authors == ()


def test_paragraphs_read_the_original_source_from_a_dateline(items):
    assert items[4].title == "Tanker leak threatens coral reef"
    assert items[4].original_source == "AFP"


def test_paragraphs_take_no_source_from_a_photo_credit(items):
    assert items[5].title == "Flood waters recede in Bavaria"
    assert items[5].original_source is None
    assert all(item.source is None for item in items)


def test_paragraphs_derive_a_clean_flagged_title_when_there_is_no_headline(items):
    item = items[6]
    assert item.title_derived
    assert len(item.title) <= TITLE_LIMIT
    assert item.title.startswith("Coastal towns across the Baltic")
    assert len(item.summary.split(".")[0]) > TITLE_LIMIT  # the first sentence had to be cut
    assert item.title.endswith("…")  # ... at a word boundary, and says so
    assert item.summary.startswith(item.title.removesuffix("…") + " ")
    assert item.summary.startswith("Coastal towns")  # the text itself is kept whole


def test_paragraphs_take_a_title_case_sentence_as_the_headline(items):
    item = items[7]
    assert item.title == "Fish Stocks Collapse off West Africa as Trawlers Move In"
    assert not item.title_derived
    assert "Credit" not in item.title and item.original_source is None


def test_paragraphs_split_glued_sentences_for_derived_titles(document):
    text = "Clashes went on for hours in the night.Thousands fled to shelters across the region."
    (item,) = paragraphs.parse(document(text)).items
    assert item.title == "Clashes went on for hours in the night"


def test_paragraphs_refuse_a_file_whose_last_paragraph_is_cut(sample):
    with pytest.raises(TruncatedDump) as caught:
        paragraphs.parse(sample("truncated_paragraphs.txt"))
    assert caught.value.line == 7


def test_paragraphs_accept_a_last_paragraph_ending_with_a_question(document):
    text = "\n\n".join(f"Headline {n}: A body sentence number {n}." for n in range(3))
    result = paragraphs.parse(document(text + "\n\nHeadline: Is this the end?"))
    assert len(result.items) == 4
