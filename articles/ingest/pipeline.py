"""read → detect → parse → extract → persist, one transaction per file, with a report.

A file is imported whole or not at all: any error rolls its transaction back and is reported
against that file, while the other files of the run still import.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from pathlib import Path

from articles.ingest import persist
from articles.ingest.errors import IngestError
from articles.ingest.locking import file_transaction
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document
from articles.ingest.records import Document, ExtractedArticle, FileReport, ParsedItem

# Items sent through the NER model together: large enough for spaCy to batch well, small
# enough that memory stays flat however large a file is.
CHUNK_SIZE = 64

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
        keys = ("created", "unchanged", "updated")
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
    return document, list(result.items), report


def import_paths(
    paths: Iterable[str | Path],
    *,
    extractor,
    max_bytes: int,
    dry_run: bool = False,
    on_file: Callable[[FileReport, int], ProgressHook] | None = None,
) -> ImportReport:
    """Import every dump under ``paths``; never raises for a bad file, reports it instead.

    ``on_file(report, item_count)`` is called when a file has been parsed and returns the hook
    called after each item, so the command can show progress.
    """
    run = ImportReport(dry_run=dry_run)
    for path in dump_paths(paths):
        try:
            document, items, report = parse_path(path, max_bytes)
        except IngestError as error:
            run.files.append(FileReport(path=str(path), error=str(error)))
            continue
        run.files.append(report)
        advance = on_file(report, len(items)) if on_file else None
        try:
            _import_items(document, items, report, extractor, dry_run, advance)
        except IngestError as error:
            _reset_counts(report, error)
    return run


def _import_items(document, items, report, extractor, dry_run, advance) -> None:
    if dry_run:
        for chunk in _extracted_chunks(items, extractor, advance):
            known = persist.existing_fingerprints(a.fingerprint for a in chunk)
            report.unchanged += sum(a.fingerprint in known for a in chunk)
            report.created += sum(a.fingerprint not in known for a in chunk)
        return
    with file_transaction():
        linker = persist.Linker()
        for chunk in _extracted_chunks(items, extractor, advance):
            persist.save_chunk(chunk, document, linker, report)


def _extracted_chunks(
    items: list[ParsedItem], extractor, advance: ProgressHook | None
) -> Iterator[list[ExtractedArticle]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        extracted = extractor.extract(chunk)
        if advance:
            advance(len(chunk))
        yield extracted


def _reset_counts(report: FileReport, error: IngestError) -> None:
    """The file's transaction was rolled back: nothing of it was stored."""
    report.error = str(error)
    report.created = report.updated = report.unchanged = 0
    report.persons_linked = report.countries_linked = report.topics_linked = 0
