"""OpenAPI details drf-spectacular cannot infer (the schema view is ``articles.api.schema_view``).

Error bodies, the sparse article list item, descriptions (filters' ``help_text`` even where a
filter overrides its schema, ``articles.api.glossary`` for serializer fields, path parameters).
"""

import re

from drf_spectacular import openapi
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerExtension

from articles.api import glossary
from articles.api.exceptions import ErrorSerializer
from articles.api.serializers import ArticleListSerializer

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
PATH_PARAMETERS = {
    "id": "Numeric id of the row.",
    "code": "ISO 3166-1 alpha-2 code of the country (any case).",
    "target": "The linked row to remove: a person or topic id, or a country's ISO alpha-2 code.",
}


class AutoSchema(openapi.AutoSchema):
    """Every operation also documents its error answers, in the ``ErrorSerializer`` shape."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["400", "404", "429"]
        if self.method in WRITE_METHODS:
            codes += ["401", "403"]
        if getattr(self.view, "action", None) == "create":
            codes.append("409")  # the same text is stored already (Location: that article)
        for code in codes:
            responses.setdefault(code, self._error_response(code, direction))
        return responses

    def _error_response(self, code: str, direction: str) -> dict:
        """An error answer: JSON, also where the operation's own answer is not (an export)."""
        response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
        content = response.get("content") or {}
        if content and "application/json" not in content:
            response["content"] = {"application/json": next(iter(content.values()))}
        return response

    def _get_serializer_field_meta(self, field, direction):
        meta = super()._get_serializer_field_meta(field, direction)
        parent = getattr(field, "parent", None)
        if "description" not in meta and parent is not None:
            description = glossary.describe(type(parent), field.field_name)
            if description:
                meta["description"] = description
        return meta

    def _resolve_path_parameters(self, variables):
        parameters = super()._resolve_path_parameters(variables)
        for parameter in parameters:
            parameter["description"] = PATH_PARAMETERS[parameter["name"]]
        return parameters


class FilterExtension(DjangoFilterExtension):
    """django-filter parameters, each described by its filter's ``help_text``.

    drf-spectacular drops the ``help_text`` of a filter whose schema is overridden (the
    ``ReferencesFilter`` arrays): this puts it back.
    """

    target_class = "articles.api.filtersets.FilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        for parameter in parameters:
            if not parameter.get("description"):
                parameter["description"] = str(filter_field.extra.get("help_text") or "")
        return parameters


class ArticleListItemExtension(OpenApiSerializerExtension):
    """A list item has every article key, but only ``id`` is sure: ``?fields=`` picks the rest."""

    target_class = ArticleListSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_basic_serializer(self.target_class(), direction)
        schema["required"] = ["id"]
        return schema


CHOICE = re.compile(r"^\* `([^`]+)` - (.*)$", re.MULTILINE)


def describe_enum_values(result, generator, request, public):
    """Postprocessing hook: enum value lists say what each value means (``glossary.VALUES``).

    drf-spectacular lists an enum's values with their labels, which here are the values
    themselves (``* `imported` - imported``).
    """
    _describe_values(result)
    return result


def _describe_values(node) -> None:
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if key == "description" and isinstance(value, str):
            node[key] = CHOICE.sub(_choice_line, value)
        elif isinstance(value, dict | list):
            _describe_values(value)


def _choice_line(match: re.Match) -> str:
    value = match.group(1)
    return f"* `{value}` - {glossary.VALUES.get(value, match.group(2))}"
