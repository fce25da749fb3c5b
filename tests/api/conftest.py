"""API fixtures: clients (anonymous, editor, reader), a small linked corpus, no throttling."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

EDITOR_PERMISSIONS = [
    "change_article",
    "change_person",
    "add_articleperson",
    "change_articleperson",
    "delete_articleperson",
    "add_articlecountry",
    "change_articlecountry",
    "delete_articlecountry",
    "add_articletopic",
    "change_articletopic",
    "delete_articletopic",
    "change_story",
]


@pytest.fixture
def api():
    return APIClient()


def _user(username: str, codenames: list[str]) -> User:
    user = User.objects.create_user(username)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def editor(db):
    return _user("editor", [*EDITOR_PERMISSIONS, "add_article"])


@pytest.fixture
def editor_api(editor):
    """A script authenticating with the editor's token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


@pytest.fixture
def reader_api(db):
    """A signed-in user without editor permissions."""
    client = APIClient()
    client.force_authenticate(_user("reader", []))
    return client


def link(article, person=None, country=None, topic=None, role="mentioned", count=1, score=0.5):
    """Link one entity to an article, as the importer would."""
    if person:
        ArticlePerson.objects.create(article=article, person=person, role=role, count=count)
    if country:
        ArticleCountry.objects.create(article=article, country=country, count=count)
    if topic:
        ArticleTopic.objects.create(article=article, topic=topic, score=score)


def created(article, day: int) -> Article:
    """Back-date an article (``created_at`` is set on insert)."""
    Article.objects.filter(pk=article.pk).update(created_at=datetime(2026, 1, day, tzinfo=UTC))
    article.refresh_from_db()
    return article


@pytest.fixture
def corpus(make_article, make_source, make_person, make_topic, country):
    """Four articles with overlapping persons, countries and topics, a day apart."""
    dv, guardian = make_source("Dissident Voice"), make_source("The Guardian")
    putin, zelensky = make_person("Vladimir Putin"), make_person("Volodymyr Zelensky")
    war, energy = make_topic("War"), make_topic("Energy")
    ua, ru, us = country("UA"), country("RU"), country("US")
    kyiv = make_article("Kyiv talks", source=dv, section="World", provenance_file="a.txt")
    gas = make_article("Gas prices", source=guardian, section="Business", provenance_file="b.txt")
    front = make_article("Front line", source=dv, section="World", provenance_file="a.txt")
    vote = make_article("US vote", source=guardian, needs_review=True, status="reviewed")
    link(kyiv, person=putin, country=ua, topic=war)
    link(kyiv, person=zelensky, country=ru)
    link(gas, person=putin, country=ru, topic=energy)
    link(front, person=zelensky, country=ua, topic=war)
    link(vote, country=us)
    articles = [created(a, day) for day, a in enumerate([kyiv, gas, front, vote], start=1)]
    return {
        "articles": dict(zip(["kyiv", "gas", "front", "vote"], articles, strict=True)),
        "persons": {"putin": putin, "zelensky": zelensky},
        "topics": {"war": war, "energy": energy},
        "sources": {"dv": dv, "guardian": guardian},
    }
