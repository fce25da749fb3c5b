"""Request bodies (JSON, forms, multipart) with a size limit, JSON with a nesting limit too, so
no body can exhaust a worker."""

import json
import re

from django.conf import settings
from django.http import QueryDict
from rest_framework import parsers
from rest_framework.exceptions import ParseError

_SPECIAL = re.compile(r'[\[\]{}"\\]')
MAX_DEPTH = 32  # our request bodies nest two levels; anything far deeper is not a client of ours


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing with 400 a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or one
    nested deeper than ``MAX_DEPTH`` (Python's parser would raise ``RecursionError``: a 500)."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        raw = read_bounded(stream, "JSON")
        try:
            text = raw.decode(encoding)
            depth = nesting_depth(text)
            if depth > MAX_DEPTH:
                raise ParseError(f"JSON parse error - nested deeper than {MAX_DEPTH} levels.")
            return json.loads(text, parse_constant=_refuse_constant)
        except (ValueError, RecursionError) as error:
            raise ParseError(f"JSON parse error - {error}") from None


class FormParser(parsers.FormParser):
    """DRF's form parser, refusing with 400 a body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (DRF's
    reads the whole body whatever its size)."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        return QueryDict(read_bounded(stream, "Form"), encoding=encoding)


class MultiPartParser(parsers.MultiPartParser):
    """DRF's multipart parser (the browsable API's forms), refusing with 400 a body over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``: no endpoint takes files, and Django would spool any size of
    file to disk."""

    def parse(self, stream, media_type=None, parser_context=None):
        meta = parser_context["request"].META
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and int(meta.get("CONTENT_LENGTH") or 0) > limit:
            raise ParseError(f"Multipart form parse error - {too_large(limit)}")
        return super().parse(stream, media_type, parser_context)


def too_large(limit: int) -> str:
    return f"the body is larger than {limit} bytes."


def read_bounded(stream, kind: str) -> bytes:
    """The body from ``stream``; 400 ``ParseError`` if it is over the upload limit (at most one
    byte more than the limit is read)."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    raw = stream.read(limit + 1) if limit is not None else stream.read()
    if limit is not None and len(raw) > limit:
        raise ParseError(f"{kind} parse error - {too_large(limit)}")
    return raw


def nesting_depth(text: str) -> int:
    """The deepest nesting of ``[`` and ``{`` outside strings, in one linear pass over ``text``
    (only brackets, quotes and backslashes are visited)."""
    depth = deepest = 0
    in_string, escaped_at = False, -1
    for match in _SPECIAL.finditer(text):
        char, at = match.group(), match.start()
        if at == escaped_at:
            continue
        if in_string:
            if char == "\\":
                escaped_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")
