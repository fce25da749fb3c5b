"""Layout ``section_pairs``: a section header line directly above the first headline, then pairs.

``Palestine solidarity`` / ``The Cuban people will join …`` / blank / summary / …: the header
is the ``section`` of every article, never an article itself. Summaries often lack a final
full stop. Truncated: as for ``pairs``.
"""

from articles.ingest.parsers.blocks import Block, split_blocks
from articles.ingest.parsers.paired_items import parse_pairs
from articles.ingest.records import Document, ParseResult
from articles.normalise import clean_spaces

LAYOUT = "section_pairs"


def parse(document: Document) -> ParseResult:
    first, *rest = split_blocks(document.lines())
    if len(first.lines) > 1:
        rest = [Block(first.start + 1, first.lines[1:]), *rest]
    return parse_pairs(document, rest, LAYOUT, section=clean_spaces(first.lines[0]))
