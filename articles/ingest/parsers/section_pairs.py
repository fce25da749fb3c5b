"""Layout ``section_pairs``: a section header line directly above the first headline, then pairs.

``Palestine solidarity`` / ``The Cuban people will join …`` / blank / summary / …: the header
is the ``section`` of every article after it, never an article itself. A later header written
the same way (a label line directly above a headline) starts the next section. Summaries often
lack a final full stop. Truncated: as for ``pairs``.
"""

from articles.ingest.parsers.blocks import Block, is_label, split_blocks
from articles.ingest.parsers.paired_items import parse_pairs
from articles.ingest.records import Document, ParseResult
from articles.normalise import clean_spaces

LAYOUT = "section_pairs"


def parse(document: Document) -> ParseResult:
    items = []
    for section, blocks in _sections(split_blocks(document.lines())):
        items += parse_pairs(document, blocks, LAYOUT, section=section).items
    return ParseResult(LAYOUT, tuple(items))


def _sections(blocks: list[Block]) -> list[tuple[str, list[Block]]]:
    """The blocks under each header: the first block's first line, and each later two-line
    block whose first line is a label ("Sport" above "Georgia beat Japan in Tbilisi")."""
    sections: list[tuple[str, list[Block]]] = []
    for index, block in enumerate(blocks):
        under: Block | None = block
        if index == 0 or (len(block.lines) == 2 and is_label(block.lines[0])):
            sections.append((clean_spaces(block.lines[0]), []))
            under = Block(block.start + 1, block.lines[1:]) if len(block.lines) > 1 else None
        if under is not None:
            sections[-1][1].append(under)
    return sections
