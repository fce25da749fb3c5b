"""Fixtures for the ingest tests: sample dumps from ``tests/samples/`` and in-memory documents."""

import hashlib
from pathlib import Path

import pytest

from articles.ingest.reader import read_document
from articles.ingest.records import Document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
MAX_BYTES = 1_000_000


@pytest.fixture
def sample_path():
    """The path of a sample dump by file name."""
    return lambda name: SAMPLES / name


@pytest.fixture
def sample(sample_path):
    """A sample dump read as a ``Document``."""
    return lambda name: read_document(sample_path(name), MAX_BYTES)


@pytest.fixture
def document():
    """A ``Document`` built from text in the test itself."""

    def make(text: str, name: str = "inline.txt") -> Document:
        digest = hashlib.sha256(text.encode()).hexdigest()
        return Document(name=name, path=name, text=text, sha256=digest)

    return make
