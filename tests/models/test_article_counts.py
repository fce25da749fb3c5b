"""``with_article_counts()``: the articles of each person, country, topic and source."""

import pytest

from articles.models import ArticlePerson, Country, Person, Source, Topic

pytestmark = pytest.mark.django_db


def test_person_with_article_counts_counts_an_article_once_in_both_roles(make_article, make_person):
    putin, idle = make_person(), make_person("Joe Biden")
    first, second = make_article(), make_article()
    for role in ArticlePerson.Role.values:
        ArticlePerson.objects.create(article=first, person=putin, role=role)
    ArticlePerson.objects.create(article=second, person=putin)

    counts = dict(Person.objects.with_article_counts().values_list("name", "article_count"))

    assert counts == {putin.name: 2, idle.name: 0}


def test_person_with_alias_counts_counts_aliases(make_person):
    putin, idle = make_person(), make_person("Joe Biden")
    putin.aliases.create(name="Putin")
    putin.aliases.create(name="V. Putin")

    counts = dict(Person.objects.with_alias_counts().values_list("name", "alias_count"))

    assert counts == {putin.name: 2, idle.name: 0}


def test_country_and_topic_with_article_counts(make_article, make_topic, country):
    war, energy = make_topic("War (test)"), make_topic("Energy (test)")
    for article in (make_article(), make_article()):
        article.country_links.create(country=country("UA"))
        article.topic_links.create(topic=war)

    countries = Country.objects.with_article_counts().filter(code__in=["UA", "RU"])
    topics = Topic.objects.with_article_counts().filter(pk__in=[war.pk, energy.pk])

    assert dict(countries.values_list("code", "article_count")) == {"UA": 2, "RU": 0}
    assert dict(topics.values_list("slug", "article_count")) == {war.slug: 2, energy.slug: 0}


def test_source_with_article_counts_counts_its_articles_only(make_article, make_source):
    guardian, voice = make_source("The Guardian"), make_source()
    make_article(source=guardian)
    make_article(source=guardian, original_source=voice)

    counts = dict(Source.objects.with_article_counts().values_list("name", "article_count"))

    assert counts == {guardian.name: 2, voice.name: 0}


def test_with_article_counts_orders_and_survives_a_join(make_article, make_person):
    """A subquery: a join over aliases (as a search makes) does not multiply the count."""
    putin = make_person()
    putin.aliases.create(name="Putin")
    putin.aliases.create(name="V. Putin")
    ArticlePerson.objects.create(article=make_article(), person=putin)

    rows = Person.objects.with_article_counts().filter(aliases__name__contains="Putin")

    assert [person.article_count for person in rows] == [1, 1]
    assert list(Person.objects.with_article_counts().order_by("-article_count")) == [putin]
