"""The values passed between ingestion stages: frozen dataclasses, no Django.

read → ``Document`` → detect → parse → ``ParseResult`` (``ParsedItem``s and ``SkippedItem``s)
→ extract → ``ExtractedArticle`` → persist.
"""

from dataclasses import dataclass, field
from datetime import date

from articles.evidence import TEXT_FIELDS
from articles.ingest.copies import CopySketch
from articles.normalise import content_fingerprint

# Between the fields of ``ParsedItem.text_for_entities`` (``evidence`` maps offsets back).
TEXT_JOINER = "\n\n"


@dataclass(frozen=True)
class Document:
    """A dump file read into text, with its provenance."""

    name: str  # base name, as stored in provenance
    path: str  # as given by the operator, for messages
    text: str  # decoded, BOM removed, line endings normalised to "\n"
    sha256: str  # of the raw bytes

    def lines(self) -> list[str]:
        return self.text.split("\n")


@dataclass(frozen=True)
class ParsedItem:
    """One article as the parser found it, before entity extraction."""

    title: str
    summary: str
    body: str
    line_start: int  # 1-based, inclusive
    line_end: int  # 1-based, inclusive
    title_derived: bool = False
    section: str = ""
    # Credited writers as written ("Jeremy Galloway", "Taejun Kang"); outlets are filtered later.
    authors: tuple[str, ...] = ()
    source: str | None = None  # where the dump got it ("This post was originally published on X")
    original_source: str | None = None  # who first published it ("originally appeared on X")
    captions: tuple[str, ...] = ()  # image captions: kept apart from title and summary
    # Credited photographers already known (a stored article's, when it is re-extracted); the
    # entity stage adds those the text's photo credits name.
    photographers: tuple[str, ...] = ()

    def text_fields(self) -> tuple[tuple[str, str], ...]:
        """The non-empty stored text fields, (name, value), in the order the text joins them."""
        fields = ((name, getattr(self, name)) for name in TEXT_FIELDS)
        return tuple((name, value) for name, value in fields if value)

    def text_for_entities(self) -> str:
        """The article's own words: title, summary and body (no trailers, no captions)."""
        return TEXT_JOINER.join(value for _, value in self.text_fields())

    def fingerprint(self) -> str:
        """The content hash that makes an article unique (see ``normalise.content_fingerprint``)."""
        return content_fingerprint(self.title, self.summary, self.body, self.title_derived)


@dataclass(frozen=True)
class SkippedItem:
    """Something in a dump that looked like an item but is not imported."""

    line: int
    reason: str


@dataclass(frozen=True)
class ItemNote:
    """Something changed in an item on its way in (a field cut to fit), by its first line."""

    line: int
    text: str


@dataclass(frozen=True)
class ParseWarning:
    """Something in a dump the operator should look at, though what it holds was imported."""

    line: int
    message: str


@dataclass(frozen=True)
class ParseResult:
    layout: str
    items: tuple[ParsedItem, ...]
    skipped: tuple[SkippedItem, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    # The line where the text stops looking like ``layout``: the parser left the rest unparsed,
    # and ``parsers.parse_document`` detects and parses it on its own.
    continues_at: int | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a mention is written: ``article[field][start:end]`` (a stored field, after fitting)."""

    field: str  # "title", "summary" or "body"
    start: int
    end: int


@dataclass(frozen=True)
class PersonMention:
    name: str  # fullest form the article gives
    count: int = 1
    role: str = "mentioned"  # or "author", "photographer"
    # The registry person this mention is ("Donald Trump" for a bare "Trump"), when the registry
    # resolved it; "" leaves the choice to persistence, by name.
    known_as: str = ""
    evidence: tuple[Evidence, ...] = ()  # each mention, in text order


@dataclass(frozen=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-2
    count: int = 1
    evidence: tuple[Evidence, ...] = ()  # each mention, in text order


@dataclass(frozen=True)
class TopicMatch:
    slug: str
    name: str
    score: float


@dataclass(frozen=True)
class CountryAliasRecord:
    """One row of the editors' country alias table, as the extractor needs it."""

    text: str
    code: str
    kind: str  # "name", "demonym" or "city"


@dataclass(frozen=True)
class TopicRule:
    """One topic of the taxonomy with its keywords, as the classifier needs it."""

    slug: str
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class RegistryPerson:
    """A person of the registry (an editor confirmed it, or several articles name it)."""

    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Catalog:
    """What the extractors read from the database, loaded once a run by ``load_catalog``."""

    country_names: dict[str, str]  # alpha-2 → display name
    country_aliases: tuple[CountryAliasRecord, ...] = ()
    topics: tuple[TopicRule, ...] = ()
    persons: tuple[RegistryPerson, ...] = ()  # what registry-assisted recognition looks for
    outlets: tuple[str, ...] = ()  # the Source registry's names: never persons
    outlet_keys: frozenset[str] = frozenset()  # keys of the stored sources and their aliases
    merged_outlet_keys: frozenset[str] = frozenset()  # keys of the aliases alone


@dataclass(frozen=True)
class ExtractedArticle:
    """A parsed item with its entities: everything persistence needs, nothing it must compute."""

    item: ParsedItem
    fingerprint: str
    persons: tuple[PersonMention, ...] = ()
    countries: tuple[CountryMention, ...] = ()
    topics: tuple[TopicMatch, ...] = ()
    # Shingles and band keys: is it a copy of an earlier article? (``copies``)
    copy_sketch: CopySketch = field(default_factory=CopySketch)
    dated: date | None = None  # when its events happened, as the text states it


@dataclass(frozen=True)
class LinkPreview:
    """What a dry run would link one new article to, as the extraction names them."""

    line: int
    title: str
    persons: tuple[str, ...] = ()  # "Name", or "Name (author)"
    countries: tuple[str, ...] = ()  # ISO alpha-2 codes
    topics: tuple[str, ...] = ()


@dataclass
class FileReport:
    """What happened to one file (mutable: the pipeline fills it in as it goes)."""

    path: str
    layout: str = ""
    created: int = 0
    unchanged: int = 0
    updated: int = 0
    copies: int = 0  # created articles found to copy an earlier one (``duplicate_of``)
    skipped: list[SkippedItem] = field(default_factory=list)
    error: str | None = None
    persons_linked: int = 0
    countries_linked: int = 0
    topics_linked: int = 0
    notes: list[ItemNote] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    previews: list[LinkPreview] = field(default_factory=list)  # dry runs only
