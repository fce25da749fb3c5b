"""The stored article counts of persons, countries, topics and sources, kept exact.

Every path that adds or removes a link (or changes an article's source) names the rows whose
count may have changed with ``touch``; the count is then recomputed from the links by one
``UPDATE … SET article_count = (SELECT count …)`` per model (the entity QuerySet's
``recount_articles``), in the same transaction as the change. A recount, not a +1/-1: it cannot
drift, whatever mix of adds, removes and moves a path makes.

- single rows (a link saved or deleted, an admin inline, an article's source changed, any
  cascade) are touched by the signal receivers below, connected in ``ArticlesConfig.ready``;
- bulk statements that send no signal (``bulk_create``, ``update``) touch their targets
  themselves, inside ``counts_kept()``, which also gathers the signals' touches so that each
  touched row is recounted once, when the block ends.

Outside ``counts_kept()`` a touch recounts at once.

Touching ``Article`` rows says their facets (countries, topics, source, section) may have
changed: ``articles.facets`` then brings the facet pair counts up to date, after the entity
recounts.
"""

import contextlib
import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextvars import ContextVar

from django.apps import apps
from django.db import models, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from articles import facets

# model → ids touched in the open ``counts_kept()`` block (None: no block open).
_pending: ContextVar[dict | None] = ContextVar("pending_recounts", default=None)


@contextlib.contextmanager
def counts_kept(using: str | None = None) -> Iterator[None]:
    """Recount what the block touches once, when it ends, in one transaction with it.

    Nested blocks join the outermost one. If the block raises, its transaction rolls back and
    nothing is recounted.
    """
    if _pending.get() is not None:
        yield
        return
    token = _pending.set(defaultdict(set))
    try:
        with transaction.atomic(using=using):
            yield
            pending = _pending.get()
            _pending.set(defaultdict(set))  # what the recounts below touch is dropped
            # One order in every transaction (facet pairs last): recounts lock their rows.
            for model in sorted(pending, key=_recount_order):
                _recount(model, pending[model])
    finally:
        _pending.reset(token)


def kept(function):
    """Run ``function`` inside ``counts_kept()`` (a decorator for the bulk paths)."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        with counts_kept():
            return function(*args, **kwargs)

    return run


def touch(model: type[models.Model], ids: Iterable[int | None]) -> None:
    """The ``model`` rows with these ids may have gained or lost articles: recount them."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return
    pending = _pending.get()
    if pending is None:
        _recount(model, ids)
    else:
        pending[model] |= ids


def _recount_order(model: type[models.Model]) -> tuple[bool, str]:
    return model is _article_model(), model._meta.label


def _recount(model: type[models.Model], ids: set[int]) -> None:
    if model is _article_model():
        facets.recount(ids, using=router.db_for_write(model))
    else:
        model.objects.filter(pk__in=ids).recount_articles()


def _article_model() -> type[models.Model]:
    return apps.get_model("articles", "Article")


def _touch_articles(link_model: type[models.Model], article_ids: Iterable[int | None]) -> None:
    """Links of a facet kind (country, topic) changed: their articles' facet pairs may have."""
    if link_model.kind in facets.LINKED_KINDS:
        touch(_article_model(), article_ids)


def link_saved(sender, instance, raw=False, **kwargs) -> None:
    """A link was added or changed: its target (and the one it replaced) are recounted."""
    if raw:  # loaddata: ``recount --fix`` brings the counts up to date afterwards
        return
    touch(sender.target_model(), {instance.target_id, instance.loaded_target_id})
    _touch_articles(sender, {instance.article_id})


def link_deleted(sender, instance, **kwargs) -> None:
    touch(sender.target_model(), {instance.target_id, instance.loaded_target_id})
    _touch_articles(sender, {instance.article_id})


def links_added(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """``article.persons.add(…)`` and friends: bulk inserts of a through model."""
    if not action.startswith("post_") or action == "post_clear":
        return
    touch(sender.target_model(), {instance.pk} if reverse else (pk_set or ()))
    _touch_articles(sender, (pk_set or ()) if reverse else {instance.pk})


def links_cleared(sender, instance, action, reverse, model, **kwargs) -> None:
    """``clear()`` deletes without naming rows: take them before the delete."""
    if action != "pre_clear":
        return
    target = sender.target_model()
    if reverse:
        touch(target, {instance.pk})
        links = sender.objects.filter(**{sender.target_field: instance})
        _touch_articles(sender, set(links.values_list("article_id", flat=True)))
    else:
        column = f"{sender.target_field}_id"
        links = sender.objects.filter(article=instance)
        touch(target, set(links.values_list(column, flat=True)))
        _touch_articles(sender, {instance.pk})


def article_saved(sender, instance, created=False, raw=False, **kwargs) -> None:
    """An article's source counts it: a new article, or a changed source, recounts both (and
    its facet pairs, as a changed section does)."""
    if raw:
        return
    source = sender._meta.get_field("source").related_model
    touch(source, {instance.source_id, instance.loaded_source_id})
    # A deferred section was not written: reading it would cost a query.
    section = instance.__dict__.get("section", instance.loaded_section)
    loaded = (instance.loaded_source_id, instance.loaded_section)
    if created or loaded != (instance.source_id, section):
        touch(sender, {instance.pk})


def article_deleted(sender, instance, **kwargs) -> None:
    source = sender._meta.get_field("source").related_model
    touch(source, {instance.source_id, instance.loaded_source_id})
    touch(sender, {instance.pk})  # its facet pairs are taken back


def connect() -> None:
    """Connect the receivers (from ``ArticlesConfig.ready``)."""
    from articles.models import LINK_MODELS, Article

    for model in LINK_MODELS.values():
        post_save.connect(link_saved, sender=model, dispatch_uid=f"count-{model.kind}-save")
        post_delete.connect(link_deleted, sender=model, dispatch_uid=f"count-{model.kind}-del")
        m2m_changed.connect(links_added, sender=model, dispatch_uid=f"count-{model.kind}-m2m")
        m2m_changed.connect(links_cleared, sender=model, dispatch_uid=f"count-{model.kind}-clr")
    post_save.connect(article_saved, sender=Article, dispatch_uid="count-article-save")
    post_delete.connect(article_deleted, sender=Article, dispatch_uid="count-article-del")


def counted_models() -> list[type[models.Model]]:
    """The entities that store an article count: Person, Country, Topic, Source."""
    from articles.models import ArticleCounted

    return [model for model in ArticleCounted.__subclasses__() if not model._meta.abstract]


def find_drift(fix: bool = False) -> dict[type[models.Model], list]:
    """The rows whose stored count differs from their links, by model (``fix``: then recount).

    Each row carries ``article_count`` (stored) and ``actual_count`` (from the links).
    """
    drift = {}
    with transaction.atomic():
        for model in counted_models():
            drift[model] = list(model.objects.drifted().order_by("pk"))
            if fix and drift[model]:
                model.objects.filter(pk__in=[row.pk for row in drift[model]]).recount_articles()
    return drift
