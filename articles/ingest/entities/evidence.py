"""Where each mention is written: offsets in the joined entity text, mapped back to stored fields.

The extractors read one text, ``ParsedItem.text_for_entities()`` (title, summary and body joined
by ``TEXT_JOINER``); an editor reads the fields. ``FieldMap.locate`` turns a span of the joined
text into an ``Evidence`` such that ``item.<field>[start:end]`` is the mention as written.
Items are fitted to the stored limits before extraction, so these are the stored fields' offsets.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from articles.evidence import rows
from articles.ingest.records import TEXT_JOINER, Evidence, ParsedItem

# What extractors call to record a mention: (start, end) in the joined text → Evidence or None.
Locate = Callable[[int, int], Evidence | None]


@dataclass(frozen=True)
class _Placed:
    name: str
    offset: int  # where the field starts in the joined text
    length: int


class FieldMap:
    """The joined entity text's fields and where each starts."""

    def __init__(self, item: ParsedItem):
        placed, offset = [], 0
        for name, value in item.text_fields():
            placed.append(_Placed(name, offset, len(value)))
            offset += len(value) + len(TEXT_JOINER)
        self._fields = tuple(placed)

    def locate(self, start: int, end: int) -> Evidence | None:
        """The field offsets of ``text[start:end]``; None for an empty span or one across fields."""
        for field in self._fields:
            if field.offset <= start and end <= field.offset + field.length and start < end:
                return Evidence(field.name, start - field.offset, end - field.offset)
        return None


def collect(locate: Locate | None, spans: Iterable[tuple[int, int]]) -> tuple[Evidence, ...]:
    """The evidence of these spans, in text order, each once (spans ``locate`` cannot place
    are left out); none without ``locate``."""
    if locate is None:
        return ()
    placed = (locate(start, end) for start, end in spans)
    return tuple(Evidence(*row) for row in rows((e.field, e.start, e.end) for e in placed if e))
