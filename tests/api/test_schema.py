"""The OpenAPI schema: valid, complete, and honest (schemathesis calls every operation)."""

import json
import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework import serializers as drf_serializers
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from articles.api import exceptions, glossary, reports, serializers
from articles.api.filtersets import ArticleFilterSet
from articles.api.schema_view import SchemaView
from articles.choices import Suspicion

# Valid requests only (invalid ones are the filter tests' job), a few per operation, no example
# database: bounded and repeatable.
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {
            "mode": "positive",
            "max-examples": 6,
            "deterministic": True,
            "database": "none",
        }
    }
)
schema = schemathesis.openapi.from_wsgi(
    "/api/schema/?format=json", get_wsgi_application(), config=CONFIG
)


def operation_parameters(client, path: str) -> dict:
    document = client.get("/api/schema/?format=json").json()
    return {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}


def test_schema_documents_every_article_filter_with_its_type(api, db):
    parameters = operation_parameters(api, "/api/articles/")
    assert set(ArticleFilterSet.base_filters) | {"cursor", "page_size", "fields"} <= set(parameters)
    assert parameters["country"]["type"] == "array"
    assert parameters["needs_review"]["type"] == "boolean"
    assert parameters["created_after"] == {"type": "string", "format": "date-time"}
    assert parameters["ordering"]["enum"] == [
        "-created", "-dated", "-title", "created", "dated", "relevance", "title", "updated",
    ]  # fmt: skip
    stats = operation_parameters(api, "/api/stats/")
    assert set(ArticleFilterSet.base_filters) - {"ordering"} <= set(stats)


def schema_document(client) -> dict:
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def undescribed(node, where: str):
    """Where a schema object (a component, a property, an item) has no description."""
    if not isinstance(node, dict) or "$ref" in node:
        return
    for name, child in node.get("properties", {}).items():
        if not child.get("description"):
            yield f"{where}.{name}"
        yield from undescribed(child, f"{where}.{name}")
    for key in ("items", "additionalProperties"):
        yield from undescribed(node.get(key), f"{where}[]")


def test_schema_describes_every_operation_parameter_and_field(api, db):
    document, missing = schema_document(api), []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if not operation.get("description"):
                missing.append(f"{method.upper()} {path}")
            missing += [
                f"{method.upper()} {path} ?{parameter['name']}"
                for parameter in operation.get("parameters", [])
                if not parameter.get("description")
            ]
    for name, component in document["components"]["schemas"].items():
        missing += list(undescribed(component, name))
    assert missing == []


def test_schema_says_what_every_enum_value_means(api, db):
    text = json.dumps(schema_document(api))
    trivial = re.findall(r"\* `([^`]+)` - \1\b", text)  # spectacular's label: the value again
    assert trivial == []
    enum_values = set(re.findall(r"\* `([^`]+)` - ", text))
    assert enum_values == set(glossary.VALUES)  # every value described, no entry unused


def serializer_fields() -> set[str]:
    """``Name.field`` and ``field`` for every field of the API's serializers."""
    found = set()
    generated = list(serializers.LINK_SERIALIZERS.values())  # made per link kind, not named
    for module in (serializers, reports, exceptions):
        for cls in [*vars(module).values(), *generated]:
            if isinstance(cls, type) and issubclass(cls, drf_serializers.Serializer):
                name = cls.__name__.removesuffix("Serializer")
                found |= {key for field in cls().fields for key in (f"{name}.{field}", field)}
    return found


def test_schema_glossary_names_only_fields_that_exist():
    assert set(glossary.FIELDS) - serializer_fields() == set()


def test_schema_is_generated_once_per_process(api, db, monkeypatch):
    monkeypatch.setattr(SchemaView, "generated", {})
    calls = []
    original = SchemaGenerator.get_schema

    def counted(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counted)
    first, second = schema_document(api), schema_document(api)
    assert first == second and len(calls) == 1
    assert api.get("/api/schema/").status_code == 200 and len(calls) == 1  # YAML: same schema


def test_schema_swagger_ui_is_served_without_a_cdn(api, db):
    page = api.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in page
    assert "cdn" not in page.lower() and "//unpkg" not in page


@pytest.fixture
def editor_token(editor) -> str:
    return Token.objects.create(user=editor).key


@pytest.fixture
def wsgi_keeps_test_connection():
    """Like Django's test client: a WSGI request must not close the test's open transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_schema_operations_never_fail_or_break_the_schema(
    case, corpus, editor_token, wsgi_keeps_test_connection
):
    """Every operation, as an editor (so writes run too): no 5xx, every answer as documented."""
    point_at_rows(case, corpus)
    case.call_and_validate(
        headers={"Authorization": f"Token {editor_token}"},
        checks=[
            not_a_server_error,
            response_schema_conformance,
            status_code_conformance,
            content_type_conformance,
        ],
    )


def point_at_rows(case, corpus) -> None:
    """Random ids would nearly always 404: map generated path ids onto rows that exist."""
    path, params = case.path, dict(case.path_parameters or {})
    pools = {
        "/api/articles/": corpus["articles"],
        "/api/persons/": corpus["persons"],
        "/api/topics/": corpus["topics"],
        "/api/sources/": corpus["sources"],
    }
    for prefix, rows in pools.items():
        if path.startswith(prefix) and str(params.get("id", "")).isdigit():
            params["id"] = _pick(rows, params["id"]).pk
    if str(params.get("target", "")).isdigit():
        kind = corpus["persons"] if "/persons/" in path else corpus["topics"]
        params["target"] = _pick(kind, params["target"]).pk
    for name in ("code", "target"):
        if isinstance(params.get(name), str):
            params[name] = params[name].upper()
    case.path_parameters = params


def _pick(rows: dict, number) -> object:
    values = list(rows.values())
    return values[int(number) % len(values)]


def test_schema_documents_the_suspects_of_the_persons_api(api, db):
    parameters = operation_parameters(api, "/api/persons/")
    assert set(parameters["suspicion"]["enum"]) == set(Suspicion.values)
    assert parameters["suspect"]["type"] == "boolean"
    document = api.get("/api/schema/?format=json").json()
    person = document["components"]["schemas"]["Person"]["properties"]
    assert person["suspicion"]["type"] == "array" and person["suspicion"]["readOnly"]
    duplicate = person["suspected_duplicate"]
    assert (duplicate["type"], duplicate["nullable"], duplicate["readOnly"]) == (
        "integer",
        True,
        True,
    )
