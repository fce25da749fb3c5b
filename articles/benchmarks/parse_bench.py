"""Parse time against input size on pathological dumps: linear parsing, or it shows here.

Each case builds a dump of about ``size`` bytes from a run of one troublesome pattern (dots,
commas, quotes, colons, bullets, spaces, a mix, and structures such as one bullet holding
thousands of paragraphs). Every parser and text helper is timed on every case; the report
gives, for each, its slowest case at each size. Linear time means the 1 MB column is about
16 times the 64 KB one; a quadratic regex shows up as 256 times.

Plain Python (no Django, no database): ``manage.py bench_parse`` prints the section.
"""

import contextlib
import random
import time
from collections.abc import Callable

from articles.ingest.entities import sources
from articles.ingest.errors import IngestError
from articles.ingest.parsers import (
    PARSERS,
    credits,
    headlines,
    parse_document,
    sentences,
    trailers,
)
from articles.ingest.parsers.bullet_scan import scan_bullets
from articles.ingest.records import Document

SIZES = (64_000, 256_000, 1_000_000)
BUDGET_SECONDS = 1.0  # a 1 MB dump of any case must parse within this


_PARAGRAPH = (
    "Dock workers in the port voted to extend their strike for another week, said the union, "
    "after talks with the operator broke down on Friday."
)


def _run(unit: str, size: int, head: str = "", tail: str = "") -> str:
    """``head``, then ``unit`` repeated to about ``size`` bytes, then ``tail``."""
    return head + unit * max(size // len(unit.encode()), 1) + tail


def _mixed(size: int) -> str:
    """A seeded jumble of the troublesome pieces, with single line breaks (one huge block)."""
    pieces = [".", "..", ",", ", ", ":", ": ", '"', "“", "”", "•", " ", "  ", "A", "Ab", "a",
              "-", " - ", "(", ")", "/", "A.", "Mr.", "The post ", " appeared first on ",
              "Credit: ", "By ", " for ", "\n", "\n  • "]  # fmt: skip
    rng = random.Random(size)
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces)
        out.append(piece)
        length += len(piece.encode())
    return "".join(out)


_BULLET = "Category: News\n  • "  # runs inside a bullet item reach every bullet helper
_TRAILER = "  • This content originally appeared on Radio Free Asia and was authored by Jane Roe.\n"

CASES: dict[str, Callable[[int], str]] = {
    "bullet headline then dots": lambda n: _run(".", n, f"{_BULLET}A headline"),
    "dots and spaces": lambda n: _run(". ", n, f"{_BULLET}An item.\n\n    "),
    "commas in a source name": lambda n: _run(
        ",", n, f"{_BULLET}The item.\n\n    This post was originally published on ", "x.\n"
    ),
    "commas and names": lambda n: _run("Ab Cd, ", n, "A", " reports"),
    "quotes": lambda n: _run('"', n, f"{_BULLET}A"),
    "colons": lambda n: _run("Ab: ", n, "Headline"),
    "bullets on one line": lambda n: _run("• ", n, _BULLET),
    "bullet marks without text": lambda n: _run("  •\n", n, f"{_BULLET}Item.\n"),
    "spaces": lambda n: _run(" ", n, f"{_BULLET}A", "x."),
    "spaced dashes": lambda n: _run(" -", n, f"{_BULLET}TAIPEI", "x"),
    "initials": lambda n: _run("A.", n, f"{_BULLET}The ", " Smith."),
    "glued sentences": lambda n: _run("word.Word", n, _BULLET),
    "post trailer titles": lambda n: _run(
        "x appeared first on ", n, f"{_BULLET}Item.\n\n    The post "
    ),
    "category padded with spaces": lambda n: _run(" ", n, "Category: A", "b\n  • Item.\n"),
    "one bullet, many paragraphs": lambda n: _run(
        f"    {_PARAGRAPH}\n\n", n, f"{_BULLET}Head.\n\n"
    ),
    "many trailer-only bullets": lambda n: _run(_TRAILER, n, f"{_BULLET}Item.\n"),
    "one headline, many summaries": lambda n: _run(f"{_PARAGRAPH}\n\n", n, "Headline\n\n"),
    "mixed": lambda n: _BULLET + _mixed(n),
}

HELPERS: dict[str, Callable[[str], object]] = {
    "split_sentences": sentences.split_sentences,
    "derive_title": sentences.derive_title,
    "strip_credits": sentences.strip_credits,
    "split_lead": headlines.split_lead,
    "read_trailer": trailers.read_trailer,
    "credited_authors": credits.credited_authors,
    "strip_dateline": credits.strip_dateline,
    "split_author_suffix": credits.split_author_suffix,
    "is_byline": credits.is_byline,
    "scan_bullets": lambda text: scan_bullets(text.split("\n")),
    "source display_name": sources.display_name,
    "clean_author": sources.clean_author,
}


def subjects() -> dict[str, Callable[[str], object]]:
    """Each parser alone (whatever layout the dump has) and each text helper."""
    found: dict[str, Callable[[str], object]] = {}
    for name, parser in PARSERS.items():
        found[f"parser {name}"] = lambda text, parser=parser: parser(_document(text))
    return found | {f"helper {name}": helper for name, helper in HELPERS.items()}


def parse_figures(sizes: tuple[int, ...] = SIZES) -> dict:
    """Seconds per size: each dump through detection and its parser (what an import does), and
    each parser and helper alone on its slowest dump."""
    texts = {case: [build(size) for size in sizes] for case, build in CASES.items()}
    dumps = {
        case: {"read_as": _outcome(built[-1]), "seconds": _timings(_detect_and_parse, built, sizes)}
        for case, built in texts.items()
    }
    return {"sizes": list(sizes), "dumps": dumps, "subjects": _worst_cases(texts, sizes)}


def _worst_cases(texts: dict[str, list[str]], sizes: tuple[int, ...]) -> dict[str, dict]:
    figures = {}
    for subject, call in subjects().items():
        times = {case: _timings(call, built, sizes) for case, built in texts.items()}
        worst = max(times, key=lambda case: times[case][sizes[-1]])
        figures[subject] = {"case": worst, "seconds": times[worst]}
    return figures


def _timings(call: Callable[[str], object], built: list[str], sizes: tuple[int, ...]) -> dict:
    return {size: _seconds(call, text) for size, text in zip(sizes, built, strict=True)}


def _detect_and_parse(text: str):
    return parse_document(_document(text))


def _outcome(text: str) -> str:
    """What the importer makes of a dump: its layout and item count, or the refusal."""
    try:
        result = _detect_and_parse(text)
    except IngestError as error:
        return type(error).__name__
    return f"{result.layout}, {len(result.items)} item(s)"


def _seconds(call: Callable[[str], object], text: str) -> float:
    """Wall time of one call; an ``IngestError`` (a refused dump) is a valid outcome too."""
    start = time.perf_counter()
    with contextlib.suppress(IngestError):
        call(text)
    return time.perf_counter() - start


def _document(text: str) -> Document:
    return Document(name="bench.txt", path="bench.txt", text=text, sha256="")
