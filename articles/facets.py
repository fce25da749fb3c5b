"""Articles counted per pair of facets, kept exact with the links.

A facet is what ``/api/stats/`` filters on and counts by: a country, a topic, a source or a
section, written as a key (``country:12``, ``topic:3``, ``source:7``, ``section:World``).
``FacetPair`` holds, for every two facets that share an article, how many articles have both
(a facet paired with itself: its articles). Stats filtered by one facet then read a few hundred
rows instead of counting the links of every article the filter selects (seconds for a topic of
a hundred thousand articles at a million).

Kept exact the way ``articles.counts`` keeps entity counts: every path that may change an
article's facets touches the article (``counts.touch(Article, ids)``), and when the block ends
``recount`` compares each touched article's facets with those it was last counted with
(``CountedFacets``) and adds the difference of their pairs, in the same transaction. A deleted
article's snapshot outlives it (no foreign key) until its pairs are taken back.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.apps import apps
from django.db import connections, transaction

from articles.ingest.batching import chunked

KINDS = ("country", "topic", "source", "section")
LINKED_KINDS = ("country", "topic")  # the link kinds that are facets (persons are not)
BATCH = 5_000  # articles read per round of ``recount``
UPSERT_ROWS = 300  # pair rows per INSERT statement (3 parameters each)


def _model(name: str):
    return apps.get_model("articles", name)


def key(kind: str, value) -> str:
    """The facet key of a country, topic or source id, or a section heading."""
    return f"{kind}:{value}"


def split(facet: str) -> tuple[str, str]:
    """``(kind, value)`` of a facet key (the value as written: an id is a string of digits)."""
    kind, _, value = facet.partition(":")
    return kind, value


def current(article_ids: Iterable[int], using: str) -> dict[int, frozenset[str]]:
    """Each existing article's facets as its row and links say now."""
    found: dict[int, set[str]] = defaultdict(set)
    articles = _model("Article").objects.using(using).filter(pk__in=article_ids).order_by()
    for pk, source_id, section in articles.values_list("pk", "source_id", "section"):
        found[pk] |= {key("section", section)} if section else set()
        found[pk] |= {key("source", source_id)} if source_id is not None else set()
    for kind in LINKED_KINDS:
        link = _model(f"Article{kind.capitalize()}")
        rows = link.objects.using(using).filter(article_id__in=list(found)).order_by()
        for article_id, target_id in rows.values_list("article_id", f"{link.target_field}_id"):
            found[article_id].add(key(kind, target_id))
    return {pk: frozenset(keys) for pk, keys in found.items()}


def counted(article_ids: Iterable[int], using: str) -> dict[int, frozenset[str]]:
    """Each article's facets as ``FacetPair`` last counted them."""
    rows = _model("CountedFacets").objects.using(using).filter(article_id__in=article_ids)
    return {pk: frozenset(keys.split("\n")) for pk, keys in rows.values_list("article_id", "keys")}


def pairs(facets: frozenset[str]) -> Iterable[tuple[str, str]]:
    """Every ordered pair of an article's facets, each facet with itself included."""
    return ((one, other) for one in facets for other in facets)


def recount(article_ids: Iterable[int], using: str = "default") -> None:
    """Bring ``FacetPair`` up to date with these articles' facets (see the module)."""
    with transaction.atomic(using=using):
        for batch in chunked(sorted(set(article_ids)), BATCH):
            _recount(batch, using)


def _recount(article_ids: list[int], using: str) -> None:
    now, before = current(article_ids, using), counted(article_ids, using)
    delta: Counter[tuple[str, str]] = Counter()
    changed = []
    for pk in article_ids:
        new, old = now.get(pk, frozenset()), before.get(pk, frozenset())
        if new == old:
            continue
        changed.append(pk)
        delta.update(pairs(new))
        delta.subtract(pairs(old))
    _add(using, sorted((pair, n) for pair, n in delta.items() if n))
    snapshots = _model("CountedFacets").objects.using(using)
    snapshots.filter(article_id__in=changed).delete()
    snapshots.bulk_create(
        [
            _model("CountedFacets")(article_id=pk, keys="\n".join(sorted(now[pk])))
            for pk in changed
            if now.get(pk)
        ]
    )


def _add(using: str, rows: list[tuple[tuple[str, str], int]]) -> None:
    """Add these differences to the stored pairs, in key order (two writers lock the rows they
    share in the same order: they wait for each other, never deadlock)."""
    table = _model("FacetPair")._meta.db_table
    with connections[using].cursor() as cursor:
        for chunk in chunked(rows, UPSERT_ROWS):
            values = ", ".join(["(%s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (facet, other, article_count) VALUES {values} "
                f"ON CONFLICT (facet, other) DO UPDATE "
                f"SET article_count = {table}.article_count + excluded.article_count",
                [value for (one, other), n in chunk for value in (one, other, n)],
            )


def counts_with(facet: str, using: str = "default") -> dict[str, dict[str, int]]:
    """How many articles share each other facet with ``facet``, by kind: ``{kind: {value: n}}``
    (``facet`` itself among them: its own article count)."""
    rows = _model("FacetPair").objects.using(using).filter(facet=facet, article_count__gt=0)
    found: dict[str, dict[str, int]] = {kind: {} for kind in KINDS}
    for other, n in rows.values_list("other", "article_count"):
        kind, value = split(other)
        found[kind][value] = n
    return found


# Every article's facets, one row each, from the links and the article rows.
_FACETS_SQL = """
    SELECT article_id, 'country:' || country_id AS facet FROM articles_articlecountry
    UNION ALL SELECT article_id, 'topic:' || topic_id FROM articles_articletopic
    UNION ALL SELECT id, 'source:' || source_id FROM articles_article WHERE source_id IS NOT NULL
    UNION ALL SELECT id, 'section:' || section FROM articles_article WHERE section <> ''
"""
_PAIRS_SQL = f"""
    WITH found (article_id, facet) AS ({_FACETS_SQL})
    SELECT one.facet, other.facet, COUNT(*) FROM found AS one
    JOIN found AS other ON other.article_id = one.article_id
    GROUP BY one.facet, other.facet
"""
_JOINED = {"postgresql": "string_agg(facet, E'\\n' ORDER BY facet)"}
_JOINED_ELSEWHERE = "group_concat(facet, char(10))"  # SQLite


def rebuild(using: str = "default") -> None:
    """Count every pair afresh from the links (``recount --fix``, the migration that adds them)."""
    connection = connections[using]
    joined = _JOINED.get(connection.vendor, _JOINED_ELSEWHERE)
    pairs_table = _model("FacetPair")._meta.db_table
    counted_table = _model("CountedFacets")._meta.db_table
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {pairs_table}")
        cursor.execute(f"DELETE FROM {counted_table}")
        cursor.execute(f"INSERT INTO {pairs_table} (facet, other, article_count) {_PAIRS_SQL}")
        cursor.execute(
            f"WITH found (article_id, facet) AS ({_FACETS_SQL}) "
            f"INSERT INTO {counted_table} (article_id, keys) "
            f"SELECT article_id, {joined} FROM found GROUP BY article_id"
        )


def drifted(using: str = "default") -> list[dict]:
    """The pairs whose stored count differs from the links: ``facet``, ``other``, ``stored``,
    ``actual`` (0 for a pair the links no longer make, or one never stored)."""
    with connections[using].cursor() as cursor:
        cursor.execute(_PAIRS_SQL)
        actual = {(one, other): n for one, other, n in cursor.fetchall()}
    rows = _model("FacetPair").objects.using(using).exclude(article_count=0)
    stored = {
        (one, other): n for one, other, n in rows.values_list("facet", "other", "article_count")
    }
    return [
        {"facet": one, "other": other, "stored": stored.get(pair, 0), "actual": actual.get(pair, 0)}
        for pair in sorted(actual.keys() | stored.keys())
        if stored.get(pair, 0) != actual.get(pair, 0)
        for one, other in [pair]
    ]


# The entity lists of ``/api/stats/``: list → (facet kind, model, fields shown with the count).
_ENTITY_LISTS = {
    "countries": ("country", "Country", ("id", "code", "name")),
    "topics": ("topic", "Topic", ("id", "slug", "name")),
    "sources": ("source", "Source", ("id", "slug", "name")),
}


def stats(facet: str, limit: int, using: str = "default") -> dict:
    """What ``/api/stats/`` counts for the articles of one facet, read from the pairs:
    ``article_count`` and the ``countries``, ``topics``, ``sources`` and ``sections`` lists, in
    the order and shape the counting querysets give (most first, ties by name)."""
    found = counts_with(facet, using)
    kind, value = split(facet)
    answer = {"article_count": found[kind].get(value, 0)}
    for listed, (kind_listed, model_name, fields) in _ENTITY_LISTS.items():
        counted = found[kind_listed]
        rows = _model(model_name).objects.using(using).filter(pk__in=list(counted))
        rows = [{**row, "filtered_count": counted[str(row["id"])]} for row in rows.values(*fields)]
        rows.sort(key=lambda row: (-row["filtered_count"], row["name"]))
        answer[listed] = rows[:limit]
    sections = [{"section": s, "article_count": n} for s, n in found["section"].items()]
    sections.sort(key=lambda row: (-row["article_count"], row["section"]))
    answer["sections"] = sections[:limit]
    return answer
