"""Entity extraction: parsed items in, items with persons, countries, topics and date out.

The spaCy model runs once per process with only its ``ner`` component (it has its own encoder in
en_core_web_sm, so the entities are the same and it runs twice as fast); texts go through
``nlp.pipe`` in batches. The country, topic and person-registry automatons are built once per
``Extractor`` (so once per worker process: the catalog snapshot travels to each worker).
"""

from collections.abc import Sequence
from functools import cache

from articles.ingest import copies
from articles.ingest.entities import (
    countries,
    dates,
    evidence,
    famous,
    lexicon,
    lone,
    nonpersons,
    persons,
    sources,
    titled,
    topics,
)
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.registry import PersonRegistry
from articles.ingest.entities.spans import Span, spans_from_doc
from articles.ingest.parsers import photo_credits
from articles.ingest.records import Catalog, ExtractedArticle, ParsedItem, PersonMention
from articles.normalise import name_key

MODEL = lexicon.MODEL
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
        self.outlets = nonpersons.outlet_keys(catalog.outlets)
        self.registry = PersonRegistry(catalog.persons, self.is_person_name)
        # Famous persons named by surname alone, looked for as the registry is (``famous``).
        self.famous = PersonRegistry(famous.registry_persons(), self.is_person_name)
        is_given_name("Anna")  # load the first-name dictionary now, not inside the first batch
        lexicon.warm()

    def is_place(self, word: str) -> bool:
        """Whether ``word`` is a country name, demonym or city of the catalog."""
        return word in self.place_words

    def is_person_name(self, name: str) -> bool:
        """Whether a registry name passes the same rules as a name found in text."""
        if nonpersons.lexicon_reason(name, self.outlets):
            return False
        return persons.rejection(name, "", self.is_place) is None

    def never_person(self, name: str, span: Span, text: str) -> str | None:
        """Why a name at ``span`` is no person's: an outlet, a place, or how the text uses it."""
        reason = nonpersons.lexicon_reason(name, self.outlets)
        return reason or nonpersons.context_reason(name, span, text)

    def extract(self, items: Sequence[ParsedItem]) -> list[ExtractedArticle]:
        """Entities of every item, in order; texts are batched through the model."""
        items = [self.filed_under_outlet(item) for item in items]
        texts = [item.text_for_entities()[:MAX_CHARS] for item in items]
        docs = self.nlp.pipe(texts, batch_size=BATCH_SIZE)
        return [
            self.extract_one(item, text, spans_from_doc(doc))
            for item, text, doc in zip(items, texts, docs, strict=True)
        ]

    def filed_under_outlet(self, item: ParsedItem) -> ParsedItem:
        """The item's source read as outlet and section, known outlets first (``sources``)."""
        known, merged = self.catalog.outlet_keys, self.catalog.merged_outlet_keys
        return sources.filed_under_outlet(item, known, merged)

    def extract_one(self, item: ParsedItem, text: str, spans: Sequence[Span]) -> ExtractedArticle:
        """Entities of one item whose text has already been through the model."""
        locate = evidence.FieldMap(item).locate
        spans = [*spans, *titled.missed_names(text, spans)]
        found_persons = persons.find_persons(spans, text, self.is_place, self.never_person)
        found_persons += self.registry.candidates(text, found_persons, spans, self.never_person)
        found_persons += self.famous.candidates(text, found_persons, spans, self.never_person)
        found_persons = persons.without_aliases(found_persons, text)
        mentioned = self.registry.resolve(persons.mentions_from(found_persons, spans, text, locate))
        mentioned = lone.kept(mentioned, text)
        credited = photo_credits.photographers(text)
        # A credited photographer's name is no country reference ("Reuters/Santiago Arcos").
        # The name itself, not the span around it: "Dane" of "Dane Jonas Vingegaard" is Denmark.
        person_spans = [Span(c.name, "PERSON", *persons.name_span(c)) for c in found_persons] + [
            Span(found.name, "PERSON", found.start, found.end) for found in credited
        ]
        places = [span for span in spans if span.label in PLACE_LABELS]
        found_countries = countries.country_mentions(
            text, self.country_automaton, person_spans, places, locate
        )
        found_topics = topics.assign_topics(
            item.title, text, item.section, self.catalog.topics, self.topic_automaton
        )
        return ExtractedArticle(
            item=item,
            fingerprint=item.fingerprint(),
            persons=(
                *mentioned,
                *self.registry.resolve(author_mentions(item)),
                *photographer_mentions(item, credited, locate),
            ),
            countries=found_countries,
            topics=found_topics,
            copy_sketch=copies.sketch(item.summary, item.body),
            dated=dates.event_date(spans, item.captions),
        )


def author_mentions(item: ParsedItem) -> tuple[PersonMention, ...]:
    """The item's credited authors that are persons, with the author role."""
    return tuple(PersonMention(name, 1, "author") for name in sources.author_names(item.authors))


def photographer_mentions(
    item: ParsedItem, in_text: Sequence[photo_credits.CreditedName], locate: evidence.Locate
) -> tuple[PersonMention, ...]:
    """The photographers the item's photo credits name (``in_text``: those of its text; its
    captions; or known from before), with the photographer role; the credits in the text are
    their evidence."""
    in_captions = [found.name for c in item.captions for found in photo_credits.photographers(c)]
    names: dict[str, str] = {}
    for name in (*item.photographers, *(found.name for found in in_text), *in_captions):
        names.setdefault(name_key(name), name)
    places: dict[str, list[tuple[int, int]]] = {}
    for found in in_text:
        places.setdefault(name_key(found.name), []).append((found.start, found.end))
    return tuple(
        PersonMention(
            name, 1, "photographer", evidence=evidence.collect(locate, places.get(key, ()))
        )
        for key, name in names.items()
    )
