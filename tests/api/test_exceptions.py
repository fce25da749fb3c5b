"""Every API error is JSON in one shape with DEBUG off: unknown URLs, crashes, slow queries."""

import pytest
from django.db import connection
from django.http import JsonResponse
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView


class Crash(APIView):
    def get(self, request):
        raise RuntimeError("boom")


class Sleep(APIView):
    def get(self, request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(2)")
        return Response({"slept": True})


def plain_sleep(request):
    """A Django view, not DRF's: its errors reach the middleware, not DRF's handler."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(2)")
    return JsonResponse({"slept": True})


urlpatterns = [
    path("api/crash/", Crash.as_view()),
    path("api/sleep/", Sleep.as_view()),
    path("api/plain-sleep/", plain_sleep),
    path("", include("newsdb.urls")),
]
handler404 = "articles.api.exceptions.not_found"
handler500 = "articles.api.exceptions.server_error"


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"
)
# Outside a test transaction (a cut query would abort it), data migrations' rows restored after.
serialized = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = __name__


def test_exceptions_unknown_api_url_is_json_404(api, production, db):
    response = api.get("/api/no-such-thing/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json()["status"] == 404 and response.json()["code"] == "not_found"


def test_exceptions_admin_keeps_html_404(client, production, db):
    response = client.get("/admin-nowhere/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


def test_exceptions_uncaught_error_is_json_500(api, production, db):
    api.raise_request_exception = False
    response = api.get("/api/crash/")
    assert response.status_code == 500 and response["Content-Type"] == "application/json"
    assert response.json() == {"status": 500, "code": "server_error", "detail": "Server error."}


@pytest.mark.parametrize(
    ("method", "url"),
    [("put", "/api/articles/"), ("post", "/api/persons/"), ("delete", "/api/stats/")],
)
@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_exceptions_unsupported_method_is_json_405_for_everyone(
    api, editor_api, production, who, method, url
):
    """Not a 401 or 403: signing in would not make the method exist."""
    client = api if who == "anonymous" else editor_api
    response = getattr(client, method)(url, {}, format="json")
    assert response.status_code == 405 and response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": 405,
        "code": "method_not_allowed",
        "detail": f'Method "{method.upper()}" not allowed.',
    }


def test_exceptions_unsupported_media_type_is_json_415(editor_api, production):
    response = editor_api.generic("POST", "/api/articles/", "<a/>", content_type="text/xml")
    assert response.status_code == 415 and response.json()["code"] == "unsupported_media_type"
    assert response.json()["status"] == 415 and "text/xml" in response.json()["detail"]


def test_exceptions_unacceptable_accept_header_is_json_406(api, production, db):
    response = api.get("/api/articles/", HTTP_ACCEPT="text/csv")
    assert response.status_code == 406 and response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_acceptable"


@on_postgresql
@serialized
def test_exceptions_statement_timeout_is_json_503(api, production, settings):
    settings.NEWSDB_STATEMENT_TIMEOUT_MS = 50
    response = api.get("/api/sleep/")
    assert response.status_code == 503
    assert response.json()["code"] == "query_timeout" and response.json()["status"] == 503
    with connection.cursor() as cursor:  # the connection does not keep the request's timeout
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


@on_postgresql
@serialized
def test_exceptions_statement_timeout_outside_drf_is_json_503(
    api, production, settings, transactional_db
):
    settings.NEWSDB_STATEMENT_TIMEOUT_MS = 50
    response = api.get("/api/plain-sleep/")
    assert response.status_code == 503 and response.json()["code"] == "query_timeout"


@on_postgresql
@serialized
def test_exceptions_statement_timeout_spares_requests_outside_the_api(settings):
    from django.test import Client

    settings.NEWSDB_STATEMENT_TIMEOUT_MS = 50
    Client().get("/admin/login/")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


def test_exceptions_statement_timeout_is_a_no_op_without_postgresql(api, settings, db):
    settings.NEWSDB_STATEMENT_TIMEOUT_MS = 1
    if connection.vendor == "postgresql":
        pytest.skip("checks the SQLite path")
    assert api.get("/api/topics/").status_code == 200
