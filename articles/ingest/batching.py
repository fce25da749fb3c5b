"""How many articles the import and the re-extraction commands handle at a time."""

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")

# Items sent through the NER model together and saved with one bulk statement per kind: large
# enough for spaCy to batch well, small enough that memory stays flat however large a file or
# the database is.
CHUNK_SIZE = 64


def chunked(iterable: Iterable[T], size: int = CHUNK_SIZE) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive values (the last one shorter)."""
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk
