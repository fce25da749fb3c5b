"""``GET /api/articles/export/``: the filtered articles streamed as JSON Lines or CSV."""

from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.renderers import BaseRenderer, JSONRenderer

from articles import export


class ExportRenderer(BaseRenderer):
    """Names an export format for DRF's ``?format=`` negotiation; the rows are streamed by
    ``streamed`` (what is rendered here is an error, as JSON)."""

    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return JSONRenderer().render(data)


class JsonLinesRenderer(ExportRenderer):
    media_type, format = export.FORMATS["jsonl"], "jsonl"


class CsvRenderer(ExportRenderer):
    media_type, format = export.FORMATS["csv"], "csv"


RENDERERS = [JsonLinesRenderer, CsvRenderer]


def streamed(articles, format: str) -> StreamingHttpResponse:
    """The export of ``articles`` as a download named after the format and the time."""
    response = StreamingHttpResponse(
        export.lines(articles, format), content_type=f"{export.FORMATS[format]}; charset=utf-8"
    )
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response["Content-Disposition"] = f'attachment; filename="articles-{stamp}.{format}"'
    return response
