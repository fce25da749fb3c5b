"""Layout ``captioned_pairs``: headline, optional short image captions, summary (maybe wrapped).

The file may start with a blank line; a headline may close with its author
(``September 9: A call to action against slavery - Jeremy Galloway``). Captions are told apart
from headlines and summaries by the pair grammar (``pairing``). Truncated: the file ends with a
headline (and perhaps captions) but no summary.
"""

from articles.ingest.parsers.blocks import split_blocks
from articles.ingest.parsers.paired_items import parse_pairs
from articles.ingest.records import Document, ParseResult

LAYOUT = "captioned_pairs"


def parse(document: Document) -> ParseResult:
    return parse_pairs(document, split_blocks(document.lines()), LAYOUT)
