"""Every parser and text helper on pathological strings: valid results, no unexpected errors.

Long runs of dots, commas, quotes, colons, bullets and spaces, mixed with the words the rules
look for. Speed is measured by ``manage.py bench_parse``, not here.
"""

import hashlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest.entities import sources
from articles.ingest.errors import IngestError
from articles.ingest.parsers import PARSERS, credits, headlines, parse_document, sentences
from articles.ingest.parsers.trailers import Trailer, read_trailer
from articles.ingest.records import Document

PIECES = [
    ".", ",", ":", ";", '"', "“", "”", "'", "’", "•", " ", "\t", "\u00a0", "\n", "\n\n", "  • ",
    "    ", "Category: ", "A", "Ab", "a", "word", "-", " - ", "(", ")", "/", "…", "?", "!", "Mr.",
    "U.S.", "The post ", " appeared first on ", "This post was originally published on ",
    "This content originally appeared on ", " and was authored by ", "By ", " for ", "Credit: ",
    "KABUL (AP) ", " writes", "Jane Roe",
]  # fmt: skip
RUNS = st.tuples(st.sampled_from(PIECES), st.integers(1, 300)).map(lambda pair: pair[0] * pair[1])
TEXTS = st.lists(st.one_of(RUNS, st.sampled_from(PIECES)), min_size=1, max_size=12).map("".join)
DUMPS = TEXTS.filter(lambda text: text.strip())
EXAMPLES = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


def _document(text: str) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(name="fuzz.txt", path="fuzz.txt", text=text, sha256=digest)


def _assert_valid(result, text: str) -> None:
    line_count = len(text.split("\n"))
    for item in result.items:
        assert 1 <= item.line_start <= item.line_end <= line_count
        assert isinstance(item.title, str) and isinstance(item.summary, str)
    assert all(1 <= skipped.line <= line_count for skipped in result.skipped)
    assert all(1 <= warning.line <= line_count for warning in result.warnings)


@pytest.mark.parametrize("layout", sorted(PARSERS))
@EXAMPLES
@given(text=DUMPS)
def test_pathological_parser_returns_items_within_the_file_or_an_ingest_error(layout, text):
    try:
        result = PARSERS[layout](_document(text))
    except IngestError as error:
        assert error.path == "fuzz.txt"
        return
    assert result.layout == layout
    _assert_valid(result, text)


@EXAMPLES
@given(text=DUMPS)
def test_pathological_parse_document_returns_items_or_an_ingest_error(text):
    try:
        result = parse_document(_document(text))
    except IngestError as error:
        assert str(error).startswith("fuzz.txt")
        return
    _assert_valid(result, text)


@EXAMPLES
@given(text=TEXTS)
def test_pathological_split_sentences_keeps_every_visible_character_in_order(text):
    found = sentences.split_sentences(text)
    assert all(sentence and sentence == sentence.strip() for sentence in found)
    assert "".join("".join(s.split()) for s in found) == "".join(text.split())


@EXAMPLES
@given(text=TEXTS)
def test_pathological_titles_and_leads_are_bounded_strings(text):
    assert len(sentences.derive_title(text)) <= sentences.TITLE_LIMIT
    assert isinstance(sentences.strip_credits(text), str)
    lead = headlines.split_lead(text)
    assert lead.title is None or isinstance(lead.title, str)
    assert all(isinstance(author, str) for author in lead.authors)


@EXAMPLES
@given(text=TEXTS)
def test_pathological_credits_and_trailers_return_parts_of_the_text(text):
    cleaned = " ".join(text.split())
    assert cleaned.endswith(credits.strip_dateline(text))
    title, author = credits.split_author_suffix(cleaned)
    assert cleaned.startswith(title) and (author is None or author in cleaned)
    assert all(name in cleaned for name in credits.credited_authors(text))
    trailer = read_trailer(text)
    assert trailer is None or isinstance(trailer, Trailer)
    assert isinstance(credits.is_byline(text), bool)


@EXAMPLES
@given(text=TEXTS)
def test_pathological_source_names_are_cleaned_without_edges(text):
    name = sources.display_name(text)
    assert name == name.strip() and not name.endswith((",", ".", ":", ";"))
    assert isinstance(sources.clean_author(text), str)


# Inputs that took minutes before the regexes were made linear (issue 9, row 2).


def test_pathological_bullet_headline_followed_by_dots_parses_to_one_item():
    text = "Category: A\n  • A headline" + "." * 40_000 + "\n"
    (item,) = parse_document(_document(text)).items
    assert item.title == "A headline" and item.title_derived


def test_pathological_comma_heavy_source_name_keeps_its_inner_commas():
    text = "Category: A\n  • The item.\n\n    This post was originally published on "
    (item,) = parse_document(_document(text + "," * 40_000 + "x,,,.\n")).items
    assert item.source == "," * 40_000 + "x,,,"
    assert sources.display_name(item.source) == "," * 40_000 + "x"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("A" + " " * 40_000 + "x.", 1),  # spaces before a sentence end
        ("word.Word" * 5_000, 2),  # glued ends: only after the plain first "word"
        ("A. " * 20_000, 1),  # initials
        ("Ab cd. " * 10_000, 10_000),
    ],
)
def test_pathological_long_runs_split_into_the_expected_sentences(text, count):
    assert len(sentences.split_sentences(text)) == count


def test_pathological_place_dateline_and_author_suffix_on_long_runs():
    assert credits.strip_dateline("TAIPEI" + " -" * 20_000 + "x") != ""
    title, author = credits.split_author_suffix("Title - Jane Roe" + " " * 40_000)
    assert (title, author) == ("Title", "Jane Roe")
    assert read_trailer("The post " + "x appeared first on " * 5_000).kind == "post"
