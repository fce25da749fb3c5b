"""Layout ``pairs``: headline, blank line, summary, repeated; no header, no captions expected.

Parsed with the shared pair grammar (``pairing``), so a stray caption or wrapped summary in an
otherwise plain file is still handled. Truncated: the file ends with a headline and no summary.
"""

from articles.ingest.parsers.blocks import split_blocks
from articles.ingest.parsers.paired_items import parse_pairs
from articles.ingest.records import Document, ParseResult

LAYOUT = "pairs"


def parse(document: Document) -> ParseResult:
    return parse_pairs(document, split_blocks(document.lines()), LAYOUT)
