"""Fixtures for the editors' desk: users in the groups the data migration creates."""

import pytest
from django.contrib.auth.models import Group, User


def _member(group_name: str, username: str) -> User:
    user = User.objects.create_user(username, password="desk-test-pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member("Editor", "edna")


@pytest.fixture
def viewer(db):
    return _member("Viewer", "victor")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def linked_articles(make_article, make_person, make_source, make_topic, country):
    """``make(n)``: n articles, each linked to two persons, a country and a topic."""
    from articles.models import ArticleCountry, ArticlePerson, ArticleTopic

    source, topic = make_source(), make_topic()
    persons = [make_person(f"Person {i}") for i in range(3)]

    def make(n, **fields):
        articles = [make_article(source=source, **fields) for _ in range(n)]
        for i, article in enumerate(articles):
            for person in (persons[i % 3], persons[(i + 1) % 3]):
                ArticlePerson.objects.create(article=article, person=person, count=2)
            ArticleCountry.objects.create(article=article, country=country("UA"))
            ArticleTopic.objects.create(article=article, topic=topic, score=0.5)
        return articles

    return make
