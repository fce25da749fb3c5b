"""Event dates: full dates as written, relative days only against a full date, else none."""

from datetime import date

import pytest

from articles.ingest.entities.dates import caption_date, event_date, full_date, relative_date
from articles.ingest.entities.spans import Span


def dates(*texts: str) -> list[Span]:
    return [Span(text, "DATE", 0, len(text)) for text in texts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Friday, July 9, 2021", date(2021, 7, 9)),
        ("June 25, 2024", date(2024, 6, 25)),
        ("3 March 2019", date(2019, 3, 3)),
        ("2022-11-05", date(2022, 11, 5)),
        ("July 2021", None),  # no day
        ("2021", None),
        ("last year", None),
        ("Monday", None),  # no year: relative
        ("12/03/2021", None),  # day and month either way round
        ("the 1990s", None),
    ],
)
def test_full_date_needs_day_month_and_year(text, expected):
    assert full_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, September 24, 2024, a day", date(2024, 9, 24)),
        ("April 10th, 2025, days", date(2025, 4, 10)),
        ("2022-11-05 and", date(2022, 11, 5)),
        ("July 2021, weeks", None),  # still no day
    ],
)
def test_full_date_reads_a_span_that_runs_on_past_its_year(text, expected):
    assert full_date(text) == expected


def test_relative_date_reads_the_anchor_s_own_weekday_as_the_anchor():
    anchor = date(2025, 5, 8)  # a Thursday
    assert relative_date("on Thursday", anchor) == anchor
    assert relative_date("last Thursday", anchor) == date(2025, 5, 1)
    assert relative_date("next Thursday", anchor) == date(2025, 5, 15)
    assert relative_date("Wednesday", anchor) == date(2025, 5, 7)


def test_event_date_of_a_weekday_split_from_its_date_is_that_date():
    # the NER pass splits "Thursday, 8 May 2025" into two spans
    assert event_date(dates("Thursday", "8 May 2025")) == date(2025, 5, 8)
    caption = "Residents wade through water in Lisbon on June 25, 2024. Photo: staff"
    assert event_date(dates("on Tuesday"), [caption]) == date(2024, 6, 25)


def test_relative_date_reads_a_weekday_back_from_its_anchor():
    anchor = date(2021, 7, 9)  # a Friday
    assert relative_date("on Monday", anchor) == date(2021, 7, 5)
    assert relative_date("yesterday", anchor) == date(2021, 7, 8)
    assert relative_date("last year", anchor) is None
    assert relative_date("March 3", anchor) is None  # a date, not a relative day


def test_event_date_takes_the_first_span_that_gives_a_date():
    assert event_date(dates("last week", "Sunday, 2 May 2021", "May 9, 2021")) == date(2021, 5, 2)


def test_event_date_anchors_a_relative_day_on_the_article_s_full_date():
    spans = dates("on Tuesday", "Thursday, March 14, 2024")
    assert event_date(spans) == date(2024, 3, 12)


def test_event_date_is_none_for_a_relative_day_without_an_anchor():
    assert event_date(dates("on Monday", "last year", "the 1990s")) is None
    assert event_date(()) is None


def test_event_date_reads_a_full_date_from_a_caption():
    caption = "Nurses picket a hospital in Leeds on October 3, 2023. Photo: staff"
    assert caption_date(caption) == date(2023, 10, 3)
    assert event_date(dates("on Monday"), [caption]) == date(2023, 10, 2)
    assert caption_date("Nurses picket a hospital in Leeds.") is None


def test_extractor_dates_an_article_from_the_ner_date_spans(extract):
    found = extract(
        "Dockers in Genoa refused on Wednesday to load a ship bound for the war. The union "
        "said on Thursday, November 16, 2023 that the boycott would go on."
    )
    assert found.dated == date(2023, 11, 15)
    assert extract("Dockers in Genoa refused on Wednesday to load the ship.").dated is None
