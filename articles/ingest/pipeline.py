"""read → detect → parse → fit → extract → persist, one transaction per file, with a report.

A file is imported whole or not at all: any error, the database's included, rolls its
transaction back and is reported against that file, while the other files of the run still
import. Items are fitted to the stored fields' limits (``limits``) before extraction.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import DatabaseError

from articles.ingest.batching import chunked
from articles.ingest.errors import IngestError
from articles.ingest.limits import fit_items
from articles.ingest.parsers import parse_document
from articles.ingest.persist.catalog import Linker
from articles.ingest.persist.items import field_limits
from articles.ingest.persist.locking import file_transaction
from articles.ingest.persist.upsert import existing_fingerprints, save_chunk
from articles.ingest.preview import count_new_links
from articles.ingest.reader import read_document
from articles.ingest.records import Document, ExtractedArticle, FileReport, ParsedItem

# Called once per extracted item, so a caller can drive a progress bar.
ProgressHook = Callable[[int], None]


@dataclass
class ImportReport:
    """The outcome of one run, file by file."""

    dry_run: bool = False
    files: list[FileReport] = field(default_factory=list)

    @property
    def failed(self) -> list[FileReport]:
        return [report for report in self.files if report.error]

    def totals(self) -> dict[str, int]:
        keys = ("created", "unchanged", "updated", "copies")
        keys += ("persons_linked", "countries_linked", "topics_linked")
        totals = {key: sum(getattr(report, key) for report in self.files) for key in keys}
        totals["files"] = len(self.files)
        totals["failed_files"] = len(self.failed)
        totals["skipped"] = sum(len(report.skipped) for report in self.files)
        return totals

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "totals": self.totals(),
            "files": [asdict(report) for report in self.files],
        }


def dump_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders into their ``*.txt`` dumps (sorted); keep files as given."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.txt") if not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def parse_path(path: Path, max_bytes: int) -> tuple[Document, list[ParsedItem], FileReport]:
    """Read and parse one dump (no extraction, no database): raises IngestError."""
    document = read_document(path, max_bytes)
    result = parse_document(document)
    report = FileReport(path=str(path), layout=result.layout, skipped=list(result.skipped))
    report.warnings = list(result.warnings)
    return document, list(result.items), report


def parse_and_fit(path: Path, max_bytes: int, limits) -> tuple[Document, list, FileReport]:
    """``parse_path``, then the items fitted to the stored limits (``limits.fit_items``: cuts and
    rejections are noted in the report): what both the one-process and the parallel import save."""
    document, items, report = parse_path(path, max_bytes)
    return document, fit_items(items, limits, report), report


def import_paths(
    paths: Iterable[str | Path],
    *,
    extractor,
    max_bytes: int,
    dry_run: bool = False,
    on_file: Callable[[FileReport, int], ProgressHook] | None = None,
    part: tuple[int, int] | None = None,
    extract_first: bool = False,
) -> ImportReport:
    """Import every dump under ``paths``; never raises for a bad file, reports it instead.

    ``on_file(report, item_count)`` is called when a file has been parsed and returns the hook
    called after each item, so the command can show progress.

    ``part``: (first item, count) imports only those items of each file (a distributed import's
    share of a large file). ``extract_first``: run the extraction before taking the persistence
    lock, so that other importers persist meanwhile (the items of a part or a file are held in
    memory; a lone importer streams them instead).
    """
    run = ImportReport(dry_run=dry_run)
    limits = field_limits()
    for path in dump_paths(paths):
        try:
            document, items, report = parse_and_fit(path, max_bytes, limits)
            if part is not None:
                items = select_part(document, items, report, part)
        except IngestError as error:
            run.files.append(FileReport(path=str(path), error=str(error)))
            continue
        run.files.append(report)
        advance = on_file(report, len(items)) if on_file else None
        try:
            _import_items(document, items, report, extractor, dry_run, advance, extract_first)
        except IngestError as error:
            _reset_counts(report, error)
    return run


def select_part(document: Document, items: list, report: FileReport, part: tuple[int, int]):
    """Items ``first`` … ``first + count - 1``, with the notes on them; what the whole file's
    parse noted (skipped lines, warnings) is reported by its first part only."""
    first, count = part
    if first >= len(items):
        raise IngestError(
            document.path,
            f"it has {len(items)} items, so no item {first + 1}: "
            "the file changed after it was queued; queue it again",
        )
    chosen = items[first : first + count]
    start, end = chosen[0].line_start, chosen[-1].line_end
    report.notes = [note for note in report.notes if start <= note.line <= end]
    if first:
        report.skipped, report.warnings = [], []
    return chosen


def _import_items(
    document, items, report, extractor, dry_run, advance, extract_first=False
) -> None:
    chunks = _extracted_chunks(items, extractor, advance)
    if dry_run:
        for chunk in chunks:
            known = existing_fingerprints(a.fingerprint for a in chunk)
            report.unchanged += sum(a.fingerprint in known for a in chunk)
            report.created += sum(a.fingerprint not in known for a in chunk)
            count_new_links(chunk, known, report)
        return
    if extract_first:
        chunks = list(chunks)
    with file_transaction():
        linker = Linker()
        for chunk in chunks:
            try:
                save_chunk(chunk, document, linker, report)
            except DatabaseError as error:  # raised inside the transaction: it rolls back
                raise _refused(document, chunk, error) from error


def _refused(document: Document, chunk: list[ExtractedArticle], error: DatabaseError):
    """The database refused one of these items (a limit ``limits`` does not know of)."""
    first, last = chunk[0].item.line_start, chunk[-1].item.line_end
    reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
    return IngestError(
        document.path,
        f"the database refused an item of lines {first}-{last} ({reason}); "
        "nothing of this file was stored",
        line=first,
    )


def _extracted_chunks(
    items: list[ParsedItem], extractor, advance: ProgressHook | None
) -> Iterator[list[ExtractedArticle]]:
    for chunk in chunked(items):
        extracted = extractor.extract(chunk)
        if advance:
            advance(len(chunk))
        yield extracted


def _reset_counts(report: FileReport, error: IngestError) -> None:
    """The file's transaction was rolled back: nothing of it was stored."""
    report.error = str(error)
    report.created = report.updated = report.unchanged = report.copies = 0
    report.persons_linked = report.countries_linked = report.topics_linked = 0
