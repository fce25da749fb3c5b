from dataclasses import replace

import pytest

from articles.ingest.errors import UnknownLayout
from articles.ingest.parsers import PARSERS, parse_document


def test_parsers_register_one_parse_function_per_layout():
    assert set(PARSERS) == {"paragraphs", "captioned_pairs", "pairs", "section_pairs", "bullets"}
    assert all(callable(parse) for parse in PARSERS.values())


@pytest.mark.parametrize(
    ("name", "layout", "count"),
    [
        ("paragraphs.txt", "paragraphs", 8),
        ("captioned_pairs.txt", "captioned_pairs", 2),
        ("pairs.txt", "pairs", 2),
        ("section_pairs.txt", "section_pairs", 2),
        ("bullets.txt", "bullets", 5),
    ],
)
def test_parse_document_detects_then_dispatches(sample, name, layout, count):
    result = parse_document(sample(name))
    assert (result.layout, len(result.items)) == (layout, count)


def test_parse_document_refuses_unknown_layouts(sample):
    with pytest.raises(UnknownLayout):
        parse_document(sample("unknown.csv"))


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_parse_document_cases_possessives_in_title_case_headlines(sample, apostrophe):
    bullets = sample("bullets.txt")
    text = bullets.text.replace(
        "The post Mediterranean Sea Hits Record Temperature",
        f"The post Voters Reject The Mayor{apostrophe}S Plan And Don{apostrophe}T Look Back",
    )
    titles = [item.title for item in parse_document(replace(bullets, text=text)).items]
    assert f"Voters Reject The Mayor{apostrophe}s Plan And Don{apostrophe}t Look Back" in titles
    assert not any(f"{apostrophe}S " in title for title in titles)
