import pytest

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers import bullets


@pytest.fixture
def result(sample):
    return bullets.parse(sample("bullets.txt"))


def test_bullets_cover_each_item_with_its_trailers(result):
    spans = [(item.line_start, item.line_end) for item in result.items]
    assert spans == [(3, 9), (11, 13), (15, 23), (31, 39), (41, 47)]


def test_bullets_take_title_and_source_from_appeared_first_on(result):
    item = result.items[0]
    assert item.title == "Mediterranean Sea Hits Record Temperature"
    assert not item.title_derived
    assert item.source == "PopularResistance.Org"


def test_bullets_take_title_and_source_from_first_appeared_on(result):
    item = result.items[1]
    assert (item.title, item.source) == ("Iceland Resumes Whaling", "Dissident Voice")


def test_bullets_keep_trailers_out_of_summary_and_body(result):
    for item in result.items:
        text = item.text_for_entities()
        assert "The post" not in text and "originally" not in text
        assert "Continue reading" not in text


def test_bullets_read_content_originally_appeared_and_strip_for_outlet(result):
    item = result.items[2]
    assert item.title_derived
    assert (
        item.title
        == "Fishing communities in Indonesia say a nickel smelter is poisoning their catch"
    )
    assert (item.source, item.original_source) == ("Radio Free", "Radio Free Asia")
    assert item.authors == ("Dewi Lestari",)
    assert item.summary == item.title + "."
    assert item.body.startswith("Villagers showed reporters dead fish")


def test_bullets_skip_an_empty_bullet_holding_only_trailers(result):
    assert [skipped.line for skipped in result.skipped] == [25]
    assert "trailers only" in result.skipped[0].reason


def test_bullets_set_the_section_from_each_category_header(result):
    assert [item.section for item in result.items] == ["Oceans"] * 3 + ["Labour"] * 2


def test_bullets_keep_bylines_and_image_captions_out_of_the_body(result):
    item = result.items[3]
    assert item.authors == ("Marco Rossi",)
    assert item.captions == ("Photo of the ship. Image via the dockers' union",)
    assert item.body == "" and item.source == "World news | The Guardian"


def test_bullets_give_a_comment_bullet_and_trailer_bullet_to_the_previous_article(result):
    item = result.items[4]
    assert (item.line_start, item.line_end) == (41, 47)
    assert item.title == "A Century of Dockers' Solidarity"
    assert item.source == "Dissident Voice"
    assert "Il Manifesto" not in item.text_for_entities()


def test_bullets_accept_star_bullets_tab_indents_and_crlf(sample):
    first, second = bullets.parse(sample("bullets_tabs_crlf.txt")).items
    assert (first.title, first.line_start, first.line_end) == (
        "Water Found On Distant Planet",
        2,
        7,
    )
    assert "- The planet orbits a red dwarf." in first.body  # a dash inside the body stays body
    assert (second.source, second.title_derived, second.line_end) == ("Health News", True, 11)


def test_bullets_drop_an_outlet_credited_as_author(document):
    text = (
        "Category: Asia\n\n  • Floods hit the north of the country.\n\n"
        "    This content originally appeared on Radio Free Asia"
        " and was authored by Radio Free Asia.\n"
    )
    (item,) = bullets.parse(document(text)).items
    assert item.authors == () and item.original_source == "Radio Free Asia"


def test_bullets_refuse_a_last_bullet_cut_mid_sentence(sample):
    with pytest.raises(TruncatedDump) as caught:
        bullets.parse(sample("truncated_bullets.txt"))
    assert caught.value.line == 11


def test_bullets_accept_a_complete_last_bullet_without_trailers(document):
    text = (
        "Category: Energy\n\n  • Wind power grew.\n\n"
        "    This post was originally published on X.\n\n"
        "  • Solar power grew too.\n"
    )
    assert len(bullets.parse(document(text)).items) == 2


def test_bullets_report_text_outside_any_bullet(document):
    text = "A stray line before the first bullet.\n\n  • Wind power grew.\n\n  • Solar grew.\n"
    result = bullets.parse(document(text))
    assert [skipped.line for skipped in result.skipped] == [1]
    assert len(result.items) == 2
