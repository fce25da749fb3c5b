"""The extraction half of a parallel import, run inside worker processes (no Django).

A worker process is started with ``spawn`` (no forked database connection, no forked spaCy
threads), loads the extractor once in ``start_worker`` and then turns chunks of parsed items into
extracted articles. Nothing here touches the database: the main process persists.
"""

import os
import threading
import time
from collections.abc import Sequence

from articles.ingest.extract import Extractor
from articles.ingest.records import Catalog, ExtractedArticle, ParsedItem

_extractor: Extractor | None = None


def start_worker(catalog: Catalog) -> None:
    """Pool initializer: load the NER model and build the automatons once per process."""
    global _extractor
    _exit_with_parent(os.getppid())
    _extractor = Extractor(catalog)


def _exit_with_parent(parent_pid: int, every_seconds: float = 1.0) -> None:
    """End this process soon after its parent is gone (an import killed with SIGKILL, say).

    A pool worker otherwise waits on its task queue for ever, holding the model's memory.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(every_seconds)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def extract_chunk(items: Sequence[ParsedItem]) -> list[ExtractedArticle]:
    """Entities of one chunk of items, in order (the same call a one-process import makes)."""
    if _extractor is None:
        raise RuntimeError("extract_chunk runs only in a worker started by start_worker")
    return _extractor.extract(items)
