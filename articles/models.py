"""The knowledge base: sources, articles and the entities they mention.

Natural keys are normalised once (see ``articles.normalise``) and enforced by unique constraints.
Links between an article and an entity are through-models that remember where they came from
(``origin``: the importer or an editor), so that re-importing never undoes an editor's work.
"""

from typing import ClassVar

from django.db import models, transaction
from django.db.models import Q
from simple_history.models import HistoricalRecords

from articles import counts
from articles.choices import REASON_LENGTH, Origin
from articles.normalise import name_key, slug_for
from articles.querysets import (
    ArticlePersonQuerySet,
    ArticleQuerySet,
    CountryQuerySet,
    LinkRejectionQuerySet,
    PersonQuerySet,
    SourceQuerySet,
    TopicQuerySet,
)


class ArticleCounted(models.Model):
    """An entity that stores how many articles it has (``articles.counts`` keeps it exact).

    A person's articles name it in any role; a source's come from it (``Article.source``).
    """

    article_count = models.PositiveIntegerField(default=0, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Never write the count from memory: a recount since this row was read may be newer."""
        if not self._state.adding and kwargs.get("update_fields") is None:
            names = [f.name for f in self._meta.concrete_fields if not f.primary_key]
            kwargs["update_fields"] = [name for name in names if name != "article_count"]
        super().save(*args, **kwargs)


class Source(ArticleCounted):
    """A publisher, outlet or aggregator feed ("Dissident Voice", "Human rights | The Guardian")."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["article_count"])

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)


class Country(ArticleCounted):
    """An ISO 3166-1 country; the full list is loaded by a data migration."""

    code = models.CharField("alpha-2", max_length=2, unique=True)
    alpha3 = models.CharField("alpha-3", max_length=3, unique=True)
    name = models.CharField(max_length=200)

    objects = CountryQuerySet.as_manager()

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


class Person(ArticleCounted):
    """A named individual human, one row per real person."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["article_count"])

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
    @counts.kept
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
        alias, _ = PersonAlias.objects.get_or_create(
            key=self.key, defaults={"person": target, "name": self.name}
        )
        if alias.person_id == target.pk:  # the API keeps answering this person's slug and id
            alias.merged_slug, alias.merged_id = self.slug, self.pk
            alias.save(update_fields=["merged_slug", "merged_id"])
        target._change_reason = f"merged {self.name} (#{self.pk}) into this person"[:REASON_LENGTH]
        target.save()
        self._change_reason = f"merged into {target.name} (#{target.pk})"[:REASON_LENGTH]
        self.delete()


class PersonAlias(models.Model):
    """Another name for a person: a spelling variant, or the name of a person merged into it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    # Set when a person was merged into ``person``: the API resolves its old slug and id here.
    merged_slug = models.SlugField(max_length=200, blank=True, default="", editable=False)
    merged_id = models.BigIntegerField(null=True, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "person aliases"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)


class Topic(ArticleCounted):
    """A subject in the taxonomy; keywords let the importer assign it."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    keywords = models.TextField(
        blank=True, help_text="One keyword or phrase per line; matched case-insensitively."
    )
    # Null, not "": the API and export show ``null`` where no IPTC concept fits.
    iptc_code = models.CharField(  # noqa: DJ001
        "IPTC Media Topic",
        max_length=20,
        null=True,
        blank=True,
        help_text="The IPTC Media Topics code this topic corresponds to (medtop:…), if one fits.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TopicQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["article_count"])

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


class Article(models.Model):
    """One news item from a dump."""

    class DatedSource(models.TextChoices):
        """Who set ``dated``: the importer reading the text, an editor (admin) or the API."""

        TEXT = "text", "text"
        EDITOR = "editor", "editor"
        API = "api", "api"

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
    dated = models.DateField(
        null=True, blank=True, help_text="When the events happened, as the text states it."
    )
    # A database default too: bulk loaders (COPY) that do not name the column still insert.
    dated_source = models.CharField(
        max_length=10,
        choices=DatedSource.choices,
        blank=True,
        default="",
        db_default="",
        help_text="Who set the date.",
    )
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
            # The change feed's keyset and the date filters, orderings and buckets.
            models.Index(fields=["updated_at", "id"], name="article_updated_id"),
            models.Index(fields=["dated", "id"], name="article_dated_id"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(provenance_line_end__gte=models.F("provenance_line_start")),
                name="article_provenance_lines_ordered",
            ),
        ]

    # The source this row had when read from the database (a changed source recounts both).
    loaded_source_id: int | None = None

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article.loaded_source_id = article.__dict__.get("source_id")
        return article

    @property
    def provenance(self) -> str:
        """``file:first-last``, as shown to editors."""
        return f"{self.provenance_file}:{self.provenance_line_start}-{self.provenance_line_end}"

    @transaction.atomic
    def add_link(self, kind: str, target_id: int, **values) -> None:
        """Link a person, country or topic as an editor did (see ``ArticleLink``).

        ``values`` are the link's fields (``count``, ``score``); those among its ``key_fields``
        (a person link's ``role``) pick the link.
        """
        model = LINK_MODELS[kind]
        lookup = {"article": self, f"{model.target_field}_id": target_id}
        lookup.update({name: values.pop(name) for name in model.key_fields if name in values})
        link, _ = model.objects.select_for_update().get_or_create(**lookup, defaults=values)
        for name, value in values.items():
            setattr(link, name, value)
        link.save_by_editor()

    @transaction.atomic
    def reject_link(self, kind: str, target_id: int) -> int:
        """Remove every link to this person, country or topic; the importer never re-adds it."""
        model = LINK_MODELS[kind]
        links = model.objects.filter(article=self, **{f"{model.target_field}_id": target_id})
        removed, _ = links.delete()
        LinkRejection.objects.record(kind, [self.pk], target_id)
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


class ArticleLink(models.Model):
    """An article-to-entity link, as the importer makes it and editors handle it.

    One concrete subclass per kind (person, country, topic) declares everything about that kind:
    ``kind`` (also the ``LinkRejection`` kind; the Article's related name is ``<kind>_links``),
    ``target_field`` (the foreign key to the entity), ``value_field`` (what the importer sets:
    a count or a score) and ``key_fields`` (what identifies a link within its article).
    ``LINK_MODELS`` below lists them; everything else derives from it.

    What an editor adds or changes becomes theirs (``origin="editor"``: re-import keeps it) and
    lifts any rejection of it; what they remove is recorded as a ``LinkRejection``.
    """

    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.AUTO)

    kind: ClassVar[str]
    target_field: ClassVar[str]
    value_field: ClassVar[str]
    key_fields: ClassVar[tuple[str, ...]]

    class Meta:
        abstract = True

    # The target this row had when read from the database (a changed target recounts both).
    loaded_target_id: int | None = None

    @classmethod
    def from_db(cls, db, field_names, values):
        link = super().from_db(db, field_names, values)
        link.loaded_target_id = link.__dict__.get(f"{cls.target_field}_id")
        return link

    @property
    def target_id(self) -> int:
        return getattr(self, f"{self.target_field}_id")

    @property
    def key(self) -> tuple:
        """What identifies this link within its article: the target's id (and role, if any)."""
        return tuple(getattr(self, self._meta.get_field(name).attname) for name in self.key_fields)

    @classmethod
    def target_model(cls) -> type[models.Model]:
        """The entity this kind links to (Person, Country or Topic)."""
        return cls._meta.get_field(cls.target_field).related_model

    @transaction.atomic
    def reject(self) -> None:
        """Delete this link and record that the importer must never add it back."""
        LinkRejection.objects.record(self.kind, [self.article_id], self.target_id)
        self.delete()

    @transaction.atomic
    def save_by_editor(self, replaced_target_id: int | None = None) -> None:
        """Save this link as an editor's: re-import keeps it and any rejection of it is lifted.

        ``replaced_target_id``: the entity this row linked before the editor changed it, which
        counts as removed (rejected).
        """
        rejections = LinkRejection.objects
        if replaced_target_id is not None and replaced_target_id != self.target_id:
            rejections.record(self.kind, [self.article_id], replaced_target_id)
        self.origin = Origin.EDITOR
        self.save()
        rejections.lift(self.kind, [self.article_id], self.target_id)


class ArticlePerson(ArticleLink):
    """A person named in (or credited as author of) an article."""

    class Role(models.TextChoices):
        MENTIONED = "mentioned", "mentioned"
        AUTHOR = "author", "author"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MENTIONED)
    count = models.PositiveIntegerField(default=1)

    objects = ArticlePersonQuerySet.as_manager()
    kind = "person"
    target_field = "person"
    value_field = "count"
    key_fields = ("person", "role")

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


class ArticleCountry(ArticleLink):
    """A country an article refers to, with how often."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="country_links")
    country = models.ForeignKey(Country, on_delete=models.CASCADE, related_name="article_links")
    count = models.PositiveIntegerField(default=1)

    kind = "country"
    target_field = "country"
    value_field = "count"
    key_fields = ("country",)

    class Meta:
        ordering = ["-count", "country__name"]
        verbose_name_plural = "article countries"
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="uniq_article_country"),
        ]
        indexes = [models.Index(fields=["country", "article"], name="articlecountry_country")]

    def __str__(self):
        return f"{self.country.code} in #{self.article_id}"


class ArticleTopic(ArticleLink):
    """A topic an article covers, with the classifier's score (1.0 for editors' links)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="article_links")
    score = models.FloatField(default=1.0)

    kind = "topic"
    target_field = "topic"
    value_field = "score"
    key_fields = ("topic",)

    class Meta:
        ordering = ["-score", "topic__name"]
        constraints = [
            models.UniqueConstraint(fields=["article", "topic"], name="uniq_article_topic"),
        ]
        indexes = [models.Index(fields=["topic", "article"], name="articletopic_topic")]

    def __str__(self):
        return f"{self.topic} in #{self.article_id}"


# The link kinds, in the order reports and plans list them: the one place a kind is declared.
LINK_MODELS: dict[str, type[ArticleLink]] = {
    model.kind: model for model in (ArticlePerson, ArticleCountry, ArticleTopic)
}


class LinkRejection(models.Model):
    """An editor removed an automatic link: the importer must never add it back.

    ``target_id`` is the primary key of the Person, Country or Topic named by ``kind``.
    """

    # One member per link kind, derived from LINK_MODELS (PERSON = "person", …).
    Kind = models.TextChoices("Kind", [(kind.upper(), (kind, kind)) for kind in LINK_MODELS])

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


class ImportJob(models.Model):
    """One dump file sent to the Celery workers by ``import_seeds --enqueue``, and its outcome."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    path = models.CharField(max_length=1000, help_text="As the operator gave it.")
    task_id = models.CharField(max_length=64, unique=True)
    sent_bytes = models.BooleanField(default=False, help_text="The file travelled in the task.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    worker = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    report = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="importjob_status_created")]

    def __str__(self):
        return f"{self.path} ({self.status})"
