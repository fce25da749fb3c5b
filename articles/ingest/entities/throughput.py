"""Throughput of entity extraction: the raw NER model against the whole Extractor.

``measure(texts, catalog)`` returns numbers only; ``make bench`` prints and documents them.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass

from articles.ingest.records import Catalog, ParsedItem


@dataclass(frozen=True)
class Throughput:
    words: int
    model_seconds: float
    extractor_seconds: float

    @property
    def model_words_per_second(self) -> float:
        return self.words / self.model_seconds if self.model_seconds else 0.0

    @property
    def extractor_words_per_second(self) -> float:
        return self.words / self.extractor_seconds if self.extractor_seconds else 0.0

    @property
    def overhead(self) -> float:
        """Extra time of cleaning and linking, as a fraction of the model's time."""
        return self.extractor_seconds / self.model_seconds - 1 if self.model_seconds else 0.0


def measure(texts: Sequence[str], catalog: Catalog, nlp=None, repeat: int = 3) -> Throughput:
    """Best of ``repeat`` runs of (a) ``nlp.pipe`` ner-only and (b) ``Extractor.extract``."""
    from articles.ingest.extract import BATCH_SIZE, Extractor, load_nlp

    nlp = nlp if nlp is not None else load_nlp()
    extractor = Extractor(catalog, nlp)
    items = [ParsedItem("", "", text, 1, 1) for text in texts]
    model = min(_timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))) for _ in range(repeat))
    full = min(_timed(lambda: extractor.extract(items)) for _ in range(repeat))
    return Throughput(sum(len(text.split()) for text in texts), model, full)


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start
