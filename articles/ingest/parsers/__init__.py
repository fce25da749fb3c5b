"""One parser per dump layout, registered by name in ``PARSERS``.

Layout modules: ``paragraphs``, ``captioned_pairs``, ``pairs``, ``section_pairs``, ``bullets``.
Shared helpers (no layout of their own): ``blocks``, ``sentences``, ``headlines``, ``credits``,
``pairing``, ``paired_items``, ``trailers``, ``bullet_scan``.

Adding a layout: a parser module with ``parse(document) -> ParseResult``, one entry below, one
detection rule in ``articles.ingest.detect.RULES`` and one sample file in ``tests/samples/``.
"""

from collections.abc import Callable
from dataclasses import replace

# The module, not the function: detect imports helpers from this package (no import cycle).
from articles.ingest import detect
from articles.ingest.errors import IngestError
from articles.ingest.parsers import bullets, captioned_pairs, pairs, paragraphs, section_pairs
from articles.ingest.parsers.blocks import recase_contractions
from articles.ingest.records import Document, ParseResult, ParseWarning, SkippedItem

PARSERS: dict[str, Callable[[Document], ParseResult]] = {
    "paragraphs": paragraphs.parse,
    "captioned_pairs": captioned_pairs.parse,
    "pairs": pairs.parse,
    "section_pairs": section_pairs.parse,
    "bullets": bullets.parse,
}


def parse_document(document: Document) -> ParseResult:
    """Detect the layout of ``document``, then parse it with that layout's parser.

    When the parser reports that the text stops looking like its layout (``continues_at``),
    the rest is detected and parsed on its own, and a warning names the line of the change.
    """
    result = _recased(PARSERS[detect.detect_layout(document)](document))
    if result.continues_at is None:
        return result
    return _with_rest(document, result, result.continues_at)


def _recased(result: ParseResult) -> ParseResult:
    """Every layout's titles with contractions cased as written (see ``recase_contractions``)."""
    items = tuple(replace(i, title=recase_contractions(i.title)) for i in result.items)
    return replace(result, items=items)


def _with_rest(document: Document, result: ParseResult, first: int) -> ParseResult:
    """``result`` with the items of the text from line ``first`` on, parsed as its own dump."""
    rest = replace(document, text="\n".join(document.lines()[first - 1 :]))
    try:
        tail = shift_lines(parse_document(rest), first - 1)
    except IngestError as error:
        line = (error.line or 1) + first - 1
        skipped = SkippedItem(line, f"after the layout change: {error.message}; not imported")
        tail = ParseResult("", (), (skipped,))
    read_as = f"the rest was read as {tail.layout}" if tail.layout else "the rest is not imported"
    change = ParseWarning(
        first, f"the text stops looking like {result.layout} here; {read_as}: check the file"
    )
    return replace(
        result,
        items=result.items + tail.items,
        skipped=result.skipped + tail.skipped,
        warnings=(*result.warnings, change, *tail.warnings),
        continues_at=None,
    )


def shift_lines(result: ParseResult, offset: int) -> ParseResult:
    """``result`` with every line number moved down by ``offset`` lines."""
    return replace(
        result,
        items=tuple(
            replace(i, line_start=i.line_start + offset, line_end=i.line_end + offset)
            for i in result.items
        ),
        skipped=tuple(replace(s, line=s.line + offset) for s in result.skipped),
        warnings=tuple(replace(w, line=w.line + offset) for w in result.warnings),
    )
