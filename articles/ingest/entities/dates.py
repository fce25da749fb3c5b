"""The date an article's events happened, from the DATE spans the NER pass found.

A full date (day, month and year: "Friday, July 9, 2021", "June 25, 2024", "2021-07-09") is taken
as written, words the NER span carries after its year ("…, 2024, a day") left out. A weekday or
"yesterday" ("on Monday") names a date only against a full date of the same article: it is read
relative to the first one (the anchor's own weekday is the anchor's day, another the nearest
such day before it, or after it with "next"), and must fall within a week of it. Anything else
("last year", "the 1990s", "July 2021", "12/03/2021", whose day and month could be either way
round) gives no date.

The first span that gives a date wins: a news text states its events first. Parsing is
dateparser's (English only): no month tables here.
"""

import calendar
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from articles.ingest.entities.spans import Span

DATE_LABEL = "DATE"
# A relative date further than this from its anchor is not the event it seems to be.
ANCHOR_REACH = timedelta(days=7)
MAX_SPAN_CHARS = 60  # a DATE span longer than this is a phrase, not a date
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_NUMERIC_DMY = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")  # 12/03/2021: which is the day?
_RELATIVE_WORDS = frozenset(
    [*(day.lower() for day in calendar.day_name), "yesterday", "today", "tonight"]
)
# Words that move a weekday off the anchor's own week day ("last Thursday", "next Thursday").
_SHIFTING_WORDS = frozenset(["last", "next", "previous", "past", "coming", "following"])


@cache
def _full_parser():
    from dateparser.date import DateDataParser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=["en"], settings=settings)


def full_date(text: str) -> date | None:
    """The date ``text`` writes out in full (day, month and year), else ``None``."""
    if len(text) > MAX_SPAN_CHARS or not _YEAR.search(text) or _NUMERIC_DMY.search(text):
        return None
    # The NER span of a date often runs on past it ("April 10th, 2025, days after …"), and
    # dateparser refuses the whole when it cannot read the rest: then read it up to its year.
    through_year = text[: list(_YEAR.finditer(text))[-1].end()]
    return _full_day(text) or (_full_day(through_year) if through_year != text else None)


def _full_day(text: str) -> date | None:
    found = _full_parser().get_date_data(text)
    if found.date_obj is None or found.period != "day":
        return None
    return found.date_obj.date()


def is_relative_day(text: str) -> bool:
    """Whether ``text`` names a day by a weekday or "yesterday"/"today", without a year."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    return bool(words & _RELATIVE_WORDS) and not re.search(r"\d", text)


@lru_cache(maxsize=64)
def _relative_parser(anchor: date):
    """A parser reading relative dates from noon of ``anchor`` (kept: an import meets an anchor
    in many articles of the same days)."""
    from dateparser.date import DateDataParser

    base = datetime(anchor.year, anchor.month, anchor.day, 12)
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}
    return DateDataParser(languages=["en"], settings=settings)


def relative_date(text: str, anchor: date) -> date | None:
    """The day ``text`` ("on Monday", "yesterday") names, read from the ``anchor`` date."""
    if not is_relative_day(text) or len(text) > MAX_SPAN_CHARS:
        return None
    words = set(re.findall(r"[a-z]+", text.lower()))
    if calendar.day_name[anchor.weekday()].lower() in words and not words & _SHIFTING_WORDS:
        # "on Thursday" beside "8 May 2025", a Thursday, is that day (dateparser, preferring
        # the past, would read the Thursday before it)
        return anchor
    found = _relative_parser(anchor).get_date_data(text)
    if found.date_obj is None or found.period != "day":
        return None
    day = found.date_obj.date()
    return day if abs(day - anchor) <= ANCHOR_REACH else None


def event_date(spans: Sequence[Span], captions: Iterable[str] = ()) -> date | None:
    """The date of an article's events: its first full or anchored relative DATE span.

    ``captions``: image captions, read whole (the NER pass does not see them); a full date in
    one dates the article when its text has none, and anchors its relative dates.
    """
    texts = [span.text for span in spans if span.label == DATE_LABEL]
    full = [day for day in map(full_date, texts) if day is not None]
    full += [day for day in map(caption_date, captions) if day is not None]
    if not full:
        return None
    for text in texts:
        day = full_date(text) or relative_date(text, full[0])
        if day is not None:
            return day
    return full[0]


def caption_date(caption: str) -> date | None:
    """The first full date a caption writes ("… in Lisbon on June 25, 2024. Photo: …")."""
    from dateparser.search import search_dates

    if not _YEAR.search(caption):  # no year, no full date: skip the search
        return None
    for text, _ in search_dates(caption, languages=["en"]) or ():
        if (day := full_date(text.removeprefix("on "))) is not None:
            return day
    return None
