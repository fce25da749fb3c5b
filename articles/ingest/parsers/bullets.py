"""Layout ``bullets``: ``Category: X`` headers, then bullet items with indented paragraphs.

Each bullet is one article: its first line is the summary (standfirst), the other paragraphs
the body, and its trailers (see ``trailers``) give the title, source, original source and
author; trailers, ``Continue reading…``, bylines (``By HG``) and image captions are never body.
Without a ``The post TITLE …`` trailer the title is derived from the first paragraph.

A bullet with no article text belongs to the previous article when it only comments on it
(``This article was originally published in Italian on …``) or when it holds trailers and the
previous article has none naming its source yet; otherwise it is an empty item, reported as
skipped. Truncated: the last bullet stops mid-sentence without any trailer while every other
article has one.
"""

import re
from dataclasses import dataclass, replace

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers.blocks import Block, ends_sentence
from articles.ingest.parsers.bullet_scan import RawBullet, scan_bullets
from articles.ingest.parsers.credits import (
    byline_name,
    credited_authors,
    dateline_outlet,
    is_byline,
    merge_names,
    strip_dateline,
)
from articles.ingest.parsers.sentences import derive_title
from articles.ingest.parsers.trailers import (
    Trailer,
    authors_of,
    original_source_of,
    read_trailer,
    source_of,
    title_of,
)
from articles.ingest.records import Document, ParsedItem, ParseResult, SkippedItem

LAYOUT = "bullets"
_IMAGE_CREDIT = re.compile(
    r"\b(?:image|photo|photograph|picture)s?\s+(?:via|by|courtesy of|credit)\b", re.IGNORECASE
)
_MAX_CAPTION_WORDS = 25


@dataclass(frozen=True)
class _Bullet:
    """A bullet sorted out: article paragraphs apart from trailers, captions and bylines."""

    start: int
    end: int
    section: str
    paragraphs: tuple[Block, ...] = ()
    trailers: tuple[Trailer, ...] = ()
    captions: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()


def parse(document: Document) -> ParseResult:
    scan = scan_bullets(document.lines())
    skipped = [SkippedItem(line, "text outside any bullet item") for line in scan.stray_lines]
    groups: list[list[_Bullet]] = []  # an article's bullet, then the text-less ones it absorbs
    sourced = False  # whether the last group names its source yet
    for bullet in map(_sort_out, scan.bullets):
        names_source = source_of(bullet.trailers) is not None
        if bullet.paragraphs:
            groups.append([bullet])
            sourced = names_source
        elif groups and not (names_source and sourced):
            # A note about the previous article, or trailers it still lacks.
            groups[-1].append(bullet)
            sourced = sourced or names_source
        else:
            skipped.append(SkippedItem(bullet.start, _empty_reason(bullet)))
    articles = [_merge(group) for group in groups]
    _refuse_truncated(document, articles)
    items = tuple(_item(bullet) for bullet in articles)
    ordered = tuple(sorted(skipped, key=lambda s: s.line))
    return ParseResult(LAYOUT, items, ordered, continues_at=scan.tail_start)


def _sort_out(raw: RawBullet) -> _Bullet:
    """File each block of a bullet under trailers, captions, bylines or article paragraphs.

    Collected in lists and frozen once: a bullet may hold many thousands of blocks.
    """
    parts: dict[str, list] = {"paragraphs": [], "trailers": [], "captions": [], "authors": []}
    for block in raw.blocks:
        kind, value = _classify(block)
        if value is not None:
            parts[kind].append(value)
    frozen = {kind: tuple(values) for kind, values in parts.items()}
    return _Bullet(raw.start, raw.end, raw.section, **frozen)


def _classify(block: Block) -> tuple[str, object]:
    """What one block of a bullet is, and the value to keep for it."""
    text = block.text
    if trailer := read_trailer(text):
        return "trailers", trailer
    if _is_caption(block):
        return "captions", "\n".join(block.lines)
    if is_byline(text):
        return "authors", byline_name(text)
    return "paragraphs", block


def _is_caption(block: Block) -> bool:
    """``Marc. Image via Marc``, ``Feature image via Marc``: short lines crediting an image."""
    return len(block.text.split()) <= _MAX_CAPTION_WORDS and any(
        _IMAGE_CREDIT.search(line) for line in block.lines
    )


def _merge(group: list[_Bullet]) -> _Bullet:
    """An article's bullet with the trailers, captions and authors of the bullets it absorbed."""
    return replace(
        group[0],
        end=group[-1].end,
        trailers=tuple(trailer for bullet in group for trailer in bullet.trailers),
        captions=tuple(caption for bullet in group for caption in bullet.captions),
        authors=tuple(author for bullet in group for author in bullet.authors),
    )


def _empty_reason(bullet: _Bullet) -> str:
    kinds = ", ".join(trailer.kind for trailer in bullet.trailers) or "no text"
    return f"empty bullet: trailers only ({kinds}), no article text; nothing imported"


def _item(bullet: _Bullet) -> ParsedItem:
    first, *rest = bullet.paragraphs
    title = title_of(bullet.trailers)
    summary = first.text
    return ParsedItem(
        title=title or derive_title(strip_dateline(summary)),
        title_derived=title is None,
        summary=summary,
        body="\n\n".join("\n".join(block.lines) for block in rest),
        line_start=bullet.start,
        line_end=bullet.end,
        section=bullet.section,
        authors=merge_names(authors_of(bullet.trailers), bullet.authors, credited_authors(summary)),
        source=source_of(bullet.trailers),
        original_source=original_source_of(bullet.trailers) or dateline_outlet(summary),
        captions=bullet.captions,
    )


def _refuse_truncated(document: Document, articles: list[_Bullet]) -> None:
    if len(articles) < 2:
        return
    last = articles[-1]
    if _has_metadata(last) or ends_sentence(last.paragraphs[-1].text):
        return
    if all(_has_metadata(article) for article in articles[:-1]):
        raise TruncatedDump(
            document.path,
            "the last bullet stops mid-sentence and has no trailer, unlike every other one; "
            "fetch the complete dump",
            last.end,
        )


def _has_metadata(bullet: _Bullet) -> bool:
    return bool(source_of(bullet.trailers) or original_source_of(bullet.trailers))
