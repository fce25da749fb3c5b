"""import_seeds --workers N: the same database as a one-process import, extraction in a pool."""

import contextlib
import io
import json

import pytest
from django.core.management import CommandError, call_command

from articles.benchmarks.import_bench import reset_imported_rows
from articles.benchmarks.synthetic import write_corpus
from articles.ingest.parallel import PARALLEL_MIN_BYTES, Feed, default_workers
from tests.ingest.snapshots import database_snapshot
from tests.ingest.test_pipeline import bullets


def run_import(*args) -> dict:
    """The JSON report, also when a file failed (the command then exits 1)."""
    out = io.StringIO()
    with contextlib.suppress(CommandError):
        call_command("import_seeds", *map(str, args), "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def corpus(tmp_path):
    """A small generated corpus whose files are not a whole number of chunks, a bad file, and
    a file with one item over NEWSDB_MAX_ITEM_CHARS (the limits apply in both paths)."""
    paths = write_corpus(tmp_path, articles=200, per_file=70, seed=7)
    (tmp_path / "zz_empty.txt").write_text("", encoding="utf-8")
    giant = " ".join(f"word{n}" for n in range(30_000))  # 258,890 characters on one line
    text = bullets("Genoa dockers strike over unpaid wages.", giant)
    (tmp_path / "zz_giant.txt").write_text(text, encoding="utf-8")
    return tmp_path, paths


@pytest.mark.slow
@pytest.mark.django_db
def test_import_seeds_workers_gives_the_one_process_result(corpus):
    folder, _ = corpus
    one = run_import(folder, "--workers", "1")
    expected = database_snapshot()
    reset_imported_rows()
    two = run_import(folder, "--workers", "2")
    assert database_snapshot() == expected
    assert two == one
    assert one["totals"]["created"] == 201 and one["totals"]["failed_files"] == 1
    assert one["totals"]["skipped"] >= 1  # the giant item, by its line
    again = run_import(folder, "--workers", "2")
    assert again["totals"]["created"] == 0 and again["totals"]["updated"] == 0
    assert database_snapshot() == expected


class FakePool:
    """Runs each chunk at once and remembers how many were in flight at most."""

    def __init__(self):
        self.submitted = 0

    def submit(self, function, chunk):
        self.submitted += 1
        return FakeFuture(len(chunk))


class FakeFuture:
    def __init__(self, size):
        self.size = size

    def result(self):
        return [None] * self.size

    def cancel(self):
        return False


def test_feed_keeps_at_most_a_window_of_chunks_in_flight(corpus):
    _, paths = corpus
    pool = FakePool()
    feed = Feed(pool, paths, max_bytes=1_000_000, window=3)
    for work in feed.files():
        for _ in range(0, len(work.items), 64):
            assert len(feed.pending) <= 3
            feed.next_result(work)
        assert all(pending is not work for pending, _ in feed.pending)
    assert pool.submitted == 2 * 2 + 1  # two files of 70 items and one of 60, in chunks of 64


def test_default_workers_runs_small_dumps_in_one_process(tmp_path):
    write_corpus(tmp_path, articles=20, per_file=10, seed=1)  # a few KB, like the seeds
    assert default_workers([tmp_path], cores=4) == 1
    assert default_workers([tmp_path / "missing.txt"], cores=4) == 1


def test_default_workers_uses_every_core_on_large_dumps(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * PARALLEL_MIN_BYTES)
    assert default_workers([tmp_path], cores=4) == 4


def test_default_workers_takes_the_configured_count_first(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * PARALLEL_MIN_BYTES)
    assert default_workers([tmp_path], configured=3, cores=4) == 3
    assert default_workers([tmp_path / "big.txt"], configured=1, cores=4) == 1
