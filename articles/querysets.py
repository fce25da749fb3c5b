"""Set-level logic of the knowledge base: one QuerySet per model that needs one.

Models import this module, never the other way round: a QuerySet reaches its own model through
``self.model`` and the others through ``_model`` (the app registry), looked up when it runs.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.apps import apps
from django.db import connections, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Trunc, TruncMonth, TruncWeek
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from articles import counts, evidence, feed, search
from articles.choices import REASON_LENGTH, Origin, ReviewReason, Suspicion, codes_of, codes_text
from articles.jsonagg import Nested, json_rows
from articles.normalise import name_key

if TYPE_CHECKING:
    from articles.models import Person, Topic


def _model(name: str) -> type[models.Model]:
    """The ``articles`` model called ``name`` (from the app registry: no circular import)."""
    return apps.get_model("articles", name)


def _link_models() -> dict[str, type[models.Model]]:
    """``articles.models.LINK_MODELS`` (kind → link model), read from the app registry."""
    return apps.get_app_config("articles").models_module.LINK_MODELS


def _count_of(model_name: str, field_name: str, distinct: str = "") -> Coalesce:
    """Count the ``model_name`` rows whose ``field_name`` points at the outer row.

    ``distinct``: count the distinct values of this field instead of rows. A correlated
    subquery, not a join: it cannot be multiplied by other joins (a search over aliases, say),
    and a page of a long list counts only its own rows.
    """
    rows = _model(model_name).objects.filter(**{field_name: OuterRef("pk")}).order_by()
    count = Count(distinct, distinct=True) if distinct else Count("pk")
    counts = rows.values(field_name).annotate(n=count).values("n")
    return Coalesce(Subquery(counts, output_field=models.IntegerField()), 0)


class CountedQuerySet(models.QuerySet):
    """The QuerySet of an entity that stores its ``article_count`` (see ``articles.counts``)."""

    def counted_articles(self) -> Coalesce:
        """The articles of the outer row, counted from the links (what the column stores)."""
        raise NotImplementedError

    def with_article_counts(self):
        """The rows with their ``article_count``: the stored column, kept exact on every write.

        Kept as the one name every list reads counts through (admin, API).
        """
        return self

    def recount_articles(self) -> int:
        """Store the counts recomputed from the links in these rows.

        The rows are locked first, in id order, and counted by a second statement: under READ
        COMMITTED that statement's snapshot holds every link a concurrent transaction committed
        while this one waited for the lock (an UPDATE that waited would count from its older
        snapshot and miss them), and two recounts cannot deadlock.
        """
        with transaction.atomic(using=self.db):
            ids = list(self.order_by("pk").select_for_update().values_list("pk", flat=True))
            rows = self.model.objects.using(self.db).filter(pk__in=ids)
            return rows.update(article_count=self.counted_articles())

    def drifted(self):
        """The rows whose stored count differs from the links, annotated ``actual_count``."""
        actual = self.annotate(actual_count=self.counted_articles())
        return actual.exclude(article_count=F("actual_count"))


class PersonQuerySet(CountedQuerySet):
    def counted_articles(self):
        """Distinct articles naming each person: one may name a person in both roles."""
        return _count_of("ArticlePerson", "person", "article")

    def with_alias_counts(self):
        """Annotate ``alias_count``: how many other names each person has."""
        return self.annotate(alias_count=_count_of("PersonAlias", "person"))

    def registry(self, min_articles: int = 2):
        """Persons the extractor may look for in new text: one an editor confirmed (an alias, or
        a link an editor made) or that at least ``min_articles`` articles name."""
        edited = _model("ArticlePerson").objects.filter(person=OuterRef("pk"), origin=Origin.EDITOR)
        aliased = _model("PersonAlias").objects.filter(person=OuterRef("pk"))
        return self.filter(Q(article_count__gte=min_articles) | Exists(edited) | Exists(aliased))

    def suspects(self):
        """Persons that look wrong: a stored suspicion, or no articles (two indexed tests)."""
        return self.filter(~Q(suspicion="") | Q(article_count=0))

    def suspected(self, code: str):
        """Persons suspected for this ``Suspicion`` code."""
        if code == Suspicion.NO_ARTICLES:
            return self.filter(article_count=0)
        # The first test is the partial index's condition: the planner may read only suspects.
        return self.filter(~Q(suspicion=""), suspicion__contains=code)

    def unsuspected(self):
        """Persons with no reason to look wrong (the complement of ``suspects``)."""
        return self.filter(suspicion="", article_count__gt=0)


class PersonBlockQuerySet(models.QuerySet):
    def block(self, names: Iterable[str], user=None) -> None:
        """Block these names (a name already blocked stays as it is)."""
        rows = {name_key(name): name for name in names if name_key(name)}
        existing = set(self.filter(key__in=rows).values_list("key", flat=True))
        for key, name in rows.items():
            if key not in existing:
                self.create(name=name, created_by=user)

    def keys(self) -> set[str]:
        """Every blocked name key (a small table, read once per import run)."""
        return set(self.values_list("key", flat=True))


# A country or topic is linked at most once per article (a unique constraint): rows are articles.
class CountryQuerySet(CountedQuerySet):
    def counted_articles(self):
        return _count_of("ArticleCountry", "country")


class TopicQuerySet(CountedQuerySet):
    def counted_articles(self):
        return _count_of("ArticleTopic", "topic")


class SourceQuerySet(CountedQuerySet):
    def counted_articles(self):
        """Articles from each source (``Article.source``, not ``original_source``)."""
        return _count_of("Article", "source")


# Person suspicions that send an article naming the person to review ("suspect person"). Only
# those a name has whatever was imported before it: "likely duplicate" and "named like an outlet"
# depend on which person or source came first, and concurrent importers must end up as one does.
# The suspects queue lists those persons all the same.
STRONG_SUSPICIONS = (Suspicion.PLACE, Suspicion.ORGANISATION)


# Links of the other articles to the same persons (3), topics (2) and countries (1), summed.
# Each shared entity brings at most its RELATED_PER_ENTITY newest articles (by id): a person or
# country named in a third of a million articles would otherwise bring them all (seconds).
# ``_NEWEST`` is the id above which a link is read: one index probe per shared entity.
RELATED_PER_ENTITY = 2_000
_NEWEST = """COALESCE((
        SELECT bound.article_id FROM {table} AS bound WHERE bound.{column} = own.{column}
        ORDER BY bound.article_id DESC LIMIT 1 OFFSET %s), 0)"""
_RELATED_SQL = """
SELECT shared.article_id, SUM(shared.weight) AS score,
       SUM(CASE WHEN shared.weight = 3 THEN 1 ELSE 0 END) AS persons,
       SUM(CASE WHEN shared.weight = 2 THEN 1 ELSE 0 END) AS topics,
       SUM(CASE WHEN shared.weight = 1 THEN 1 ELSE 0 END) AS countries
FROM (
    SELECT DISTINCT other.article_id, other.person_id AS target, 3 AS weight
    FROM articles_articleperson AS own
    JOIN articles_articleperson AS other ON other.person_id = own.person_id
    WHERE own.article_id = %s AND other.article_id > {persons}
    UNION ALL
    SELECT other.article_id, other.topic_id, 2
    FROM articles_articletopic AS own
    JOIN articles_articletopic AS other ON other.topic_id = own.topic_id
    WHERE own.article_id = %s AND other.article_id > {topics}
    UNION ALL
    SELECT other.article_id, other.country_id, 1
    FROM articles_articlecountry AS own
    JOIN articles_articlecountry AS other ON other.country_id = own.country_id
    WHERE own.article_id = %s AND other.article_id > {countries}
) AS shared
WHERE shared.article_id <> %s
GROUP BY shared.article_id
ORDER BY score DESC, shared.article_id DESC
LIMIT %s
""".format(
    persons=_NEWEST.format(table="articles_articleperson", column="person_id"),
    topics=_NEWEST.format(table="articles_articletopic", column="topic_id"),
    countries=_NEWEST.format(table="articles_articlecountry", column="country_id"),
)


# The sections, one index probe each (a "loose index scan"), each counted on the index.
_SECTION_COUNTS_SQL = """
WITH RECURSIVE found(section) AS (
    SELECT MIN(section) FROM articles_article WHERE section > ''
    UNION ALL
    SELECT (SELECT MIN(section) FROM articles_article WHERE section > found.section)
    FROM found WHERE found.section IS NOT NULL
)
SELECT section, (SELECT COUNT(*) FROM articles_article AS a WHERE a.section = found.section) AS n
FROM found WHERE section IS NOT NULL
ORDER BY n DESC, section
"""


# Pairs of the most named persons in the newest articles; ``{newest}``: those articles' ids.
_PAIRS_SQL = """
WITH newest AS ({newest}),
read AS (
    SELECT link.article_id, link.person_id FROM articles_articleperson AS link
    WHERE link.article_id IN (SELECT * FROM newest) AND link.role = %s
),
top AS (
    SELECT person_id FROM read GROUP BY person_id ORDER BY COUNT(*) DESC, person_id LIMIT %s
),
chosen AS (SELECT read.article_id, read.person_id FROM read JOIN top USING (person_id))
SELECT one.person_id AS person, two.person_id AS other, COUNT(*) AS article_count
FROM chosen AS one
JOIN chosen AS two ON two.article_id = one.article_id AND two.person_id > one.person_id
GROUP BY one.person_id, two.person_id
ORDER BY article_count DESC, person, other
LIMIT %s
"""


# person_pairs reads at most this many articles (the newest) and pairs at most this many persons.
PAIR_ARTICLES = 10_000
PAIR_PERSONS = 100


class ArticleQuerySet(models.QuerySet):
    def needing_review(self):
        return self.filter(needs_review=True)

    def touch(self) -> int:
        """Mark these articles changed now: the change feed (``ordering=updated``) lists them."""
        return self.update(updated_at=timezone.now())

    def settled(self):
        """The articles whose last change no running transaction can still precede.

        A change commits after its ``updated_at`` was taken: a feed reading up to "now" could
        pass a row that a longer transaction (an import of one file) commits later, with an
        earlier time. So the feed stops before the oldest open write transaction started
        (PostgreSQL; read from ``pg_stat_activity``) and ``NEWSDB_FEED_SETTLE_SECONDS`` ago.
        """
        return self.filter(updated_at__lt=feed.horizon(self.db))

    def for_representation(self):
        """What the API and export representation read, in one query.

        Each article carries its links as JSON lists built by the database: ``linked_authors``,
        ``linked_photographers``, ``linked_persons`` (mentioned, with their evidence),
        ``linked_countries`` (with their evidence), ``linked_topics`` and ``linked_duplicates``
        (the copies' ids; empty may be ``None``; see ``articles.api.serializers`` for their keys).
        """
        persons = "articles_articleperson ap JOIN articles_person p ON p.id = ap.person_id"
        countries = "articles_articlecountry ac JOIN articles_country c ON c.id = ac.country_id"
        topics = "articles_articletopic tl JOIN articles_topic t ON t.id = tl.topic_id"
        # A story's profile (hundreds of keys) is not what an article shows of it.
        related = self.select_related("source", "original_source", "story")
        return related.defer("story__profile").annotate(
            linked_authors=json_rows(
                persons, "ap.article_id = {outer} AND ap.role = 'author'", name="p.name"
            ),
            linked_photographers=json_rows(
                persons, "ap.article_id = {outer} AND ap.role = 'photographer'", name="p.name"
            ),
            linked_persons=json_rows(
                persons,
                "ap.article_id = {outer} AND ap.role = 'mentioned'",
                id="p.id",
                name="p.name",
                mentions="ap.count",
                evidence=Nested("ap.evidence"),
            ),
            linked_countries=json_rows(
                countries,
                "ac.article_id = {outer}",
                code="c.code",
                name="c.name",
                mentions="ac.count",
                evidence=Nested("ac.evidence"),
            ),
            linked_topics=json_rows(
                topics,
                "tl.article_id = {outer}",
                id="t.id",
                name="t.name",
                slug="t.slug",
                iptc_code="t.iptc_code",
                score="tl.score",
            ),
            linked_duplicates=json_rows(
                "articles_article d", "d.duplicate_of_id = {outer}", id="d.id"
            ),
        )

    def in_countries(self, codes, match_all=False):
        """Articles linked to any (or, with ``match_all``, every) ISO alpha-2 code given.

        Codes become ids first (one small query): with literal ids the planner can use the link
        table's statistics, which a join to the country table hides from it.
        """
        codes = {code.upper() for code in codes}
        ids = list(_model("Country").objects.filter(code__in=codes).values_list("pk", flat=True))
        if match_all and len(ids) < len(codes):
            return self.none()
        return self.linked_to("country", ids, match_all=match_all)

    def linked_to(self, kind: str, ids, match_all=False):
        """Articles linked to any (or, with ``match_all``, every) of these ``kind`` rows by id.

        ``kind`` is a link kind of ``LINK_MODELS`` (person, country, topic); a person counts
        in any role. ``match_all`` reads the links of these rows once, grouped by article (one
        ``EXISTS`` per id instead probed every article once per id: 15 s for 30 countries).
        """
        link = _model(f"Article{kind.capitalize()}")
        column, ids = f"{link.target_field}_id", set(ids)
        chosen = link.objects.filter(**{f"{column}__in": ids})
        if match_all:
            every = chosen.values("article").annotate(n=Count(column, distinct=True))
            return self.filter(pk__in=every.filter(n=len(ids)).values("article"))
        return self.filter(Exists(chosen.filter(article=OuterRef("pk"))))

    def about(self, topic_slug: str):
        """Articles linked to the topic with this slug."""
        ids = list(_model("Topic").objects.filter(slug=topic_slug).values_list("pk", flat=True))
        return self.filter(
            Exists(_model("ArticleTopic").objects.filter(article=OuterRef("pk"), topic_id__in=ids))
        )

    def search(self, text: str):
        """Full-text matches for ``text``, annotated with ``distance`` (see ``articles.search``)."""
        return search.search(self, text)

    def related_to(self, article, limit: int) -> list[dict]:
        """The articles sharing most persons, topics and countries with ``article``, best first.

        Among the ``RELATED_PER_ENTITY`` newest articles of each shared person, topic, country.

        Each row: ``article_id``, ``score`` (3 per shared person, 2 per topic, 1 per country:
        a shared country says least) and the counts ``persons``, ``topics``, ``countries``.
        """
        with connections[self.db].cursor() as cursor:
            params = [article.pk, RELATED_PER_ENTITY] * 3 + [article.pk, limit]
            cursor.execute(_RELATED_SQL, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def country_counts(self, everything=False):
        """Countries with the number of these articles linked to each, most first.

        ``everything``: these are all the articles, so the stored counts answer (no join).
        """
        fields = ("id", "code", "name")
        return self._counts_by("Country", "article_links__article", *fields, every=everything)

    def topic_counts(self, everything=False):
        """Topics with the number of these articles linked to each, most first."""
        fields = ("id", "slug", "name")
        return self._counts_by("Topic", "article_links__article", *fields, every=everything)

    def source_counts(self, everything=False):
        """Sources with the number of these articles from each, most first.

        Filtered, the articles are grouped by their source column in one pass (joining each
        source's articles back to the selection read the whole article table: 0.8 s at 1M).
        """
        if everything:
            return self._counts_by("Source", "articles", "id", "slug", "name", every=True)
        rows = (
            self.exclude(source=None)
            .order_by()
            .values("source", "source__slug", "source__name")
            .annotate(filtered_count=Count("pk"))
            .order_by("-filtered_count", "source__name")
        )
        return _Renamed(rows, {"source": "id", "source__slug": "slug", "source__name": "name"})

    def _counts_by(self, model_name: str, to_article: str, *fields: str, every=False):
        """``fields`` and ``filtered_count`` of the ``model_name`` rows these articles reach.

        ``to_article``: the lookup path from ``model_name`` to the article; its first step is
        the relation counted. ``every``: read the stored ``article_count`` instead.
        """
        if every:
            rows = _model(model_name).objects.filter(article_count__gt=0)
            rows = rows.order_by("-article_count", "name")
            return rows.values(*fields, filtered_count=F("article_count"))
        return (
            _model(model_name)
            .objects.filter(**{f"{to_article}__in": self.values("pk")})
            # The link's article id, not its own id: the (article, target) unique index holds
            # both, so the links are read from the index alone.
            .annotate(filtered_count=Count(to_article))
            .order_by("-filtered_count", "name")
            .values(*fields, "filtered_count")
        )

    def dated_counts(self, bucket: str):
        """Dated articles per ``week`` or ``month`` of ``dated`` (``period``: its first day),
        oldest first; grouped on the (dated, id) index."""
        trunc = {"week": TruncWeek, "month": TruncMonth}[bucket]
        return (
            self.filter(dated__isnull=False)
            .order_by()
            .values(period=trunc("dated"))
            .annotate(article_count=Count("pk"))
            .order_by("period")
        )

    def newest_of(self, entity, limit: int):
        """The ``limit`` newest of these articles linked to ``entity`` (a person, country,
        topic or source): one range of the entity's link index (or its source index)."""
        if isinstance(entity, _model("Source")):
            newest = self.filter(source=entity).order_by("-created_at", "-id").values("pk")
        else:
            link = next(m for m in _link_models().values() if isinstance(entity, m.target_model()))
            chosen = link.objects.filter(**{link.target_field: entity}).values("article_id")
            newest = chosen.order_by("-article_id").distinct()
        return self.filter(pk__in=newest[:limit])

    def person_counts(self, everything=False):
        """Persons named (in any role) in these articles, with how many of them, most first."""
        if everything:
            return self._counts_by("Person", "article_links__article", "id", "name", every=True)
        return (
            _model("Person")
            .objects.filter(article_links__article__in=self.values("pk"))
            .annotate(filtered_count=Count("article_links__article", distinct=True))
            .order_by("-filtered_count", "name")
            .values("id", "name", "filtered_count")
        )

    def counts_over_time(self, period: str, by: str, everything=False):
        """These articles counted per ``period`` (day, week, month) and per source or topic.

        Rows ``bucket`` (the period's first moment), ``key`` (the source or topic id, ``None``
        for none) and ``n``, oldest first. ``by="topic"`` counts an article under each topic.
        """
        if by == "source":
            rows, created = self.order_by(), "created_at"
        else:
            rows, created = self._links_of("topic", everything), "article__created_at"
        rows = rows.annotate(bucket=Trunc(created, period)).values("bucket", key=F(f"{by}_id"))
        # COUNT(*): by source, the (source, created_at) index holds all the query reads.
        return rows.annotate(n=Count("*")).order_by("bucket", "key")

    def trends(self, kind: str, ids, period: str, everything=False):
        """How many of these articles link each ``kind`` row of ``ids``, per ``period``.

        Rows ``key`` (the row's id), ``bucket`` and ``n``, oldest first (sparklines).
        """
        column = f"{_model(f'Article{kind.capitalize()}').target_field}_id"
        rows = self._links_of(kind, everything).filter(**{f"{column}__in": ids})
        rows = rows.annotate(bucket=Trunc("article__created_at", period))
        rows = rows.values("bucket", key=F(column)).annotate(n=Count("article", distinct=True))
        return rows.order_by("bucket", "key")

    def _links_of(self, kind: str, everything: bool):
        """The ``kind`` links of these articles (all links when these are all the articles)."""
        links = _model(f"Article{kind.capitalize()}").objects.order_by()
        return links if everything else links.filter(article__in=self.values("pk"))

    def section_counts(self, everything=False):
        """Non-empty sections with the number of these articles in each, most first.

        ``everything``: these are all the articles, so each section is counted on the section
        index (a loose index scan finds the sections) instead of reading the whole table.
        """
        if everything:
            with connections[self.db].cursor() as cursor:
                cursor.execute(_SECTION_COUNTS_SQL)
                return [{"section": row[0], "article_count": row[1]} for row in cursor.fetchall()]
        return (
            self.exclude(section="")
            .order_by()
            .values("section")
            .annotate(article_count=Count("pk"))
            .order_by("-article_count", "section")
        )

    def person_pairs(
        self, articles: int = PAIR_ARTICLES, persons: int = PAIR_PERSONS, limit: int | None = None
    ) -> list[dict]:
        """Pairs of persons mentioned together in these articles, most articles first.

        Rows carry ``person`` and ``other`` (ids, ``person < other``) and ``article_count``;
        at most ``limit`` of them. Bounded whatever the filter: only the newest ``articles`` of
        these are read, and only pairs of the ``persons`` most mentioned in them are counted,
        so the self-join meets at most ``persons`` links per article. The counts are exact for
        every pair named together more often than the last of those persons is named at all (a
        pair's count is at most each person's): the top of the list, which is what is shown.

        One statement that reads the links of the newest articles once (by their article
        index) and joins what it read with itself; as a join of the link table with itself,
        the planner read every link (a second at 100,000 articles).
        """
        newest = self.order_by("-created_at", "-id").values("pk")[:articles]
        sql, params = newest.query.sql_with_params()
        mentioned = _model("ArticlePerson").Role.MENTIONED
        every_pair = persons * persons  # more than ``persons`` can make
        params = [*params, mentioned, persons, every_pair if limit is None else limit]
        with connections[self.db].cursor() as cursor:
            cursor.execute(_PAIRS_SQL.format(newest=sql), params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def with_counts(self):
        """Annotate the number of linked persons and countries (for lists).

        See ``_count_of``: subqueries, so a page of a long list counts only its own rows.
        """
        return self.annotate(
            person_count=_count_of("ArticlePerson", "article"),
            country_count=_count_of("ArticleCountry", "article"),
        )

    def mark_reviewed(self) -> int:
        """Take these articles off the review queue; imported ones become reviewed."""
        return self._set_status(self.model.Status.REVIEWED, keep=[self.model.Status.PUBLISHED])

    def publish(self) -> int:
        """Publish these articles (which also takes them off the review queue)."""
        return self._set_status(self.model.Status.PUBLISHED)

    def mark_not_copies(self) -> int:
        """Make these articles originals, as an editor's choice re-import keeps."""
        articles = list(self.order_by())
        for article in articles:
            article.duplicate_of = None
            article.mark_edited("duplicate_of")
            article.updated_at = timezone.now()
        fields = ["duplicate_of", "edited_fields", "updated_at"]
        return bulk_update_with_history(articles, self.model, fields, default_change_reason="")

    def _set_status(self, status: str, keep=()) -> int:
        articles = list(self.order_by())
        for article in articles:
            if article.status not in keep:
                article.status = status
            article.needs_review, article.review_reasons = False, ""
            article.mark_edited("status", "needs_review")
            article.updated_at = timezone.now()
        fields = ["status", "needs_review", "review_reasons", "edited_fields", "updated_at"]
        return bulk_update_with_history(articles, self.model, fields, default_change_reason="")

    def with_review_causes(self):
        """Annotate one boolean per ``ReviewReason`` the links decide (the title is a field).

        A suspect person is one flagged as a place, outlet, organisation or duplicate; a
        low-confidence link names a one-word person once.
        """
        persons = _model("ArticlePerson").objects.filter(
            article=OuterRef("pk"), role=_model("ArticlePerson").Role.MENTIONED
        )
        strong = Q()
        for code in STRONG_SUSPICIONS:
            strong |= Q(person__suspicion__contains=code)
        weak = Q(count=1, person__suspicion__contains=Suspicion.SINGLE_WORD)
        countries = _model("ArticleCountry").objects.filter(article=OuterRef("pk"))
        return self.annotate(
            cause_suspect_person=Exists(persons.filter(strong)),
            cause_low_confidence=Exists(persons.filter(weak)),
            cause_no_country=~Exists(countries),
        )

    def refresh_review_reasons(self, queue: bool = False) -> int:
        """Store why each of these articles needs review, as their text and links say now.

        ``queue`` (an import's articles): an article with a reason goes on the queue, unless an
        editor has set its place on the queue. Otherwise (an edit) reasons only go away: an
        article whose last reason was corrected leaves the queue, and one an editor took off
        the queue stays off. Returns how many rows changed.
        """
        changed = []
        fields = ("pk", "title_derived", "needs_review", "review_reasons", "edited_fields")
        for article in self.only(*fields).with_review_causes().order_by():
            reasons = set(_review_codes(article))
            if queue and "needs_review" not in article.edited_fields:
                on_queue = bool(reasons)
            elif article.review_reasons:  # only what is still true stays
                reasons &= set(codes_of(article.review_reasons))
                on_queue = article.needs_review and bool(reasons)
            else:  # queued by hand, or not queued: the editor's choice stands
                on_queue = article.needs_review
            reasons = codes_text(reasons) if on_queue else ""
            if (on_queue, reasons) != (article.needs_review, article.review_reasons):
                article.needs_review, article.review_reasons = on_queue, reasons
                changed.append(article)
        return self.model.objects.bulk_update(changed, ["needs_review", "review_reasons"])

    @counts.kept
    def assign_topic(self, topic: "Topic") -> int:
        """Link ``topic`` to these articles as an editor's choice (score 1.0); lift rejections."""
        ids = list(self.values_list("pk", flat=True))
        link = _model("ArticleTopic")
        link.objects.filter(article_id__in=ids, topic=topic).update(origin=Origin.EDITOR, score=1.0)
        link.objects.bulk_create(
            [link(article_id=pk, topic=topic, origin=Origin.EDITOR) for pk in ids],
            ignore_conflicts=True,
        )
        counts.touch(type(topic), {topic.pk})
        counts.touch(self.model, ids)
        _model("LinkRejection").objects.lift(link.kind, ids, topic.pk)
        self._record_history(f"assigned topic {topic.name}")
        return len(ids)

    @counts.kept
    def remove_person(self, person: "Person") -> int:
        """Unlink ``person`` from these articles for good: the importer will not re-add it."""
        link = _model("ArticlePerson")
        links = link.objects.filter(article__in=self.values("pk"), person=person)
        article_ids = set(links.values_list("article_id", flat=True))
        _model("LinkRejection").objects.record(link.kind, article_ids, person.pk)
        links.delete()
        self.model.objects.filter(pk__in=article_ids)._record_history(
            f"removed person link {person.name}"
        )
        return len(article_ids)

    def _record_history(self, reason: str) -> None:
        """Add a history record to each article saying what an editor did to its links, and
        bump its ``updated_at`` (its links are part of what the API and feed show)."""
        articles, now = list(self.order_by()), timezone.now()
        for article in articles:
            article.updated_at = now
        bulk_update_with_history(
            articles, self.model, ["updated_at"], default_change_reason=reason[:REASON_LENGTH]
        )


def _review_codes(article) -> list[str]:
    """The ``ReviewReason`` codes of an article annotated by ``with_review_causes``."""
    causes = {
        ReviewReason.DERIVED_TITLE: article.title_derived,
        ReviewReason.SUSPECT_PERSON: article.cause_suspect_person,
        ReviewReason.LOW_CONFIDENCE: article.cause_low_confidence,
        ReviewReason.NO_COUNTRY: article.cause_no_country,
    }
    return [code for code, present in causes.items() if present]


class ArticlePersonQuerySet(models.QuerySet):
    @counts.kept
    def move_to(self, person: "Person") -> None:
        """Point these links at ``person``, adding counts into its link where it has a twin.

        A twin is ``person``'s link to the same article in the same role: the unique
        (article, person, role) constraint allows only one, so the counts are summed into it.
        """
        twins = self.model.objects.filter(
            person=person, article=OuterRef("article"), role=OuterRef("role")
        )
        self._merge_evidence_into_twins(person, twins)
        mine = self.filter(article=OuterRef("article"), role=OuterRef("role"))
        self.model.objects.filter(person=person).filter(Exists(mine)).update(
            count=F("count") + Subquery(mine.values("count")[:1]),
            origin=models.Case(
                models.When(
                    Exists(mine.filter(origin=Origin.EDITOR)), then=models.Value(Origin.EDITOR)
                ),
                default=F("origin"),
            ),
        )
        article_ids = set(self.values_list("article_id", flat=True))
        self.filter(Exists(twins)).delete()
        counts.touch(type(person), {person.pk, *self.values_list("person_id", flat=True)})
        self.update(person=person)
        _model("Article").objects.filter(pk__in=article_ids).touch()

    def _merge_evidence_into_twins(self, person: "Person", twins) -> None:
        """The twin keeps both links' evidence (few rows: only articles naming both)."""
        moving = {
            (link.article_id, link.role): link.evidence
            for link in self.filter(Exists(twins))
            .exclude(evidence=[])
            .only("article", "role", "evidence")
        }
        if not moving:
            return
        kept = self.model.objects.filter(person=person, article_id__in={a for a, _ in moving})
        changed = []
        for link in kept.only("article", "role", "evidence"):
            if (link.article_id, link.role) in moving:
                link.evidence = evidence.merged(link.evidence, moving[link.article_id, link.role])
                changed.append(link)
        self.model.objects.bulk_update(changed, ["evidence"])


class LinkRejectionQuerySet(models.QuerySet):
    def record(self, kind: str, article_ids: Iterable[int], target_id: int) -> None:
        """Record that an editor removed these articles' links to one target, for good."""
        rows = [self.model(article_id=pk, kind=kind, target_id=target_id) for pk in article_ids]
        self.bulk_create(rows, ignore_conflicts=True)

    def lift(self, kind: str, article_ids: Iterable[int], target_id: int) -> None:
        """Forget these articles' rejections of one target: an editor linked it again."""
        self.filter(kind=kind, article_id__in=article_ids, target_id=target_id).delete()

    def person(self, person: "Person"):
        return self.filter(kind=self.model.Kind.PERSON, target_id=person.pk)

    def move_to_person(self, person: "Person") -> None:
        """Re-target these person rejections at ``person``.

        Dropped where ``person`` already has a rejection on that article (the constraint allows
        one) or is linked to it (the link is a decision about ``person`` itself and wins).
        """
        same_article = {"article": OuterRef("article")}
        taken = self.model.objects.person(person).filter(**same_article)
        linked = _model("ArticlePerson").objects.filter(person=person, **same_article)
        self.filter(Q(Exists(taken)) | Q(Exists(linked))).delete()
        self.update(target_id=person.pk)

    def with_target_names(self):
        """Annotate ``target_name``: the name of the rejected person, country or topic."""
        whens = [
            models.When(
                kind=kind,
                then=Subquery(
                    link.target_model().objects.filter(pk=OuterRef("target_id")).values("name")[:1]
                ),
            )
            for kind, link in _link_models().items()
        ]
        return self.annotate(target_name=models.Case(*whens, output_field=models.CharField()))


class StoryQuerySet(models.QuerySet):
    def recent(self, since):
        """Stories with an article seen at or after ``since``."""
        return self.filter(last_seen__gte=since)

    def having_keys(self, keys: Iterable[str]):
        """Stories any of whose articles has any of these keys (``p:<id>``, ``c:<id>``, …)."""
        rows = _model("StoryKey").objects.filter(key__in=list(keys)).values("story_id")
        return self.filter(pk__in=rows)


class _Renamed:
    """A values() queryset whose rows come out with some keys renamed (a ``values()`` alias may
    not take a model field's name such as ``id``); sliced, it slices the query."""

    def __init__(self, rows, names: dict[str, str]):
        self.rows, self.names = rows, names

    def __getitem__(self, index):
        return [self._rename(row) for row in self.rows[index]]

    def __iter__(self):
        return (self._rename(row) for row in self.rows)

    def _rename(self, row: dict) -> dict:
        return {self.names.get(key, key): value for key, value in row.items()}
