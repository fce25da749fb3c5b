"""Fixtures for the extractors: the default catalog (no database) and the NER model, once."""

import pytest

from articles.ingest.entities.gazetteer import default_rows
from articles.ingest.entities.taxonomy import default_topics
from articles.ingest.extract import Extractor, load_nlp
from articles.ingest.records import Catalog, CountryAliasRecord, ParsedItem


@pytest.fixture(scope="session")
def catalog():
    aliases = tuple(
        CountryAliasRecord(row.text, row.code, row.kind) for row in default_rows() if row.active
    )
    return Catalog(country_names={}, country_aliases=aliases, topics=default_topics())


@pytest.fixture(scope="session")
def extractor(catalog):
    return Extractor(catalog, load_nlp())


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract one article from its text (as body) and optional title/authors/section."""

    def run(body, title="", authors=(), section=""):
        item = ParsedItem(
            title=title, summary="", body=body, line_start=1, line_end=1,
            authors=tuple(authors), section=section,
        )  # fmt: skip
        return extractor.extract([item])[0]

    return run


@pytest.fixture(scope="session")
def persons_in(extract):
    def run(body, **kwargs):
        return {m.name: m.count for m in extract(body, **kwargs).persons if m.role == "mentioned"}

    return run


@pytest.fixture(scope="session")
def countries_in(extract):
    def run(body, **kwargs):
        return {m.code: m.count for m in extract(body, **kwargs).countries}

    return run


@pytest.fixture(scope="session")
def extract_item(extractor):
    """Extract one ``ParsedItem`` as the importer does."""
    return lambda item: extractor.extract([item])[0]
