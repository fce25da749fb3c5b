"""Person.merge_into: one row per real person, nothing lost on the way."""

import pytest
from django.db import IntegrityError

from articles.models import ArticlePerson, LinkRejection, Origin, Person, PersonAlias

pytestmark = pytest.mark.django_db


def link(article, person, count=1, role=ArticlePerson.Role.MENTIONED, origin=Origin.AUTO):
    return ArticlePerson.objects.create(
        article=article, person=person, count=count, role=role, origin=origin
    )


def test_person_merge_moves_every_mention(make_article, make_person):
    putin, vladimir = make_person("Vladimir Putin"), make_person("Putin")
    first, second = make_article(), make_article()
    link(first, vladimir, count=2)
    link(second, vladimir, count=1, role=ArticlePerson.Role.AUTHOR)

    vladimir.merge_into(putin)

    assert not Person.objects.filter(pk=vladimir.pk).exists()
    moved = ArticlePerson.objects.filter(person=putin).order_by("article_id")
    assert [(m.article_id, m.role, m.count) for m in moved] == [
        (first.pk, "mentioned", 2),
        (second.pk, "author", 1),
    ]


def test_person_merge_adds_counts_when_both_are_in_one_article(make_article, make_person):
    putin, vladimir = make_person("Vladimir Putin"), make_person("Putin")
    article = make_article()
    link(article, putin, count=3)
    link(article, vladimir, count=2, origin=Origin.EDITOR)
    link(article, vladimir, count=1, role=ArticlePerson.Role.AUTHOR)

    vladimir.merge_into(putin)

    rows = {(r.role, r.count, r.origin) for r in ArticlePerson.objects.filter(article=article)}
    assert rows == {("mentioned", 5, "editor"), ("author", 1, "auto")}
    with pytest.raises(IntegrityError):
        link(article, putin, count=1)


def test_person_merge_keeps_the_merged_name_and_its_aliases(make_person):
    putin, vladimir = make_person("Vladimir Putin"), make_person("V. Putin")
    PersonAlias.objects.create(person=vladimir, name="Wladimir Putin")

    vladimir.merge_into(putin)

    assert sorted(putin.aliases.values_list("name", flat=True)) == ["V. Putin", "Wladimir Putin"]


def test_person_merge_does_not_repeat_a_known_alias(make_person):
    putin, short = make_person("Vladimir Putin"), make_person("Putin")
    PersonAlias.objects.create(person=putin, name="PUTIN")
    short.merge_into(putin)
    assert list(putin.aliases.values_list("name", flat=True)) == ["PUTIN"]


def test_person_merge_keeps_the_merged_slug_and_id_on_the_alias(make_person):
    putin, short = make_person("Vladimir Putin"), make_person("Putin")
    PersonAlias.objects.create(person=putin, name="PUTIN")  # the alias already known is reused
    old_slug, old_id = short.slug, short.pk
    short.merge_into(putin)
    alias = putin.aliases.get()
    assert (alias.merged_slug, alias.merged_id) == (old_slug, old_id)


def test_person_merge_moves_rejections(make_article, make_person):
    putin, vladimir = make_person("Vladimir Putin"), make_person("Putin")
    elsewhere, linked, both = make_article(), make_article(), make_article()
    link(linked, putin)
    for article in (elsewhere, linked, both):
        LinkRejection.objects.create(article=article, kind="person", target_id=vladimir.pk)
    LinkRejection.objects.create(article=both, kind="person", target_id=putin.pk)

    vladimir.merge_into(putin)

    rejected = LinkRejection.objects.filter(kind="person")
    assert sorted(rejected.values_list("article_id", "target_id")) == [
        (elsewhere.pk, putin.pk),
        (both.pk, putin.pk),
    ]
    assert ArticlePerson.objects.filter(article=linked, person=putin).exists()


def test_person_merge_is_all_or_nothing(make_article, make_person, monkeypatch):
    putin, vladimir = make_person("Vladimir Putin"), make_person("Putin")
    article = make_article()
    link(article, vladimir, count=2)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Person, "delete", fail)
    with pytest.raises(RuntimeError):
        vladimir.merge_into(putin)

    assert ArticlePerson.objects.get(article=article).person_id == vladimir.pk
    assert not PersonAlias.objects.exists()


def test_person_merge_into_itself_is_refused(make_person):
    putin = make_person()
    with pytest.raises(ValueError, match="itself"):
        putin.merge_into(putin)


def test_person_merge_is_recorded_in_history(make_person):
    putin, vladimir = make_person("Vladimir Putin"), make_person("Putin")
    merged_pk = vladimir.pk
    vladimir.merge_into(putin)
    assert "merged Putin" in putin.history.first().history_change_reason
    gone = Person.history.filter(id=merged_pk).first()
    assert gone.history_type == "-"
    assert "merged into Vladimir Putin" in gone.history_change_reason
