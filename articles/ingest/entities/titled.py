"""Names the model missed right after a capitalised title ("President Kassym-Jomart Tokayev").

A title written with its capital before two to four name words is as sure a sign of a person as
the model's tag, and the small model misses foreign names there ("Governor Babajide Sanwo-Olu",
"Prime Minister Sanae Takaichi"). Such a run becomes a PERSON span when the model tagged no
person on it; the span then passes the same cleaning and rejections as the model's (places,
organisations, headings …). A run followed by another capitalised word is a Title Case phrase,
not a name, and is left alone.
"""

import re
from collections.abc import Sequence

from articles.ingest.entities import names
from articles.ingest.entities.spans import Span

# A name word ("Sanwo-Olu", "O'Neill", "II") or a lower-case particle between two of them.
_NAME_WORD = r"[A-Z][^\W\d_]*(?:[-’'][A-Z]?[^\W\d_]+)*"
_PARTICLE = r"(?:de|da|di|do|dos|das|del|della|van|von|der|den|bin|ibn|al|el|la|le)"
_NAME = rf"{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{1,3}}"
_TITLED = re.compile(
    rf"(?<![\w’'-])(?:{names.TITLE_ALTERNATIVES})\.? (?P<name>{_NAME})(?![\w’'-]| [A-Z])"
)


def missed_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """PERSON spans for the titled names no PERSON span of the model covers."""
    persons = [span for span in spans if span.label == "PERSON"]
    found = []
    for match in _TITLED.finditer(text):
        start, end = match.span("name")
        if "\n" in match.group() or any(span.overlaps(start, end) for span in persons):
            continue
        if names.has_org_word(match.group("name").split()):
            continue
        found.append(Span(match.group("name"), "PERSON", start, end))
    return found
