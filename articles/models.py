"""The knowledge base: sources, articles and the entities they mention.

Natural keys are normalised once (see ``articles.normalise``) and enforced by unique constraints.
Links between an article and an entity are through-models that remember where they came from
(``origin``: the importer or an editor), so that re-importing never undoes an editor's work.
"""

from collections.abc import Iterable
from typing import ClassVar

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from articles import counts, evidence
from articles.choices import REASON_LENGTH, Origin, Suspicion, codes_of
from articles.ingest.entities.duplicates import lookup_keys
from articles.ingest.entities.variants import variant_key
from articles.normalise import name_key, slug_for
from articles.querysets import (
    ArticlePersonQuerySet,
    ArticleQuerySet,
    CountryQuerySet,
    LinkRejectionQuerySet,
    PersonBlockQuerySet,
    PersonQuerySet,
    SourceQuerySet,
    StoryQuerySet,
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

    @transaction.atomic
    @counts.kept
    def merge_into(self, target: "Source") -> None:
        """Make ``target`` the one row for this outlet: all or nothing.

        Its articles (as source and as original source) and aliases move to ``target``, its
        name becomes an alias of ``target`` (so re-import files that name under ``target``),
        and this row goes. Both counts are recounted from the articles.
        """
        if target.pk == self.pk:
            raise ValueError(f"Cannot merge {self} into itself.")
        now = timezone.now()  # ``update`` skips auto_now: an export --since must see the move
        counts.touch(Article, Article.objects.filter(source=self).values_list("pk", flat=True))
        Article.objects.filter(source=self).update(source=target, updated_at=now)
        Article.objects.filter(original_source=self).update(original_source=target, updated_at=now)
        counts.touch(Source, {self.pk, target.pk})
        self.aliases.update(source=target)
        SourceAlias.objects.get_or_create(
            key=self.key, defaults={"source": target, "name": self.name}
        )
        target._change_reason = f"merged {self.name} (#{self.pk}) into this source"[:REASON_LENGTH]
        target.save()
        self._change_reason = f"merged into {target.name} (#{target.pk})"[:REASON_LENGTH]
        self.delete()


class SourceAlias(models.Model):
    """Another name of an outlet: a spelling, or the name of a source merged into it."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "source aliases"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
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
    # One key for the spellings of one name ("Zelensky"/"Zelenskyy", "Steve"/"Steven"): the
    # importer folds a new name into the one person with its variant key (``variants``).
    variant_key = models.CharField(max_length=200, db_index=True, editable=False, default="")
    # What the duplicate rules find the person by (``duplicates.lookup_keys``): judging one
    # file's new persons reads only the rows they may duplicate, not the whole registry.
    match_surname = models.CharField(max_length=200, db_index=True, editable=False, default="")
    match_given = models.CharField(max_length=8, db_index=True, editable=False, default="")
    slug = models.SlugField(max_length=200, unique=True)
    wikidata_id = models.CharField(
        "Wikidata id",
        max_length=20,
        blank=True,
        default="",
        validators=[RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id is Q and a number: Q42.")],
        help_text="The person's Wikidata item (Q42), for consumers who link out; optional.",
    )
    # Why the person looks wrong (``Suspicion`` codes), set by ``ingest.persist.suspects`` at
    # import and by ``flag_suspects``: the suspects queue reads it instead of judging every row.
    suspicion = models.CharField(max_length=100, blank=True, default="", editable=False)
    suspected_duplicate = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "article_count",
            "suspicion",
            "suspected_duplicate",
            "match_surname",
            "match_given",
        ]
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="uniq_person_wikidata_id",
                violation_error_message="Another person has this Wikidata id.",
            ),
        ]
        indexes = [
            models.Index(fields=["name"], condition=~Q(suspicion=""), name="person_suspect_name"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.set_name_keys()
        if not self.slug:
            self.slug = slug_for(self.name)
        super().save(*args, **kwargs)

    def set_name_keys(self) -> None:
        """Derive the keys of the name (``save`` does; ``bulk_create`` callers call this)."""
        self.key = name_key(self.name)
        self.variant_key = variant_key(self.name)
        self.match_surname, self.match_given = lookup_keys(self.name)

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

    @property
    def suspicion_codes(self) -> list[str]:
        """The stored ``Suspicion`` codes, and ``no_articles`` read from the count."""
        codes = codes_of(self.suspicion)
        return [*codes, Suspicion.NO_ARTICLES] if self.article_count == 0 else codes

    @transaction.atomic
    def merge_into_suggested(self) -> "Person":
        """Merge into the person this one likely duplicates (``suspected_duplicate``)."""
        target = self.suspected_duplicate
        if target is None:
            raise ValueError(f"No person is suggested for {self}.")
        article_ids = list(self.article_links.values_list("article_id", flat=True))
        pointing = list(
            Person.objects.filter(suspected_duplicate=self).values_list("pk", flat=True)
        )
        self.merge_into(target)
        rejudge([target.pk, *pointing], article_ids)
        return target

    @transaction.atomic
    @counts.kept
    def reject_as_not_a_person(self, user=None) -> list[int]:
        """Not a person: its links become rejections, its names are blocked, the row goes.

        Returns the ids of the articles it was linked to.
        """
        article_ids = sorted(set(self.article_links.values_list("article_id", flat=True)))
        pointing = list(
            Person.objects.filter(suspected_duplicate=self).values_list("pk", flat=True)
        )
        LinkRejection.objects.record(LinkRejection.Kind.PERSON, article_ids, self.pk)
        PersonBlock.objects.block([self.name, *self.aliases.values_list("name", flat=True)], user)
        self._change_reason = "not a person: links rejected, name blocked"
        reason = f"removed person link {self.name} (not a person)"
        Article.objects.filter(pk__in=article_ids)._record_history(reason)
        self.delete()
        rejudge(pointing, article_ids)
        return article_ids


def rejudge(person_ids: list[int], article_ids: list[int]) -> None:
    """After an editor changed the registry: judge these persons again (and those they may
    duplicate), and take corrected causes off these articles' review reasons."""
    from articles.ingest.persist.suspects import refresh_suspicion

    refresh_suspicion(person_ids)
    Article.objects.filter(pk__in=article_ids).refresh_review_reasons()


class SuspectPerson(Person):
    """The suspects queue of the desk: persons that look wrong (``PersonQuerySet.suspects``)."""

    class Meta:
        proxy = True
        ordering = ["name"]
        verbose_name = "suspect person"


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


class PersonBlock(models.Model):
    """A name that is not a person: the importer never creates or links a person by it."""

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonBlockQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

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
    section = models.CharField(max_length=200, blank=True)  # indexed with the id (Meta)
    # Set by the importer (``articles.ingest.copies``) or an editor; an editor's choice, null
    # included, is kept by re-import and ``find_duplicates`` (``edited_fields``).
    duplicate_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="duplicates",
        help_text="The first-seen article this one republishes (another outlet, layout or "
        "headline); empty if it is an original.",
    )
    fingerprint = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.IMPORTED
    )  # indexed with the id (Meta), as needs_review and section are
    needs_review = models.BooleanField(default=False)
    # Why it is on the review queue (``ReviewReason`` codes); empty once it is off the queue.
    review_reasons = models.CharField(max_length=100, blank=True, default="", editable=False)
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
    story = models.ForeignKey(
        "Story", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    # An editor put the article in its story: clustering never moves it again.
    # db_default too: bulk loaders (COPY) that name no story column get unlocked articles.
    story_locked = models.BooleanField(
        default=False,
        db_default=False,
        help_text="An editor chose this story: re-clustering keeps it.",
    )

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
    history = HistoricalRecords(excluded_fields=["updated_at", "story", "story_locked"])

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["source", "-created_at"], name="article_source_created"),
            models.Index(fields=["title"], name="article_title"),
            # The desk's sortable columns, each with the id as the admin's tie-breaker (see
            # ``admin.changelist``): the first 50 in either direction are 50 index entries.
            models.Index(fields=["status", "id"], name="article_status_id"),
            models.Index(fields=["needs_review", "id"], name="article_review_id"),
            models.Index(fields=["section", "id"], name="article_section_id"),
            # The derived-titles filter: few articles, newest first, without a scan for them.
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(title_derived=True),
                name="article_derived_recent",
            ),
            # The copies filter likewise (almost every article is an original).
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(duplicate_of__isnull=False),
                name="article_copies_recent",
            ),
            # The review queue, newest first: only the articles on it are in this index.
            models.Index(
                fields=["-created_at", "-id"],
                condition=Q(needs_review=True),
                name="article_review_queue",
            ),
            # The change feed's keyset and the date filters, orderings and buckets.
            models.Index(fields=["updated_at", "id"], name="article_updated_id"),
            models.Index(fields=["dated", "id"], name="article_dated_id"),
            # Counts over time join links to their articles' creation times: on PostgreSQL an
            # index-only scan of this reads 1M ids and times instead of the whole table
            # (the dashboard's trends at 1M: 3.8 → 2.7 s). Elsewhere ``include`` is ignored.
            models.Index(fields=["id"], include=["created_at"], name="article_id_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(provenance_line_end__gte=models.F("provenance_line_start")),
                name="article_provenance_lines_ordered",
            ),
        ]

    # The source and section this row had when read from the database (a changed source
    # recounts both; either changes the article's facet pairs).
    loaded_source_id: int | None = None
    loaded_section: str | None = None

    def __str__(self):
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        article.loaded_source_id = article.__dict__.get("source_id")
        article.loaded_section = article.__dict__.get("section")
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
        """Remember that an editor changed these fields, so re-import keeps them.

        A title the editor wrote is no longer a derived one.
        """
        if "title" in field_names and self.title_derived:
            self.title_derived = False
            field_names = (*field_names, "title_derived")
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))

    def forget_evidence(self, changed: Iterable[str]) -> None:
        """Drop the links' evidence in text fields an editor changed: its offsets no longer
        point at the mentions (``reextract`` finds them again)."""
        stale = set(changed) & set(evidence.TEXT_FIELDS)
        if not stale or self.pk is None:
            return
        for model in LINK_MODELS.values():
            links = list(model.objects.filter(article=self).exclude(evidence=[]))
            for link in links:
                link.evidence = evidence.without_fields(link.evidence, stale)
            model.objects.bulk_update(links, ["evidence"])

    def refresh_review_reasons(self) -> None:
        """Drop the review reasons an edit corrected (the queue's rule: see the QuerySet's)."""
        type(self).objects.filter(pk=self.pk).refresh_review_reasons()

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
    # Where the importer found each mention: [[field, start, end], …] (``articles.evidence``);
    # empty for editors' links and for kinds found without offsets (topics).
    evidence = models.JSONField(default=list, blank=True, editable=False)

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
    """A person named in an article, or credited as its author or photographer."""

    class Role(models.TextChoices):
        MENTIONED = "mentioned", "mentioned"
        AUTHOR = "author", "author"
        PHOTOGRAPHER = "photographer", "photographer"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="person_links")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MENTIONED)
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


class FacetPair(models.Model):
    """How many articles have both facets (a country, topic, source or section each; a facet
    with itself: its articles). Kept exact with the links by ``articles.facets``."""

    facet = models.CharField(max_length=210)
    other = models.CharField(max_length=210)
    article_count = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "other"], name="uniq_facet_pair"),
        ]

    def __str__(self):
        return f"{self.facet} × {self.other}: {self.article_count}"


class CountedFacets(models.Model):
    """The facets ``FacetPair`` last counted an article with (newline-separated keys).

    No foreign key: a deleted article's row stays until its pairs are taken back.
    """

    article_id = models.BigIntegerField(primary_key=True)
    keys = models.TextField()

    def __str__(self):
        return f"facets of #{self.article_id}"


class CopyBand(models.Model):
    """One LSH band key of an article's text (``articles.ingest.copies``): articles sharing a
    key are candidate copies, found by one index probe per band whatever the corpus size."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="copy_bands")
    band = models.PositiveSmallIntegerField()
    key = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "band"], name="uniq_copy_band"),
        ]
        # A key's earliest holders are one index range: ``WHERE key = … ORDER BY article_id``.
        indexes = [models.Index(fields=["key", "article"], name="copyband_key_article")]

    def __str__(self):
        return f"band {self.band} of #{self.article_id}"


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
    # A part of a large file: its items first_item … first_item + item_count - 1 (0-based, in
    # the file's order); null for a whole file.
    first_item = models.PositiveIntegerField(null=True, blank=True)
    item_count = models.PositiveIntegerField(null=True, blank=True)
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
        part = f" {self.part}" if self.part else ""
        return f"{self.path}{part} ({self.status})"

    @property
    def part(self) -> str:
        """``items 1001–2000`` for a part of a file (1-based, as an operator counts), else ''."""
        if self.first_item is None:
            return ""
        return f"items {self.first_item + 1}–{self.first_item + self.item_count}"


class Story(models.Model):
    """Articles about one event, by any outlets: grown by ``articles.ingest.persist.stories``.

    ``profile`` counts, per key (see ``articles.ingest.story_match``), how many of its articles
    have it; ``StoryKey`` rows index those keys so a new article finds its candidate stories.
    """

    label = models.CharField(max_length=500, help_text="Its most informative title.")
    label_edited = models.BooleanField(
        default=False, help_text="An editor named the story: clustering keeps the label."
    )
    first_seen = models.DateTimeField(db_index=True)
    last_seen = models.DateTimeField(db_index=True)
    # The earliest and latest ``dated`` of its articles (null: none is dated): an article dated
    # weeks away from them reports another event, however alike the words.
    first_dated = models.DateField(null=True, blank=True, editable=False)
    last_dated = models.DateField(null=True, blank=True, editable=False)
    size = models.PositiveIntegerField(default=0, db_index=True)
    profile = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = StoryQuerySet.as_manager()

    class Meta:
        ordering = ["-last_seen", "-id"]
        verbose_name_plural = "stories"

    def __str__(self):
        return self.label


class StoryKey(models.Model):
    """A key of a story's profile, dated by the story's last article: candidates are found by
    key among the recent stories, and the stories list filters by person, country, topic or
    source through it."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=120)
    last_seen = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "key"], name="uniq_story_key"),
        ]
        indexes = [models.Index(fields=["key", "-last_seen"], name="storykey_key_seen")]

    def __str__(self):
        return f"{self.key} of story #{self.story_id}"
