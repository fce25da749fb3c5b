"""Full-text search over articles: one query language, two backends.

The user's text is parsed once (``parse``) into a small neutral ``Query`` with the syntax of
PostgreSQL's ``websearch_to_tsquery``: words (all must match), ``"quoted phrases"``, ``or``
between alternatives and ``-word`` / ``-"phrase"`` to exclude. The ``Query`` is then rendered
for the database at hand; the user's text never reaches either query language as it was typed.

Every match is annotated with its ``distance`` from the query: lower is more relevant, so the
relevance order is ``distance`` ascending (then newest first).

PostgreSQL matches the stored, weighted ``search_vector`` (migration ``0006_search``) with the
query re-rendered in websearch syntax (every clause quoted). With the RUM index (migration
``0012_search_rum``, where the extension is installed) the distance is RUM's ``<=>``, and the
index returns the matches best-first: a page of a search matching a quarter of a million articles
reads one page of the index. Without it, the distance is minus ``ts_rank`` over
``search_rank_vector`` (title (A) > summary (B) > the body's first 300 characters (C)), and every
match is ranked before the first page is known.

SQLite matches the FTS5 table ``articles_article_fts`` (migration ``0007_search_fts5``; kept in
sync by triggers on every insert, update and delete, ``bulk_create`` included) with every term
quoted; its distance is ``bm25`` weighted as PostgreSQL ranks (see ``BM25``). Its ``porter``
tokenizer stems nearly as PostgreSQL's English stemmer does; the stop words PostgreSQL ignores
are dropped from the query here, so both ignore them.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVectorExact,
    SearchVectorField,
)
from django.db import connections, models
from django.db.models import Expression, F, FloatField, Func, Lookup, Value
from django.db.models.expressions import Col
from django.db.models.functions import Cast
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
)

CONFIG = "english"
FTS_TABLE = "articles_article_fts"
MAX_CHARS = 200  # a longer search is refused
MAX_TERMS = 16  # words, `or` and `-` together; each one is work for the database

# PostgreSQL's English stop words (its english.stop): its parser drops them from queries.
_STOP_WORDS_TEXT = (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself "
    "she her hers herself it its itself they them their theirs themselves what which who whom "
    "this that these those am is are was were be been being have has had having do does did "
    "doing a an the and but if or because as until while of at by for with about against "
    "between into through during before after above below to from up down in out on off over "
    "under again further then once here there when where why how all any both each few more "
    "most other some such no nor not only own same so than too very s t can will just don "
    "should now"
)
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
# A quoted phrase (its closing quote optional), or a word: both maybe preceded by dashes.
_CHUNK = re.compile(r'(-*)"([^"]*)"?|([^\s"]+)')
_TOKEN = re.compile(r"[^\W_]+")  # what FTS5's unicode61 tokenizer keeps: letters and digits


class SearchError(ValueError):
    """A search the API refuses (too long, too many terms, nothing to look for)."""


@dataclass(frozen=True)
class Clause:
    """Words that must appear one after the other (one word: anywhere), or must not."""

    words: tuple[str, ...]
    negated: bool = False

    @property
    def tokens(self) -> list[str]:
        return [token.lower() for word in self.words for token in _TOKEN.findall(word)]


@dataclass(frozen=True)
class Query:
    """Alternatives (``or``), each a list of clauses that must all hold."""

    alternatives: tuple[tuple[Clause, ...], ...]


def parse(text: str) -> Query:
    """The neutral form of a websearch-style query; ``SearchError`` if it is out of bounds."""
    if len(text) > MAX_CHARS:
        raise SearchError(f"A search may have at most {MAX_CHARS} characters ({len(text)} given).")
    alternatives, current, terms = [], [], 0
    for match in _CHUNK.finditer(text):
        dashes, phrase, word = match.groups()
        if word is not None:
            dashes, phrase = re.match(r"(-*)(.*)", word).groups()
        if word is not None and not dashes and phrase.lower() == "or":
            alternatives, current, terms = _close(alternatives, current), [], terms + 1
            continue
        clause = Clause(tuple(phrase.split()), negated=bool(dashes))
        terms += len(clause.words) + clause.negated
        if _counts(clause):
            current.append(clause)
    if terms > MAX_TERMS:
        raise SearchError(
            f"A search may have at most {MAX_TERMS} words and operators (or, -); "
            f"this one has {terms}."
        )
    return _checked(Query(tuple(_close(alternatives, current))))


def _counts(clause: Clause) -> bool:
    """Whether a clause constrains anything: PostgreSQL ignores stop words and punctuation."""
    return any(token not in STOP_WORDS for token in clause.tokens)


def _close(alternatives: list, current: list) -> list:
    return [*alternatives, tuple(current)] if current else alternatives


def _checked(query: Query) -> Query:
    for clauses in query.alternatives:
        if all(clause.negated for clause in clauses):
            raise SearchError(
                "A search needs a word to look for: -word only excludes "
                "(write e.g. 'ukraine -russia')."
            )
    return query


def to_websearch(query: Query) -> str:
    """The query in ``websearch_to_tsquery`` syntax, every clause a quoted phrase."""
    return " or ".join(
        " ".join(f'{"-" if c.negated else ""}"{" ".join(c.words)}"' for c in clauses)
        for clauses in query.alternatives
    )


def to_fts5(query: Query) -> str:
    """The query as an FTS5 MATCH expression, every term quoted (no user syntax survives)."""
    return " OR ".join(_fts5_alternative(clauses) for clauses in query.alternatives)


def _fts5_alternative(clauses: tuple[Clause, ...]) -> str:
    def phrases(negated: bool) -> list[str]:
        return [f'"{" ".join(c.tokens)}"' for c in clauses if c.negated == negated]

    wanted = f"({' AND '.join(phrases(False))})"
    unwanted = phrases(True)
    return f"({wanted} NOT ({' OR '.join(unwanted)}))" if unwanted else wanted


def search(queryset, text: "str | Query"):
    """Keep the articles matching ``text``, each annotated with its ``distance`` (lower first)."""
    query = text if isinstance(text, Query) else parse(text)
    if not query.alternatives:
        return queryset.none().annotate(distance=Value(0.0, output_field=FloatField()))
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, query)
    return _search_sqlite(queryset, query)


class StoredVector(Expression):
    """A tsvector column of the query's article table (unknown to the model state)."""

    def __init__(self, column: str = "search_vector"):
        super().__init__()
        self.column = column

    def resolve_expression(self, query=None, *args, **kwargs):
        field = SearchVectorField()
        field.set_attributes_from_name(self.column)
        field.model = query.model
        return Col(query.get_initial_alias(), field)


RUM_INDEX = "article_search_rum"
_RUM_INDEXED: dict[tuple[str, str], bool] = {}  # (alias, database name) -> has the index


class RealField(FloatField):
    """A float4 value (PostgreSQL's ``real``), compared with float4 parameters.

    A float4 comes back as its shortest decimal (``1.644934``), which as a float8 is another
    number: a page cursor holding it must be compared as a float4 again to find its row.
    """


class _RealComparison:
    def process_rhs(self, compiler, connection):
        sql, params = super().process_rhs(compiler, connection)
        return f"({sql})::real", params


for _lookup in (Exact, GreaterThan, GreaterThanOrEqual, LessThan, LessThanOrEqual):
    RealField.register_lookup(type(f"Real{_lookup.__name__}", (_RealComparison, _lookup), {}))


class RumDistance(Func):
    """``search_vector <=> query``: RUM's distance (1 / its rank, a float4), which its index
    orders by."""

    arg_joiner = " <=> "
    template = "(%(expressions)s)"
    output_field = RealField()


def has_rum_index(alias: str) -> bool:
    """Whether this PostgreSQL database has the RUM index of ``0012_search_rum`` (asked once)."""
    connection = connections[alias]
    key = (alias, connection.settings_dict["NAME"])
    if key not in _RUM_INDEXED:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
            _RUM_INDEXED[key] = cursor.fetchone() is not None
    return _RUM_INDEXED[key]


def _search_postgresql(queryset, query: Query):
    tsquery = SearchQuery(to_websearch(query), config=CONFIG, search_type="websearch")
    matches = queryset.filter(SearchVectorExact(StoredVector(), tsquery))
    if has_rum_index(queryset.db):
        # The bare operator, uncast: ORDER BY this expression is what the index can answer.
        return matches.annotate(distance=RumDistance(StoredVector(), tsquery))
    # ts_rank is a float4: as a float8 its value survives the trip to a page cursor and back.
    rank = Cast(SearchRank(StoredVector("search_rank_vector"), tsquery), FloatField())
    return matches.annotate(distance=-rank)


class DocumentField(models.TextField):
    """FTS5's hidden column named after its table: searched with ``__match``."""


@DocumentField.register_lookup
class Match(Lookup):
    """``document MATCH expression``: the FTS5 query (the planner needs it as a join filter)."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class ArticleText(models.Model):
    """A row of the SQLite FTS5 index of the articles (unmanaged: the migration makes it).

    Its rowid is the article's id; ``document`` is FTS5's hidden column named after the table,
    the left side of ``MATCH`` and the argument of ``bm25``. Only SQLite has this table.
    """

    article = models.OneToOneField(
        "articles.Article",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,  # the triggers delete the row
        related_name="fts",
    )
    document = DocumentField(db_column=FTS_TABLE)

    class Meta:
        app_label = "articles"
        managed = False
        db_table = FTS_TABLE

    def __str__(self):
        return f"index of article {self.pk}"


class BM25(Func):
    """FTS5's bm25 (lower is better), weighted as PostgreSQL's ranking.

    Title 10 : summary 4 : the body's first 300 characters 2 (PostgreSQL's A 1.0 : B 0.4 :
    C 0.2); the whole body 0: it selects, and only its start ranks, as on PostgreSQL.
    """

    template = "bm25(%(expressions)s, 10.0, 4.0, 2.0, 0.0)"
    output_field = FloatField()


def _search_sqlite(queryset, query: Query):
    # An inner join, not a subquery per row: bm25 counts each term's documents once per query.
    matches = queryset.filter(fts__document__match=to_fts5(query))
    return matches.annotate(distance=BM25(F("fts__document")))
