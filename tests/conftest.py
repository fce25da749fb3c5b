"""Shared fixtures: factories for the models, kept small and explicit."""

import itertools
import uuid

import pytest

from articles.models import Article, Country, Person, Source, Topic

_serial = itertools.count(1)


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Throttle counters and cached stats live in the cache: every test uses a key prefix of its
    own. Clearing the cache instead would flush a shared Redis database under other test
    processes."""
    cache_settings = {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    settings.CACHES = {"default": cache_settings}


@pytest.fixture
def make_source(db):
    def make(name="Dissident Voice"):
        source, _ = Source.objects.get_or_create(name=name, defaults={})
        return source

    return make


@pytest.fixture
def make_person(db):
    def make(name="Vladimir Putin"):
        return Person.objects.create(name=name)

    return make


@pytest.fixture
def make_topic(db):
    def make(name="Ukraine", keywords=""):
        return Topic.objects.create(name=name, keywords=keywords)

    return make


@pytest.fixture
def make_article(db):
    def make(title=None, **fields):
        n = next(_serial)
        fields.setdefault("summary", f"Summary {n}.")
        fields.setdefault("body", "")
        fields.setdefault("fingerprint", f"{n:064x}")
        fields.setdefault("provenance_file", "sample.txt")
        fields.setdefault("provenance_line_start", n)
        fields.setdefault("provenance_line_end", n)
        fields.setdefault("provenance_sha256", "0" * 64)
        return Article.objects.create(title=title or f"Article {n}", **fields)

    return make


@pytest.fixture
def country(db):
    def get(code):
        return Country.objects.get(code=code)

    return get


@pytest.fixture(autouse=True)
def one_import_worker(settings):
    """Imports run in-process in tests unless a test asks for workers: a pool per call would
    load the NER model again and again."""
    settings.NEWSDB_IMPORT_WORKERS = 1


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """A ``replica1`` alias mirroring the test database, as DATABASE_REPLICA_URLS would add.

    Nothing routes to it unless a test installs newsdb.routers (tests/project/test_routers.py).
    """
    from django.conf import settings

    default = settings.DATABASES["default"]
    settings.DATABASES.setdefault(
        "replica1", {**default, "TEST": {**default.get("TEST", {}), "MIRROR": "default"}}
    )
