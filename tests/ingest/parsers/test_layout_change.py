from articles.ingest.parsers import parse_document
from articles.ingest.pipeline import parse_path


def test_layout_change_after_bullets_to_paragraphs_is_warned_and_parsed(sample):
    result = parse_document(sample("bullets_then_paragraphs.txt"))
    assert [w.line for w in result.warnings] == [10]
    assert "stops looking like bullets" in result.warnings[0].message
    assert "read as paragraphs" in result.warnings[0].message
    spans = [(item.line_start, item.line_end) for item in result.items]
    assert spans == [(2, 6), (7, 9), (10, 10), (12, 12), (14, 14)]
    assert "Lighthouse" not in result.items[1].body
    assert result.items[2].title == "Lighthouse keepers"


def test_layout_change_after_bullets_to_pairs_is_warned_and_parsed(sample):
    result = parse_document(sample("bullets_then_pairs.txt"))
    assert [w.line for w in result.warnings] == [9]
    assert "read as pairs" in result.warnings[0].message
    titles = [item.title for item in result.items[2:]]
    assert titles == [
        "River dolphins counted from the air",
        "Glacier retreat measured by drones",
        "Old seeds sprout after a century",
    ]
    assert result.items[1].body == ""


def test_layout_change_to_unreadable_text_is_skipped_with_its_line(document):
    text = (
        "Category: A\n  • First item text here, long enough to read as one.\n\n"
        "    More of the first item.\n"
        "  • Second item text, also a full sentence of its own.\n"
        '{\n"json": 1\n}\n'
    )
    result = parse_document(document(text))
    assert [w.line for w in result.warnings] == [6]
    assert "not imported" in result.warnings[0].message
    assert [s.line for s in result.skipped] == [6]
    assert len(result.items) == 2 and "json" not in result.items[1].body


def test_layout_change_margin_text_between_bullets_is_stray_not_body(document):
    text = (
        "Category: A\n  • First item text here.\n\n    Its second paragraph.\n"
        "A line at the margin in the middle.\n"
        "  • Second item text here.\n"
    )
    result = parse_document(document(text))
    assert result.warnings == ()
    assert [s.line for s in result.skipped] == [5]
    assert "margin" not in result.items[0].body


def test_layout_change_not_reported_when_bodies_are_never_indented(document):
    text = "Category: A\n• First item text.\n\nIts body at the margin.\n• Second item text.\n"
    result = parse_document(document(text))
    assert result.warnings == ()
    assert result.items[0].body == "Its body at the margin."


def test_layout_change_warning_reaches_the_file_report(sample_path):
    _, items, report = parse_path(sample_path("bullets_then_pairs.txt"), 10**6)
    assert [w.line for w in report.warnings] == [9] and len(items) == 5
