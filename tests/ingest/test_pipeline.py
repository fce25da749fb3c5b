"""The import pipeline: limits checked before the database, database errors kept to one file."""

from pathlib import Path

import pytest
from django.db import DataError, connection

from articles.ingest import pipeline
from articles.ingest.records import ExtractedArticle
from articles.models import Article, Source

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MAX_BYTES = 10_000_000


class NoEntities:
    """An extractor that finds nothing: these tests are about storing, not extraction."""

    def extract(self, items):
        return [ExtractedArticle(item, item.fingerprint()) for item in items]


def bullets(*stories: str) -> str:
    """A bullets dump: one bullet per story, each story's paragraphs given as lines."""
    blocks = ["\n\n".join(f"    {line}" for line in story.split("\n")) for story in stories]
    return "Category: News\n\n" + "\n\n".join(f"  • {block.strip()}" for block in blocks) + "\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*paths):
    return pipeline.import_paths(paths, extractor=NoEntities(), max_bytes=MAX_BYTES)


@pytest.fixture
def good_file(tmp_path):
    return write(tmp_path, "b_good.txt", (SAMPLES / "pairs.txt").read_text())


@pytest.mark.django_db
def test_import_cuts_an_overlong_source_name_with_a_note_and_goes_on(tmp_path, good_file):
    outlet = "Outlet " * 40  # 280 characters: over Source.name's 200
    trailer = f"This post was originally published on {outlet}."
    story = f"Dockers in Genoa refused to load arms.\n{trailer}"
    long_source = write(tmp_path, "a_long_source.txt", bullets(story))
    report = run(tmp_path)
    assert [file.error for file in report.files] == [None, None]
    note = report.files[0].notes[0]
    source = Source.objects.get()
    assert (note.line, note.text) == (3, f"source name of 280 characters cut to {len(source.name)}")
    assert len(source.name) <= 200 and source.name.startswith("Outlet Outlet")
    assert Article.objects.get(provenance_file=long_source.name).source == source
    assert Article.objects.filter(provenance_file=good_file.name).exists()


@pytest.mark.django_db
def test_import_rejects_an_oversized_item_by_line_and_keeps_the_rest(tmp_path, settings):
    settings.NEWSDB_MAX_ITEM_CHARS = 5_000
    dump = " ".join(f"word{n}" for n in range(2_000))  # one line of 16,889 characters
    path = write(tmp_path, "dump.txt", bullets("Genoa dockers strike.", dump, "Livorno too."))
    report = run(path).files[0]
    assert report.error is None and report.created == 2
    assert [skipped.line for skipped in report.skipped] == [5]
    assert "characters is over NEWSDB_MAX_ITEM_CHARS (5,000)" in report.skipped[0].reason
    assert not Article.objects.filter(summary__contains="word1999").exists()


@pytest.mark.django_db
def test_import_default_item_limit_keeps_a_one_line_dump_out(tmp_path):
    dump = " ".join(f"word{n}" for n in range(30_000))  # 258,890 characters
    report = run(write(tmp_path, "dump.txt", bullets(dump))).files[0]
    assert report.created == 0 and report.skipped[0].line == 3
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_import_database_error_rolls_back_its_file_only(tmp_path, good_file, monkeypatch):
    stories = [f"Story number {n} from the port." for n in range(100)]  # two chunks
    bad = write(tmp_path, "a_bad.txt", bullets(*stories))
    save_chunk = pipeline.save_chunk

    def refuse_second_chunk(chunk, document, linker, report):
        if document.name == bad.name and report.created:
            raise DataError("value too long for type character varying(200)\nDETAIL: more")
        save_chunk(chunk, document, linker, report)

    monkeypatch.setattr(pipeline, "save_chunk", refuse_second_chunk)
    report = run(tmp_path)
    failed, good = report.files
    assert failed.error == (
        f"{bad}:131: the database refused an item of lines 131-201 (value too long for type "
        "character varying(200)); nothing of this file was stored"
    )
    assert failed.created == 0 and good.created > 0 and report.failed == [failed]
    assert not Article.objects.filter(provenance_file=bad.name).exists()
    assert Article.objects.filter(provenance_file=good_file.name).count() == good.created


@pytest.mark.skipif(connection.vendor != "postgresql", reason="tsvector is PostgreSQL's")
@pytest.mark.django_db
def test_import_body_over_the_tsvector_limit_fails_its_file_only(tmp_path, good_file, settings):
    settings.NEWSDB_MAX_ITEM_CHARS = 5_000_000  # let it reach the database
    words = "\n".join(" ".join(f"q{n}x{m}" for m in range(100)) for n in range(1_500))
    bad = write(tmp_path, "a_words.txt", bullets("Genoa dockers strike.", "A dump.\n" + words))
    report = run(tmp_path)
    failed, good = report.files
    assert failed.error.startswith(f"{bad}:3: the database refused an item of lines 3-")
    assert "tsvector" in failed.error and "\n" not in failed.error
    assert not Article.objects.filter(provenance_file=bad.name).exists()
    assert good.error is None and good.created > 0
