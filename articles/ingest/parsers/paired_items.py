"""ParsedItems from headline / caption / summary blocks, shared by the three pair layouts."""

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers.blocks import Block
from articles.ingest.parsers.credits import (
    credited_authors,
    dateline_outlet,
    merge_names,
    split_author_suffix,
)
from articles.ingest.parsers.pairing import PairedItem, pair_blocks
from articles.ingest.records import Document, ParsedItem, ParseResult


def parse_pairs(document: Document, blocks: list[Block], layout: str, section: str = ""):
    """Pair the blocks into items; a final headline without a summary means a truncated file."""
    paired = pair_blocks(blocks)
    if paired and not paired[-1].summary:
        raise TruncatedDump(
            document.path,
            "the file ends with a headline that has no summary; fetch the complete dump",
            paired[-1].headline.start,
        )
    return ParseResult(layout, tuple(_item(pair, section) for pair in paired))


def _item(pair: PairedItem, section: str) -> ParsedItem:
    title, suffix_author = split_author_suffix(pair.headline.text)
    summary = pair.summary[0].text
    return ParsedItem(
        title=title,
        summary=summary,
        body="\n\n".join(block.text for block in pair.summary[1:]),
        line_start=pair.headline.start,
        line_end=pair.end,
        section=section,
        authors=merge_names([suffix_author] if suffix_author else [], credited_authors(summary)),
        original_source=dateline_outlet(summary),
        captions=tuple(block.text for block in pair.captions),
    )
