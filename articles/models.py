"""The knowledge base: sources, articles and the entities they mention.

Natural keys are normalised once (see ``articles.normalise``) and enforced by unique constraints.
Links between an article and an entity are through-models that remember where they came from
(``origin``: the importer or an editor), so that re-importing never undoes an editor's work.
"""

from django.db import connections, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.utils import bulk_update_with_history

from articles import search
from articles.jsonagg import json_rows
from articles.normalise import name_key, slug_for


class Origin(models.TextChoices):
    """Who made a link: the importer's extractors, or an editor."""

    AUTO = "auto", "automatic"
    EDITOR = "editor", "editor"


class Source(models.Model):
    """A publisher, outlet or aggregator feed ("Dissident Voice", "Human rights | The Guardian")."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)


class Country(models.Model):
    """An ISO 3166-1 country; the full list is loaded by a data migration."""

    code = models.CharField("alpha-2", max_length=2, unique=True)
    alpha3 = models.CharField("alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name


class CountryAlias(models.Model):
    """A word that refers to a country: a short name, a demonym, a capital or major city."""

    class Kind(models.TextChoices):
        NAME = "name", "name"
        DEMONYM = "demonym", "demonym or adjective"
        CITY = "city", "capital or city"

    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(max_length=200, help_text="As written, case-sensitive (e.g. “U.S.”).")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.NAME)
    # Reviewed off: the alias is kept for reference but never matched (e.g. an ambiguous word).
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["country__name", "text"]
        verbose_name_plural = "country aliases"
        constraints = [
            models.UniqueConstraint(fields=["country", "text"], name="uniq_country_alias_text"),
        ]

    def __str__(self):
        return f"{self.text} → {self.country.code}"


class PersonQuerySet(models.QuerySet):
    def with_article_counts(self):
        """Annotate each person with the number of articles linking to them."""
        return self.annotate(article_count=Count("article_links__article", distinct=True))


class Person(models.Model):
    """A named individual human, one row per real person."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)

    @transaction.atomic
    def merge_into(self, target: "Person") -> None:
        """Make ``target`` the one row for this person: all or nothing.

        Every mention moves (counts add up where both are linked to the same article), aliases
        and rejections move, this person's name becomes an alias of ``target``, and this row goes.
        """
        if target.pk == self.pk:
            raise ValueError(f"Cannot merge {self} into itself.")
        self.article_links.all().move_to(target)
        LinkRejection.objects.person(self).move_to_person(target)
        self.aliases.update(person=target)
        if not PersonAlias.objects.filter(key=self.key).exists():
            PersonAlias.objects.create(person=target, name=self.name)
        target._change_reason = f"merged {self.name} (#{self.pk}) into this person"[:100]
        target.save()
        self._change_reason = f"merged into {target.name} (#{target.pk})"[:100]
        self.delete()


class PersonAlias(models.Model):
    """Another name for a person: a spelling variant, or the name of a person merged into it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class Topic(models.Model):
    """A subject in the taxonomy; keywords let the importer assign it."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    keywords = models.TextField(
        blank=True, help_text="One keyword or phrase per line; matched case-insensitively."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)

    def keyword_list(self) -> list[str]:
        """The non-empty keyword lines."""
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]


# Links of the other articles to the same persons (3), topics (2) and countries (1), summed.
_RELATED_SQL = """
SELECT shared.article_id, SUM(shared.weight) AS score,
       SUM(CASE WHEN shared.weight = 3 THEN 1 ELSE 0 END) AS persons,
       SUM(CASE WHEN shared.weight = 2 THEN 1 ELSE 0 END) AS topics,
       SUM(CASE WHEN shared.weight = 1 THEN 1 ELSE 0 END) AS countries
FROM (
    SELECT DISTINCT other.article_id, other.person_id AS target, 3 AS weight
    FROM articles_articleperson AS own
    JOIN articles_articleperson AS other ON other.person_id = own.person_id
    WHERE own.article_id = %s
    UNION ALL
    SELECT other.article_id, other.topic_id, 2
    FROM articles_articletopic AS own
    JOIN articles_articletopic AS other ON other.topic_id = own.topic_id
    WHERE own.article_id = %s
    UNION ALL
    SELECT other.article_id, other.country_id, 1
    FROM articles_articlecountry AS own
    JOIN articles_articlecountry AS other ON other.country_id = own.country_id
    WHERE own.article_id = %s
) AS shared
WHERE shared.article_id <> %s
GROUP BY shared.article_id
ORDER BY score DESC, shared.article_id DESC
LIMIT %s
"""


def _link_model(kind: str):
    """The through-model and its target column for a ``LinkRejection`` kind."""
    return {
        LinkRejection.Kind.PERSON: (ArticlePerson, "person_id"),
        LinkRejection.Kind.COUNTRY: (ArticleCountry, "country_id"),
        LinkRejection.Kind.TOPIC: (ArticleTopic, "topic_id"),
    }[kind]


class ArticleQuerySet(models.QuerySet):
    def needing_review(self):
        return self.filter(needs_review=True)

    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def mentioning(self, person):
        return self.filter(person_links__person=person)

    def for_representation(self):
        """What the API and export representation read, in one query.

        Each article carries its links as JSON lists built by the database: ``linked_authors``,
        ``linked_persons`` (mentioned), ``linked_countries`` and ``linked_topics`` (empty may be
        ``None``; see ``articles.api.serializers`` for their keys).
        """
        persons = "articles_articleperson ap JOIN articles_person p ON p.id = ap.person_id"
        countries = "articles_articlecountry ac JOIN articles_country c ON c.id = ac.country_id"
        topics = "articles_articletopic tl JOIN articles_topic t ON t.id = tl.topic_id"
        return self.select_related("source", "original_source").annotate(
            linked_authors=json_rows(
                persons, "ap.article_id = {outer} AND ap.role = 'author'", name="p.name"
            ),
            linked_persons=json_rows(
                persons,
                "ap.article_id = {outer} AND ap.role = 'mentioned'",
                id="p.id",
                name="p.name",
                mentions="ap.count",
            ),
            linked_countries=json_rows(
                countries,
                "ac.article_id = {outer}",
                code="c.code",
                name="c.name",
                mentions="ac.count",
            ),
            linked_topics=json_rows(
                topics,
                "tl.article_id = {outer}",
                id="t.id",
                name="t.name",
                slug="t.slug",
                score="tl.score",
            ),
        )

    def in_countries(self, codes, match_all=False):
        """Articles linked to any (or, with ``match_all``, every) ISO alpha-2 code given.

        Codes become ids first (one small query): with literal ids the planner can use the link
        table's statistics, which a join to the country table hides from it.
        """
        codes = {code.upper() for code in codes}
        ids = list(Country.objects.filter(code__in=codes).values_list("pk", flat=True))
        links = ArticleCountry.objects.filter(article=OuterRef("pk"))
        if match_all:
            every = [Exists(links.filter(country_id=pk)) for pk in ids]
            return self.filter(*every) if len(ids) == len(codes) else self.none()
        return self.filter(Exists(links.filter(country_id__in=ids)))

    def naming(self, person_ref: str):
        """Articles linked (as author or mentioned) to a person given by id or slug."""
        people = Q(slug=person_ref)
        if person_ref.isascii() and person_ref.isdigit() and len(person_ref) < 19:
            people |= Q(pk=int(person_ref))  # longer would overflow a bigint
        ids = list(Person.objects.filter(people).values_list("pk", flat=True))
        links = ArticlePerson.objects.filter(article=OuterRef("pk"), person_id__in=ids)
        return self.filter(Exists(links))

    def about(self, topic_slug: str):
        """Articles linked to the topic with this slug."""
        ids = list(Topic.objects.filter(slug=topic_slug).values_list("pk", flat=True))
        return self.filter(
            Exists(ArticleTopic.objects.filter(article=OuterRef("pk"), topic_id__in=ids))
        )

    def search(self, text: str):
        """Full-text matches for ``text``, annotated with ``rank`` (see ``articles.search``)."""
        return search.search(self, text)

    def related_to(self, article, limit: int) -> list[dict]:
        """The articles sharing most persons, topics and countries with ``article``, best first.

        Each row: ``article_id``, ``score`` (3 per shared person, 2 per topic, 1 per country:
        a shared country says least) and the counts ``persons``, ``topics``, ``countries``.
        """
        with connections[self.db].cursor() as cursor:
            cursor.execute(_RELATED_SQL, [article.pk] * 4 + [limit])
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def country_counts(self):
        """Countries with the number of these articles linked to each, most first."""
        return (
            Country.objects.filter(article_links__article__in=self.values("pk"))
            .annotate(article_count=Count("article_links"))
            .order_by("-article_count", "name")
            .values("code", "name", "article_count")
        )

    def topic_counts(self):
        """Topics with the number of these articles linked to each, most first."""
        return (
            Topic.objects.filter(article_links__article__in=self.values("pk"))
            .annotate(article_count=Count("article_links"))
            .order_by("-article_count", "name")
            .values("id", "slug", "name", "article_count")
        )

    def source_counts(self):
        """Sources with the number of these articles from each, most first."""
        return (
            Source.objects.filter(articles__in=self.values("pk"))
            .annotate(article_count=Count("articles"))
            .order_by("-article_count", "name")
            .values("id", "slug", "name", "article_count")
        )

    def section_counts(self):
        """Non-empty sections with the number of these articles in each, most first."""
        return (
            self.exclude(section="")
            .order_by()
            .values("section")
            .annotate(article_count=Count("pk"))
            .order_by("-article_count", "section")
        )

    def person_pairs(self):
        """Pairs of persons mentioned together in these articles, most articles first.

        Rows carry ``person`` and ``other`` (ids, ``person < other``) and ``article_count``.
        """
        mentioned = ArticlePerson.Role.MENTIONED
        return (
            ArticlePerson.objects.filter(
                article__in=self.values("pk"),
                role=mentioned,
                article__person_links__role=mentioned,
                article__person_links__person__gt=F("person"),
            )
            .values("person", other=F("article__person_links__person"))
            .annotate(article_count=Count("article"))
            .order_by("-article_count", "person", "other")
        )

    def with_counts(self):
        """Annotate the number of linked persons and countries (for lists).

        See ``count_of``: subqueries, so a page of a long list counts only its own rows.
        """
        return self.annotate(
            person_count=count_of(ArticlePerson, "article"),
            country_count=count_of(ArticleCountry, "article"),
        )

    def mark_reviewed(self) -> int:
        """Take these articles off the review queue; imported ones become reviewed."""
        return self._set_status(Article.Status.REVIEWED, keep=[Article.Status.PUBLISHED])

    def publish(self) -> int:
        """Publish these articles (which also takes them off the review queue)."""
        return self._set_status(Article.Status.PUBLISHED)

    def _set_status(self, status: str, keep=()) -> int:
        articles = list(self.order_by())
        for article in articles:
            if article.status not in keep:
                article.status = status
            article.needs_review = False
            article.mark_edited("status", "needs_review")
            article.updated_at = timezone.now()
        fields = ["status", "needs_review", "edited_fields", "updated_at"]
        return bulk_update_with_history(articles, Article, fields, default_change_reason="")

    def assign_topic(self, topic: "Topic") -> int:
        """Link ``topic`` to these articles as an editor's choice (score 1.0); lift rejections."""
        ids = list(self.values_list("pk", flat=True))
        ArticleTopic.objects.filter(article_id__in=ids, topic=topic).update(
            origin=Origin.EDITOR, score=1.0
        )
        ArticleTopic.objects.bulk_create(
            [ArticleTopic(article_id=pk, topic=topic, origin=Origin.EDITOR) for pk in ids],
            ignore_conflicts=True,
        )
        LinkRejection.objects.filter(
            article_id__in=ids, kind=LinkRejection.Kind.TOPIC, target_id=topic.pk
        ).delete()
        self._record_history(f"assigned topic {topic.name}")
        return len(ids)

    def remove_person(self, person: "Person") -> int:
        """Unlink ``person`` from these articles for good: the importer will not re-add it."""
        links = ArticlePerson.objects.filter(article__in=self.values("pk"), person=person)
        article_ids = set(links.values_list("article_id", flat=True))
        LinkRejection.objects.bulk_create(
            [
                LinkRejection.for_link(pk, LinkRejection.Kind.PERSON, person.pk)
                for pk in article_ids
            ],
            ignore_conflicts=True,
        )
        links.delete()
        Article.objects.filter(pk__in=article_ids)._record_history(
            f"removed person link {person.name}"
        )
        return len(article_ids)

    def _record_history(self, reason: str) -> None:
        """Add a history record to each article saying what an editor did to its links."""
        bulk_update_with_history(
            list(self.order_by()), Article, [], default_change_reason=reason[:100]
        )


class Article(models.Model):
    """One news item from a dump."""

    class Status(models.TextChoices):
        IMPORTED = "imported", "imported"
        REVIEWED = "reviewed", "reviewed"
        PUBLISHED = "published", "published"
        WITHDRAWN = "withdrawn", "withdrawn"

    title = models.CharField(max_length=500)
    title_derived = models.BooleanField(
        default=False, help_text="The text had no headline: the importer derived this title."
    )
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    original_source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="original_articles",
        help_text="Who first published it, when the dump names another outlet.",
    )
    section = models.CharField(max_length=200, blank=True, db_index=True)
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.IMPORTED, db_index=True
    )
    needs_review = models.BooleanField(default=False, db_index=True)
    # Names of fields an editor has changed: re-import leaves them alone.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)
    provenance_file = models.CharField(max_length=255, db_index=True)
    provenance_line_start = models.PositiveIntegerField()
    provenance_line_end = models.PositiveIntegerField()
    provenance_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    persons = models.ManyToManyField(
        Person, through="ArticlePerson", related_name="articles", blank=True
    )
    countries = models.ManyToManyField(
        Country, through="ArticleCountry", related_name="articles", blank=True
    )
    topics = models.ManyToManyField(
        Topic, through="ArticleTopic", related_name="articles", blank=True
    )

    objects = ArticleQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["source", "-created_at"], name="article_source_created"),
            models.Index(fields=["title"], name="article_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(provenance_line_end__gte=models.F("provenance_line_start")),
                name="article_provenance_lines_ordered",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def provenance(self) -> str:
        """``file:first-last``, as shown to editors."""
        return f"{self.provenance_file}:{self.provenance_line_start}-{self.provenance_line_end}"

    def add_link(self, kind: str, target_id: int, **values) -> None:
        """Link a person, country or topic as an editor did; lifts an earlier rejection.

        ``values`` are the link's fields (``count``, ``score``; ``role`` picks the person link).
        """
        model, column = _link_model(kind)
        lookup = {"article": self, column: target_id}
        if "role" in values:
            lookup["role"] = values.pop("role")
        model.objects.update_or_create(**lookup, defaults={**values, "origin": Origin.EDITOR})
        self.rejections.filter(kind=kind, target_id=target_id).delete()

    def reject_link(self, kind: str, target_id: int) -> int:
        """Remove every link to this person, country or topic; the importer never re-adds it."""
        model, column = _link_model(kind)
        removed, _ = model.objects.filter(article=self, **{column: target_id}).delete()
        LinkRejection.objects.get_or_create(article=self, kind=kind, target_id=target_id)
        return removed

    def mark_edited(self, *field_names: str) -> None:
        """Remember that an editor changed these fields, so re-import keeps them."""
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))

    def changed_fields(self) -> list[str]:
        """The editable fields whose values differ from the stored row (all of them if unsaved)."""
        names = [f.attname for f in self._meta.concrete_fields if f.editable and not f.primary_key]
        stored = type(self).objects.filter(pk=self.pk).values(*names).first() or {}
        return [
            self._meta.get_field(name).name
            for name in names
            if name not in stored or stored[name] != getattr(self, name)
        ]


def count_of(related_model, field_name: str) -> Coalesce:
    """Count the ``related_model`` rows whose ``field_name`` points at the outer row.

    A correlated subquery, not a join: it cannot be multiplied by other joins (a search over
    aliases, say), and a page of a long list counts only its own rows.
    """
    rows = related_model.objects.filter(**{field_name: OuterRef("pk")}).order_by()
    counts = rows.values(field_name).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counts, output_field=models.IntegerField()), 0)


class RejectableLink:
    """An article-to-entity link an editor can remove for good (see ``LinkRejection``)."""

    rejection_kind: str
    target_field: str

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.target_field}_id")

    @transaction.atomic
    def reject(self) -> None:
        """Delete this link and record that the importer must never add it back."""
        self._reject_target(self.target_id)
        self.delete()

    @transaction.atomic
    def save_by_editor(self, replaced_target_id: int | None = None) -> None:
        """Save this link as an editor's: re-import keeps it and any rejection of it is lifted.

        ``replaced_target_id``: the entity this row linked before the editor changed it, which
        counts as removed (rejected).
        """
        if replaced_target_id is not None and replaced_target_id != self.target_id:
            self._reject_target(replaced_target_id)
        self.origin = Origin.EDITOR
        self.save()
        LinkRejection.objects.filter(
            article_id=self.article_id, kind=self.rejection_kind, target_id=self.target_id
        ).delete()

    def _reject_target(self, target_id: int) -> None:
        LinkRejection.objects.get_or_create(
            article_id=self.article_id, kind=self.rejection_kind, target_id=target_id
        )


class ArticlePersonQuerySet(models.QuerySet):
    def move_to(self, person: "Person") -> None:
        """Point these links at ``person``, adding counts into its link where it has a twin.

        A twin is ``person``'s link to the same article in the same role: the unique
        (article, person, role) constraint allows only one, so the counts are summed into it.
        """
        twins = ArticlePerson.objects.filter(
            person=person, article=OuterRef("article"), role=OuterRef("role")
        )
        mine = self.filter(article=OuterRef("article"), role=OuterRef("role"))
        ArticlePerson.objects.filter(person=person).filter(Exists(mine)).update(
            count=F("count") + Subquery(mine.values("count")[:1]),
            origin=models.Case(
                models.When(
                    Exists(mine.filter(origin=Origin.EDITOR)), then=models.Value(Origin.EDITOR)
                ),
                default=F("origin"),
            ),
        )
        self.filter(Exists(twins)).delete()
        self.update(person=person)


class ArticlePerson(RejectableLink, models.Model):
    """A person named in (or credited as author of) an article."""

    class Role(models.TextChoices):
        MENTIONED = "mentioned", "mentioned"
        AUTHOR = "author", "author"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MENTIONED)
    count = models.PositiveIntegerField(default=1)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTO)

    objects = ArticlePersonQuerySet.as_manager()
    rejection_kind = "person"
    target_field = "person"

    class Meta:
        ordering = ["role", "-count", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "person", "role"], name="uniq_article_person_role"
            ),
        ]
        indexes = [models.Index(fields=["person", "article"], name="articleperson_person")]

    def __str__(self):
        return f"{self.person} ({self.role}) in #{self.article_id}"


class ArticleCountry(RejectableLink, models.Model):
    """A country an article refers to, with how often."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="article_links")
    count = models.PositiveIntegerField(default=1)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTO)

    rejection_kind = "country"
    target_field = "country"

    class Meta:
        ordering = ["-count", "country__name"]
        verbose_name_plural = "article countries"
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="uniq_article_country"),
        ]
        indexes = [models.Index(fields=["country", "article"], name="articlecountry_country")]

    def __str__(self):
        return f"{self.country.code} in #{self.article_id}"


class ArticleTopic(RejectableLink, models.Model):
    """A topic an article covers, with the classifier's score (1.0 for editors' links)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_links")
    score = models.FloatField(default=1.0)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTO)

    rejection_kind = "topic"
    target_field = "topic"

    class Meta:
        ordering = ["-score", "topic__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="uniq_article_topic"),
        ]
        indexes = [models.Index(fields=["topic", "article"], name="articletopic_topic")]

    def __str__(self):
        return f"{self.topic} in #{self.article_id}"


class LinkRejectionQuerySet(models.QuerySet):
    def person(self, person: "Person"):
        return self.filter(kind=LinkRejection.Kind.PERSON, target_id=person.pk)

    def move_to_person(self, person: "Person") -> None:
        """Re-target these person rejections at ``person``.

        Dropped where ``person`` already has a rejection on that article (the constraint allows
        one) or is linked to it (the link is a decision about ``person`` itself and wins).
        """
        same_article = {"article": OuterRef("article")}
        taken = LinkRejection.objects.person(person).filter(**same_article)
        linked = ArticlePerson.objects.filter(person=person, **same_article)
        self.filter(Q(Exists(taken)) | Q(Exists(linked))).delete()
        self.update(target_id=person.pk)

    def with_target_names(self):
        """Annotate ``target_name``: the name of the rejected person, country or topic."""
        names = {
            LinkRejection.Kind.PERSON: Person,
            LinkRejection.Kind.COUNTRY: Country,
            LinkRejection.Kind.TOPIC: Topic,
        }
        whens = [
            models.When(
                kind=kind,
                then=Subquery(model.objects.filter(pk=OuterRef("target_id")).values("name")[:1]),
            )
            for kind, model in names.items()
        ]
        return self.annotate(target_name=models.Case(*whens, output_field=models.CharField()))


class LinkRejection(models.Model):
    """An editor removed an automatic link: the importer must never add it back.

    ``target_id`` is the primary key of the Person, Country or Topic named by ``kind``.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "person"
        COUNTRY = "country", "country"
        TOPIC = "topic", "topic"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="rejections")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    target_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = LinkRejectionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "kind", "target_id"], name="uniq_link_rejection"
            ),
        ]

    def __str__(self):
        return f"no {self.kind} #{self.target_id} on #{self.article_id}"

    @classmethod
    def for_link(cls, article_id: int, kind: str, target_id: int) -> "LinkRejection":
        """An unsaved rejection of one link (for ``bulk_create``)."""
        return cls(article_id=article_id, kind=kind, target_id=target_id)
