"""Replica reads: safe requests read a replica, writes and what follows them use the primary.

The replica alias points at the primary's test database (a TEST MIRROR), so what it serves can be
checked against what was written.
"""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from articles.models import Article
from newsdb.routers import PIN_COOKIE, ReplicaRouter, _replica_reads

# Committed rows, so the replica's own connection sees what the test wrote.
REQUEST_DB = pytest.mark.django_db(
    transaction=True, serialized_rollback=True, databases=["default", "replica1"]
)


@pytest.fixture
def replica(settings):
    """The router and middleware installed; ``replica1`` (tests/conftest.py) mirrors default."""
    settings.DATABASE_ROUTERS = ["newsdb.routers.ReplicaRouter"]
    settings.MIDDLEWARE = ["newsdb.routers.ReplicaMiddleware", *settings.MIDDLEWARE]
    yield "replica1"
    # Its own session on the test database would keep the database from being dropped.
    connections["replica1"].close()


def queries_by_alias(call) -> tuple[int, int, object]:
    """How many queries ``call()`` ran on the primary and on the replica, and its result."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica1"]) as copy,
    ):
        result = call()
    return len(primary), len(copy), result


@pytest.fixture
def editor_api(db):
    user = User.objects.create_user("editor")
    user.user_permissions.set(Permission.objects.filter(codename="change_article"))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_settings_replica_urls_add_mirrored_aliases_and_the_router():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([{a: d['HOST'] for a, d in s.DATABASES.items()}, "
        "s.DATABASES['replica2']['TEST']['MIRROR'], s.DATABASE_ROUTERS, s.MIDDLEWARE[0]]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsdb.settings"}
    env["DATABASE_REPLICA_URLS"] = (
        "postgres://u@replica-a:5432/newsdb, postgres://u@replica-b/newsdb"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    hosts, mirror, routers, first_middleware = json.loads(out.stdout)
    assert {k: v for k, v in hosts.items() if k != "default"} == {
        "replica1": "replica-a",
        "replica2": "replica-b",
    }
    assert mirror == "default" and routers == ["newsdb.routers.ReplicaRouter"]
    assert first_middleware == "newsdb.routers.ReplicaMiddleware"


@pytest.mark.django_db(databases=["default", "replica1"])
def test_replica_router_reads_the_primary_outside_requests_and_in_transactions(
    replica, monkeypatch
):
    monkeypatch.setattr(connections["default"], "in_atomic_block", False)  # as outside a test
    router = ReplicaRouter()
    assert router.db_for_read(Article) == "default"  # a command or a worker
    token = _replica_reads.set(True)
    try:
        assert router.db_for_read(Article) == "replica1"
        with transaction.atomic():
            assert router.db_for_read(Article) == "default"
        assert router.db_for_write(Article) == "default"
        assert router.db_for_read(Article) == "default"  # after a write: read your writes
    finally:
        _replica_reads.reset(token)


@REQUEST_DB
def test_replica_serves_reads_until_a_client_writes(replica, make_article, editor_api):
    article = make_article(title="Harbour strike")
    primary, copy, response = queries_by_alias(lambda: APIClient().get("/api/articles/"))
    assert response.status_code == 200 and primary == 0 and copy > 0
    assert [row["id"] for row in response.json()["results"]] == [article.pk]
    assert PIN_COOKIE not in response.cookies
    # A client that writes reads the primary, in that request and while its pin lasts.
    url = f"/api/articles/{article.pk}/"
    _, copy, response = queries_by_alias(
        lambda: editor_api.patch(url, {"title": "Port strike"}, format="json")
    )
    assert response.status_code == 200 and copy == 0
    assert response.cookies[PIN_COOKIE]["max-age"] == 10
    primary, copy, response = queries_by_alias(lambda: editor_api.get(url))
    assert response.json()["title"] == "Port strike" and copy == 0 and primary > 0
