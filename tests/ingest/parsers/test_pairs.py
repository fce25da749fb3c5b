import pytest

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers import pairs


def test_pairs_parse_headline_and_summary_with_lines(sample):
    result = pairs.parse(sample("pairs.txt"))
    assert result.layout == "pairs"
    first, second = result.items
    assert (first.line_start, first.line_end) == (1, 3)
    assert first.title == "Can Solar Power Save the Sahel's Farms?"
    assert first.summary.startswith("Irrigation pumps running on solar panels")
    assert (second.title, second.line_start, second.line_end) == (
        "The Forgotten Strike of 1926",
        5,
        7,
    )
    assert not first.title_derived and first.section == "" and first.source is None


def test_pairs_read_bom_crlf_without_a_final_newline(sample):
    items = pairs.parse(sample("bom_crlf.txt")).items
    assert [item.title for item in items] == [
        "Ferry Workers Vote to Strike",
        "A New Bridge for the Valley",
    ]
    assert items[-1].line_end == 7


def test_pairs_refuse_a_file_ending_with_a_headline(sample):
    with pytest.raises(TruncatedDump) as caught:
        pairs.parse(sample("truncated_pairs.txt"))
    assert caught.value.line == 5
    assert "truncated_pairs.txt:5" in str(caught.value)


def test_pairs_survive_extra_blank_lines_and_trailing_spaces(document):
    text = (
        "Headline one  \n\n\n\nA summary of the first story, told in one line. \t\n\n\n"
        "Headline two\n\nAnd the second story in a sentence of its own.\n"
    )
    items = pairs.parse(document(text)).items
    assert [(i.title, i.line_start, i.line_end) for i in items] == [
        ("Headline one", 1, 5),
        ("Headline two", 8, 10),
    ]
