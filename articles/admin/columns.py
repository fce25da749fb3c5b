"""Compact list columns: long values cut to fit the list, the full value shown on hover."""

from pathlib import PurePath

from django.utils.html import format_html

# Sized so the article list fits a 1,280 px screen beside its filters (see desk.css).
SOURCE_CHARS = 22
SECTION_CHARS = 16
PROVENANCE_STEM_CHARS = 8


def clipped(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" (whole words when it can)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    words = head.rsplit(" ", 1)[0] if " " in head else head
    return (words if len(words) >= limit // 2 else head).rstrip(" ,.;:-") + "…"


def hover_cell(text: str, limit: int) -> str:
    """A cell showing ``text`` cut to ``limit`` characters, with all of it as its tooltip."""
    if not text:
        return "-"
    return format_html('<span class="desk-clip" title="{}">{}</span>', text, clipped(text, limit))


def compact_provenance(file: str, line_start: int, line_end: int) -> str:
    """``001_2c1f…:120`` for ``001_2c1f698d6d4569d6.txt:120-141``, the full form on hover."""
    full = f"{file}:{line_start}-{line_end}"
    stem = PurePath(file).stem
    short = stem if len(stem) <= PROVENANCE_STEM_CHARS + 2 else stem[:PROVENANCE_STEM_CHARS] + "…"
    return format_html('<span class="desk-clip" title="{}">{}:{}</span>', full, short, line_start)
