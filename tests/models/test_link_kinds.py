"""Every link kind declared in ``LINK_MODELS`` reaches each place derived from it."""

import pytest
from django.contrib import admin

from articles.models import LINK_MODELS, Article, LinkRejection

pytestmark = pytest.mark.django_db

KINDS = list(LINK_MODELS)


@pytest.fixture
def target_of(make_person, make_topic, country):
    """One entity to link for each kind, by the kind's target model."""
    made = {"Person": make_person, "Topic": make_topic, "Country": lambda: country("UA")}
    return lambda kind: made[LINK_MODELS[kind].target_model().__name__]()


def test_link_kinds_are_the_rejection_kinds():
    assert LinkRejection.Kind.values == KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_link_rejection_with_target_names_names_each_kind(kind, make_article, target_of):
    target = target_of(kind)
    LinkRejection.objects.record(kind, [make_article().pk], target.pk)

    rejection = LinkRejection.objects.with_target_names().get()

    assert (rejection.kind, rejection.target_name) == (kind, target.name)


def test_article_admin_has_an_inline_per_kind_with_key_value_and_origin():
    inlines = admin.site._registry[Article].inlines

    assert [inline.model for inline in inlines] == list(LINK_MODELS.values())
    for inline in inlines:
        link = inline.model
        assert inline.fields == [*link.key_fields, link.value_field, "origin"]
        assert inline.verbose_name_plural == link.target_model()._meta.verbose_name_plural
