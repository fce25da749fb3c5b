"""The ``/api/schema/`` view: the OpenAPI schema, generated once per process.

Its own module: ``articles.api.schema`` is the schema class every view loads, and the view
classes of drf-spectacular load it in turn.
"""

from django.utils import translation
from drf_spectacular.views import SpectacularAPIView
from rest_framework.response import Response


class SchemaView(SpectacularAPIView):
    """``/api/schema/``: generated once per process and language, then served from memory.

    The schema depends only on the code (it is public: no per-user filtering), and generating
    it walks every view and serializer (about 250 ms).
    """

    generated: dict[tuple, dict] = {}

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        key = (version, translation.get_language())
        if key not in self.generated:
            generator = self.generator_class(
                urlconf=self.urlconf, api_version=version, patterns=self.patterns
            )
            self.generated[key] = generator.get_schema(request=request, public=self.serve_public)
        filename = self._get_filename(request, version)
        return Response(
            data=self.generated[key],
            headers={"Content-Disposition": f'inline; filename="{filename}"'},
        )
