"""OpenAPI details drf-spectacular cannot infer: error bodies and the sparse article list item."""

from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerExtension

from articles.api.exceptions import ErrorSerializer
from articles.api.serializers import ArticleListSerializer

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class AutoSchema(openapi.AutoSchema):
    """Every operation also documents its error answers, in the ``ErrorSerializer`` shape."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["400", "404", "429"]
        if self.method in WRITE_METHODS:
            codes += ["401", "403"]
        for code in codes:
            responses.setdefault(
                code, self._get_response_for_code(ErrorSerializer, code, direction=direction)
            )
        return responses


class ArticleListItemExtension(OpenApiSerializerExtension):
    """A list item has every article key, but only ``id`` is sure: ``?fields=`` picks the rest."""

    target_class = ArticleListSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_basic_serializer(self.target_class(), direction)
        schema["required"] = ["id"]
        return schema
