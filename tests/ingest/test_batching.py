"""Chunks of a stream, as import and re-extraction take them."""

from articles.ingest.batching import CHUNK_SIZE, chunked


def test_chunked_gives_lists_of_the_size_and_a_shorter_last_one():
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked(iter(()))) == []


def test_chunked_defaults_to_the_shared_chunk_size():
    sizes = [len(chunk) for chunk in chunked(range(CHUNK_SIZE + 1))]
    assert sizes == [CHUNK_SIZE, 1]
