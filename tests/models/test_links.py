"""Editors' link and status changes on articles: rejections, topics, review, edited fields."""

import pytest

from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    LinkRejection,
    Origin,
)

pytestmark = pytest.mark.django_db


def test_link_reject_deletes_the_link_and_records_a_rejection(make_article, make_person, country):
    article, putin = make_article(), make_person()
    person_link = ArticlePerson.objects.create(article=article, person=putin)
    country_link = ArticleCountry.objects.create(article=article, country=country("RU"))

    person_link.reject()
    country_link.reject()

    assert not article.person_links.exists() and not article.country_links.exists()
    assert set(article.rejections.values_list("kind", "target_id")) == {
        ("person", putin.pk),
        ("country", country("RU").pk),
    }


def test_link_save_by_editor_lifts_a_rejection_and_rejects_the_replaced(make_article, make_person):
    article, putin, zelensky = make_article(), make_person(), make_person("Volodymyr Zelensky")
    LinkRejection.objects.create(article=article, kind="person", target_id=zelensky.pk)
    link = ArticlePerson.objects.create(article=article, person=putin)

    link.person = zelensky
    link.save_by_editor(replaced_target_id=putin.pk)

    link.refresh_from_db()
    assert (link.person_id, link.origin) == (zelensky.pk, Origin.EDITOR)
    assert list(article.rejections.values_list("target_id", flat=True)) == [putin.pk]


def test_articles_remove_person_rejects_only_where_linked(make_article, make_person):
    linked, unlinked, untouched = make_article(), make_article(), make_article()
    putin = make_person()
    ArticlePerson.objects.create(article=linked, person=putin)
    ArticlePerson.objects.create(article=linked, person=putin, role="author")
    ArticlePerson.objects.create(article=untouched, person=putin)

    removed = Article.objects.filter(pk__in=[linked.pk, unlinked.pk]).remove_person(putin)

    assert removed == 1
    assert list(ArticlePerson.objects.values_list("article_id", flat=True)) == [untouched.pk]
    assert list(LinkRejection.objects.values_list("article_id", flat=True)) == [linked.pk]
    assert "removed person link" in linked.history.first().history_change_reason


def test_articles_assign_topic_is_an_editor_link(make_article, make_topic):
    auto, fresh, rejected = make_article(), make_article(), make_article()
    topic = make_topic()
    ArticleTopic.objects.create(article=auto, topic=topic, score=0.3)
    LinkRejection.objects.create(article=rejected, kind="topic", target_id=topic.pk)

    Article.objects.filter(pk__in=[auto.pk, fresh.pk, rejected.pk]).assign_topic(topic)

    links = ArticleTopic.objects.filter(topic=topic)
    assert {(t.article_id, t.score, t.origin) for t in links} == {
        (auto.pk, 1.0, "editor"),
        (fresh.pk, 1.0, "editor"),
        (rejected.pk, 1.0, "editor"),
    }
    assert not LinkRejection.objects.exists()


def test_articles_mark_reviewed_keeps_published_and_marks_edited(make_article):
    imported = make_article(needs_review=True)
    published = make_article(needs_review=True, status=Article.Status.PUBLISHED)

    Article.objects.filter(pk__in=[imported.pk, published.pk]).mark_reviewed()

    imported.refresh_from_db()
    published.refresh_from_db()
    assert (imported.status, imported.needs_review) == ("reviewed", False)
    assert (published.status, published.needs_review) == ("published", False)
    assert imported.edited_fields == ["needs_review", "status"]
    assert imported.history.count() == 2


def test_articles_publish_takes_them_off_the_queue(make_article):
    article = make_article(needs_review=True)
    Article.objects.filter(pk=article.pk).publish()
    article.refresh_from_db()
    assert (article.status, article.needs_review) == ("published", False)


def test_article_changed_fields_compares_with_the_stored_row(make_article, make_source):
    article = make_article(title="Old")
    article.title = "New"
    article.source = make_source()
    article.body = article.body
    assert article.changed_fields() == ["title", "source"]


def test_articles_with_counts_counts_links(make_article, make_person, country):
    article, empty = make_article(), make_article()
    ArticlePerson.objects.create(article=article, person=make_person())
    ArticlePerson.objects.create(article=article, person=make_person("Joe Biden"))
    ArticleCountry.objects.create(article=article, country=country("UA"))

    counts = {a.pk: (a.person_count, a.country_count) for a in Article.objects.with_counts()}

    assert counts[article.pk] == (2, 1)
    assert counts[empty.pk] in {(0, 0), (None, None)}
