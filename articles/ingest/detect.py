"""Which layout a document has, decided by its content alone (never by its file name).

The rules run in order and the first that matches wins; each rule's docstring says what it
looks for. Text that matches none (CSV, JSON, source code, a single word, lines of prose with
no blank-line structure) raises ``UnknownLayout``. To add a layout, add one rule here.
"""

from collections.abc import Callable

from articles.ingest.errors import UnknownLayout
from articles.ingest.parsers.blocks import (
    Block,
    count_words,
    ends_with_period,
    is_blank,
    is_label,
    is_prose,
    split_blocks,
)
from articles.ingest.parsers.bullet_scan import CATEGORY, bullet_text, bullet_width
from articles.ingest.records import Document

_STRUCTURED_SHARE = 0.9  # of non-blank lines that must be headers, bullets or indented
_LONG_PARAGRAPH_WORDS = 20
_LONG_PARAGRAPH_SHARE = 0.5
_MAX_HEADLINE_SHARE_IN_PARAGRAPHS = 0.2
_MAX_HEADLINE_WORDS = 30
_MIN_SUMMARY_WORDS = 8
_MIN_HEADLINE_SHARE = 0.35


def is_bullets(lines: list[str], blocks: list[Block]) -> bool:
    """Bullet items (``  • text``), usually under ``Category:`` headers, bodies indented below.

    A ``Category:`` header with at least one bullet; or two bullets or more with nearly all
    non-blank lines being headers, bullets or indented continuation lines.
    """
    width = bullet_width(lines)
    filled = [line for line in lines if not is_blank(line)]
    heads = [line for line in filled if bullet_text(line, width) is not None]
    if heads and any(CATEGORY.match(line) for line in filled):
        return True
    structured = [
        line for line in filled if line[0] in " \t" or bullet_text(line, width) is not None
    ]
    return len(heads) >= 2 and len(structured) >= _STRUCTURED_SHARE * len(filled)


def is_paragraphs(lines: list[str], blocks: list[Block]) -> bool:
    """One paragraph per item: single-line prose blocks, hardly any of them headline-like.

    Every block is one line of prose; at most a fifth of them (the last one aside, which may
    be cut short) look like a headline (short, no final full stop) as half the blocks of the
    pair layouts do; and at least half are long (20 words or more).
    """
    if not blocks or any(len(block.lines) > 1 or not is_prose(block.text) for block in blocks):
        return False
    headlines = [block for block in blocks[:-1] if _is_headline_like(block)]
    long = [block for block in blocks if _has_words(block.text, _LONG_PARAGRAPH_WORDS)]
    return len(headlines) <= _MAX_HEADLINE_SHARE_IN_PARAGRAPHS * len(blocks) and len(
        long
    ) >= _LONG_PARAGRAPH_SHARE * len(blocks)


def is_section_pairs(lines: list[str], blocks: list[Block]) -> bool:
    """A short label line (``Palestine solidarity``) directly above the first headline, then pairs.

    The first block has two or more lines; its first line is a label of at most six words with
    no final punctuation, and what follows, without the labels of later sections, has the pair
    shape.
    """
    if not blocks or len(blocks[0].lines) < 2 or not is_label(blocks[0].lines[0]):
        return False
    return _has_pair_shape([_without_label(block) for block in blocks])


def _without_label(block: Block) -> Block:
    """A block without the section label above its headline: the first block's, or a later
    two-line block's ("Weather" above "Storm brings snow"), so that short sections, even of
    one article, leave the pair shape intact."""
    if len(block.lines) >= 2 and is_label(block.lines[0]):
        return Block(block.start + 1, block.lines[1:])
    return block


def is_pairs(lines: list[str], blocks: list[Block]) -> bool:
    """Strictly alternating one-line headline and one-line summary blocks, nothing else.

    No leading blank line, an even number of single-line blocks, headline-like blocks at odd
    positions and summary-like blocks at even positions.
    """
    return (
        bool(lines)
        and not is_blank(lines[0])
        and len(blocks) % 2 == 0
        and all(len(block.lines) == 1 for block in blocks)
        and all(_is_headline_like(block) for block in blocks[0::2])
        and all(_is_summary_like(block) for block in blocks[1::2])
        and _has_pair_shape(blocks)
    )


def is_captioned_pairs(lines: list[str], blocks: list[Block]) -> bool:
    """Headline / caption / summary blocks that do not strictly alternate (captions, wrapping).

    The first block is a headline, some block a summary, and a good share of the blocks are
    headline-like: the general pair shape.
    """
    return _has_pair_shape(blocks)


RULES: tuple[tuple[str, Callable[[list[str], list[Block]], bool]], ...] = (
    ("bullets", is_bullets),
    ("paragraphs", is_paragraphs),
    ("section_pairs", is_section_pairs),
    ("pairs", is_pairs),
    ("captioned_pairs", is_captioned_pairs),
)


def detect_layout(document: Document) -> str:
    """The name of the first rule that matches, or ``UnknownLayout`` naming the file."""
    lines = document.lines()
    blocks = split_blocks(lines)
    for name, rule in RULES:
        if rule(lines, blocks):
            return name
    raise UnknownLayout(
        document.path,
        "the text matches none of the known dump layouts (paragraphs, headline/summary pairs, "
        "bullets); check the file or add a layout",
    )


def _has_pair_shape(blocks: list[Block]) -> bool:
    """Two or more prose blocks, a headline first, a summary somewhere, many headline-like blocks.

    The last block is not required to be a summary: a file cut after a headline is still this
    layout, and its parser reports it as truncated.
    """
    if len(blocks) < 2 or not all(is_prose(block.text) for block in blocks):
        return False
    headlines = [block for block in blocks if _is_headline_like(block)]
    return (
        _is_headline_like(blocks[0])
        and any(_is_summary_like(block) for block in blocks[1:])
        and len(headlines) >= _MIN_HEADLINE_SHARE * len(blocks)
    )


def _is_headline_like(block: Block) -> bool:
    """One line, at most 30 words, no final full stop."""
    count = count_words(block.text, _MAX_HEADLINE_WORDS + 1)
    return (
        len(block.lines) == 1 and count <= _MAX_HEADLINE_WORDS and not ends_with_period(block.text)
    )


def _is_summary_like(block: Block) -> bool:
    """Eight words or more, or a sentence with its full stop."""
    return _has_words(block.text, _MIN_SUMMARY_WORDS) or ends_with_period(block.text)


def _has_words(text: str, count: int) -> bool:
    return count_words(text, count) >= count
