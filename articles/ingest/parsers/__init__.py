"""One parser per dump layout, registered by name in ``PARSERS``.

Layout modules: ``paragraphs``, ``captioned_pairs``, ``pairs``, ``section_pairs``, ``bullets``.
Shared helpers (no layout of their own): ``blocks``, ``sentences``, ``headlines``, ``credits``,
``pairing``, ``paired_items``, ``trailers``, ``bullet_scan``.

Adding a layout: a parser module with ``parse(document) -> ParseResult``, one entry below, one
detection rule in ``articles.ingest.detect.RULES`` and one sample file in ``tests/samples/``.
"""

from collections.abc import Callable

# The module, not the function: detect imports helpers from this package (no import cycle).
from articles.ingest import detect
from articles.ingest.parsers import bullets, captioned_pairs, pairs, paragraphs, section_pairs
from articles.ingest.records import Document, ParseResult

PARSERS: dict[str, Callable[[Document], ParseResult]] = {
    "paragraphs": paragraphs.parse,
    "captioned_pairs": captioned_pairs.parse,
    "pairs": pairs.parse,
    "section_pairs": section_pairs.parse,
    "bullets": bullets.parse,
}


def parse_document(document: Document) -> ParseResult:
    """Detect the layout of ``document``, then parse it with that layout's parser."""
    return PARSERS[detect.detect_layout(document)](document)
