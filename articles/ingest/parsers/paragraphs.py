"""Layout ``paragraphs``: one article per paragraph, often ``Headline: body…``.

Each non-blank line (a block, if an odd paragraph is wrapped) is one item. The headline is
what precedes the headline colon, except salutations, bylines and ``Author: Headline. …``
(see ``headlines.split_lead``); paragraphs without one get a derived title. A dateline
``Kabul, Afghanistan (CNN)`` names the original source.

Truncated: with three or more paragraphs, the last one stops mid-sentence while every other
paragraph ends with a full stop, question mark or the like.
"""

from articles.ingest.errors import TruncatedDump
from articles.ingest.parsers.blocks import Block, ends_sentence, split_blocks
from articles.ingest.parsers.credits import dateline_outlet, strip_dateline
from articles.ingest.parsers.headlines import split_lead
from articles.ingest.parsers.sentences import derive_title
from articles.ingest.records import Document, ParsedItem, ParseResult

LAYOUT = "paragraphs"
_MIN_PARAGRAPHS_FOR_TRUNCATION = 3


def parse(document: Document) -> ParseResult:
    blocks = split_blocks(document.lines())
    _refuse_truncated(document, blocks)
    return ParseResult(LAYOUT, tuple(_item(block) for block in blocks))


def _item(block: Block) -> ParsedItem:
    lead = split_lead(block.text)
    title = lead.title or derive_title(strip_dateline(lead.rest))
    return ParsedItem(
        title=title,
        title_derived=lead.title is None,
        summary=lead.rest,
        body="",
        line_start=block.start,
        line_end=block.end,
        authors=lead.authors,
        original_source=dateline_outlet(lead.rest),
    )


def _refuse_truncated(document: Document, blocks: list[Block]) -> None:
    if len(blocks) < _MIN_PARAGRAPHS_FOR_TRUNCATION or ends_sentence(blocks[-1].text):
        return
    if all(ends_sentence(block.text) for block in blocks[:-1]):
        raise TruncatedDump(
            document.path,
            "the last paragraph stops mid-sentence while every other one is complete; "
            "fetch the complete dump",
            blocks[-1].end,
        )
