"""Fixtures for persistence: extracted articles built in the test, saved one chunk at a time."""

import pytest

from articles.ingest.persist.catalog import Linker
from articles.ingest.persist.upsert import save_chunk
from articles.ingest.records import Document, ExtractedArticle, FileReport, ParsedItem
from articles.models import Article

DOC = Document(name="dump.txt", path="dumps/dump.txt", text="", sha256="a" * 64)


def make_extracted(title="Strike in Kharkiv", persons=(), countries=(), topics=(), **fields):
    item = ParsedItem(
        title=title,
        summary=fields.pop("summary", "Workers walked out."),
        body=fields.pop("body", ""),
        line_start=fields.pop("line_start", 1),
        line_end=fields.pop("line_end", 3),
        **fields,
    )
    return ExtractedArticle(
        item=item,
        fingerprint=item.fingerprint(),
        persons=tuple(persons),
        countries=tuple(countries),
        topics=tuple(topics),
    )


@pytest.fixture
def extracted():
    """An ExtractedArticle from keyword arguments (title, persons, countries, topics, fields)."""
    return make_extracted


@pytest.fixture
def save(db):
    """Save one extracted article as an import would; gives the stored Article and the report."""

    def run(value, report=None):
        report = report or FileReport(path="dump.txt")
        save_chunk([value], DOC, Linker(), report)
        return Article.objects.get(fingerprint=value.fingerprint), report

    return run
