import pytest

from articles.ingest.detect import RULES, detect_layout
from articles.ingest.errors import UnknownLayout
from articles.ingest.parsers import PARSERS


@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("paragraphs.txt", "paragraphs"),
        ("captioned_pairs.txt", "captioned_pairs"),
        ("pairs.txt", "pairs"),
        ("bom_crlf.txt", "pairs"),
        ("section_pairs.txt", "section_pairs"),
        ("bullets.txt", "bullets"),
        ("bullets_tabs_crlf.txt", "bullets"),
    ],
)
def test_detect_layout_recognises_each_sample(sample, name, layout):
    assert detect_layout(sample(name)) == layout


@pytest.mark.parametrize(
    "name",
    ["unknown.csv", "unknown.json", "unknown_code.txt", "single_word.txt", "prose_lines.txt"],
)
def test_detect_layout_refuses_text_of_no_known_layout(sample, name):
    with pytest.raises(UnknownLayout) as caught:
        detect_layout(sample(name))
    assert name in str(caught.value)
    assert "add a layout" in str(caught.value)


def test_detect_layout_ignores_the_file_name(sample, document):
    pairs = sample("pairs.txt")
    assert detect_layout(document(pairs.text, name="bullets_004.txt")) == "pairs"


def test_detect_layout_takes_a_leading_blank_line_as_captioned_pairs(document):
    text = "\nHeadline of the story\n\nA summary of the story that is long enough to read.\n"
    assert detect_layout(document(text)) == "captioned_pairs"


def test_detect_layout_takes_wrapped_summaries_as_captioned_pairs(document):
    text = "Headline of the story\n\nA summary of the story\nwrapped over two lines.\n"
    assert detect_layout(document(text)) == "captioned_pairs"


def test_detect_layout_needs_the_section_label_directly_above_a_headline(document):
    pairs = "First headline here\n\nA first summary, long enough to be one.\n"
    assert detect_layout(document("Section label\n" + pairs)) == "section_pairs"
    with pytest.raises(UnknownLayout):  # a sentence is no label, and no headline has two lines
        detect_layout(document("A sentence that ends with a full stop.\n" + pairs))


def test_detect_layout_takes_a_single_long_paragraph_as_paragraphs(document):
    text = "Headline: " + "a long sentence with many words in it " * 4 + "ends here."
    assert detect_layout(document(text)) == "paragraphs"


def test_detect_layout_finds_bullets_without_a_category_header(document):
    text = "  • First item text.\n\n    Body.\n\n  • Second item text.\n\n    More body.\n"
    assert detect_layout(document(text)) == "bullets"


def test_detect_layout_rules_match_the_parser_registry():
    assert {name for name, _ in RULES} == set(PARSERS)
    assert all(rule.__doc__ for _, rule in RULES)


def test_detect_layout_takes_sections_of_one_article_as_section_pairs(document):
    text = (
        "Health\nMeasles cases climb in three provinces\n\n"
        "Officials said measles cases had risen to 480 this year, most of them in children.\n\n"
        "Weather\nStorm brings snow to the Alps\n\n"
        "Heavy snow closed passes in the Alps on Tuesday, and avalanche warnings were raised.\n\n"
        "Late frost hits orchards in Poland\n\n"
        "A late frost damaged apple orchards across eastern Poland, growers said.\n"
    )
    assert detect_layout(document(text)) == "section_pairs"
