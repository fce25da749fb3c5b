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
    rules_seconds: float = 0.0  # the Extractor's work after the model, on the model's spans

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

    @property
    def rules_share(self) -> float:
        """The rules' time after the model, as a fraction of the model's time. Timed apart from
        the model, it does not carry the model's run-to-run noise as ``overhead`` does."""
        return self.rules_seconds / self.model_seconds if self.model_seconds else 0.0


def measure(texts: Sequence[str], catalog: Catalog, nlp=None, repeat: int = 3) -> Throughput:
    """Best of ``repeat`` runs of (a) ``nlp.pipe`` ner-only, (b) ``Extractor.extract`` and (c)
    the Extractor's rules alone on spans the model gave once."""
    from articles.ingest.extract import BATCH_SIZE, Extractor, load_nlp, spans_from_doc

    nlp = nlp if nlp is not None else load_nlp()
    extractor = Extractor(catalog, nlp)
    items = [ParsedItem("", "", text, 1, 1) for text in texts]
    model = min(_timed(lambda: list(nlp.pipe(texts, batch_size=BATCH_SIZE))) for _ in range(repeat))
    full = min(_timed(lambda: extractor.extract(items)) for _ in range(repeat))
    spans = [spans_from_doc(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE)]
    given = list(zip(items, texts, spans, strict=True))
    rules = min(
        _timed(lambda: [extractor.extract_one(*each) for each in given]) for _ in range(repeat)
    )
    return Throughput(sum(len(text.split()) for text in texts), model, full, rules)


def _timed(run) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start
