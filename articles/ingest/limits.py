"""Limits on what is stored, checked before the database does: cut with a note, or reject.

The limits are plain numbers (``FieldLimits``): persistence reads them from the models' column
lengths and the ``NEWSDB_MAX_ITEM_CHARS`` setting, so this stage needs no Django. Per field:

- an item whose title, summary and body hold more than ``item_chars`` characters is rejected:
  a dump that parses into one giant item is a dump whose layout was not recognised, and one
  such article would be served to every reader of the first page;
- a title, section or source name longer than its column is cut after its last whole word that
  fits, and ends with "…";
- a credited author longer than a person's name can be is dropped: it is not a name.

Each cut or drop is a note on the item's first line; a rejection is a skipped item with its
reason. Both appear in the import report as ``file:line``.
"""

import re
from dataclasses import dataclass, replace

from articles.ingest.entities.sources import display_name, source_key
from articles.ingest.records import FileReport, ItemNote, ParsedItem, SkippedItem

ELLIPSIS = "…"
# The whitespace before the last word: searched left to right, so linear in the text's length.
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_TRAILING = " \t\n,;:-–—"


@dataclass(frozen=True)
class FieldLimits:
    """The longest values the database stores, in characters."""

    title: int
    section: int
    source_name: int
    person_name: int
    item_chars: int  # title, summary and body together


def cut_at_word(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else its start up to a word boundary + "…".

    A single word longer than half the limit is cut inside the word rather than dropped.
    """
    if len(text) <= limit:
        return text
    room = limit - len(ELLIPSIS)
    head = text[:room]
    space = None if text[room].isspace() else _LAST_SPACE.search(head)
    if space and space.start() >= room // 2:
        head = head[: space.start()]
    return head.rstrip(_TRAILING) + ELLIPSIS


def fit_items(items: list[ParsedItem], limits: FieldLimits, report: FileReport) -> list[ParsedItem]:
    """The items that can be stored, cut to the limits; rejections and cuts go to ``report``."""
    kept = []
    for item in items:
        size = len(item.title) + len(item.summary) + len(item.body)
        if size > limits.item_chars:
            report.skipped.append(SkippedItem(item.line_start, _too_large(size, limits)))
            continue
        fitted, notes = fit_item(item, limits)
        report.notes.extend(ItemNote(item.line_start, note) for note in notes)
        kept.append(fitted)
    return kept


def fit_item(item: ParsedItem, limits: FieldLimits) -> tuple[ParsedItem, list[str]]:
    """The item with over-long fields cut or dropped, and a note for each change."""
    changes: dict = {}
    notes = []
    for name, limit in (("title", limits.title), ("section", limits.section)):
        value = getattr(item, name)
        if len(value) > limit:
            changes[name] = cut_at_word(value, limit)
            notes.append(f"{name} of {len(value):,} characters cut to {limit:,}")
    for name in ("source", "original_source"):
        value = getattr(item, name)
        if value and (fitted := _fit_source_name(value, limits.source_name)) != value:
            changes[name] = fitted
            notes.append(f"source name of {len(value):,} characters cut to {len(fitted):,}")
    authors = tuple(name for name in item.authors if len(name) <= limits.person_name)
    if authors != item.authors:
        changes["authors"] = authors
        notes.append(f"credited author longer than {limits.person_name:,} characters dropped")
    return (replace(item, **changes) if changes else item), notes


def _fit_source_name(name: str, limit: int) -> str:
    """``name`` if its display form and key fit, else its display form cut to fit both."""
    shown = display_name(name)
    if len(shown) <= limit and len(source_key(shown)) <= limit:
        return name
    fitted = cut_at_word(shown, limit)
    while len(source_key(fitted)) > limit:  # folding can lengthen a name ("ß" → "ss")
        fitted = cut_at_word(fitted, len(fitted) - 1)
    return fitted


def _too_large(size: int, limits: FieldLimits) -> str:
    return (
        f"item of {size:,} characters is over NEWSDB_MAX_ITEM_CHARS ({limits.item_chars:,}), "
        "not imported: the dump's layout was probably not recognised; split it into items "
        "or raise the limit"
    )
