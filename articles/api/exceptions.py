"""One error body for every API error: ``{"status", "code", "detail", "errors"?}``.

DRF's views answer through ``exception_handler``; what happens outside them (an unknown URL under
``/api/``, an uncaught error) goes to Django's handlers, which ``newsdb/urls.py`` points at the
views below: JSON under ``/api/``, Django's own pages elsewhere (the admin).
"""

import logging

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.db import OperationalError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler

API_PREFIX = "/api/"
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cut by statement_timeout

log = logging.getLogger(__name__)


class ErrorSerializer(serializers.Serializer):
    """An API error: HTTP status, a machine-readable code, a message, and per-field errors."""

    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Validation errors by parameter or field name.",
    )


class QueryTimeout(exceptions.APIException):
    status_code = 503
    default_code = "query_timeout"
    default_detail = "The query took too long: narrow the filters, or try again later."


class Conflict(exceptions.APIException):
    """A write that would duplicate a row: ``location`` is the row's URL (the answer's
    ``Location`` header), so a client that raced another, or retried, can read what exists."""

    status_code = 409
    default_code = "conflict"
    default_detail = "This row exists already."

    def __init__(self, detail: str, location: str):
        super().__init__(detail)
        self.location = location


def exception_handler(exc, context):
    """DRF's handler, with its body reshaped into the ``ErrorSerializer`` form."""
    if is_query_timeout(exc):
        log.warning("statement_timeout cut a query of %s", context["request"].get_full_path())
        exc = QueryTimeout()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    elif isinstance(exc, RequestDataTooBig | TooManyFieldsSent | TooManyFilesSent):
        exc = exceptions.ParseError(str(exc))  # Django's upload limits, met while parsing
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": _code(exc), "detail": _detail(exc)}
    if isinstance(response.data, dict | list) and _is_validation(response.data):
        body["errors"] = _field_errors(response.data)
    response.data = body
    if isinstance(exc, Conflict):
        response["Location"] = exc.location
    return response


def is_query_timeout(exc) -> bool:
    """Whether ``exc`` is PostgreSQL cancelling a statement (``statement_timeout``)."""
    cause = exc.__cause__
    return isinstance(exc, OperationalError) and getattr(cause, "sqlstate", None) == QUERY_CANCELED


def _is_validation(data) -> bool:
    return not (isinstance(data, dict) and set(data) == {"detail"})


def _code(exc) -> str:
    return getattr(exc, "default_code", "error")


def _detail(exc) -> str:
    detail = getattr(exc, "detail", None)
    if isinstance(detail, str):
        return str(detail)
    return str(getattr(exc, "default_detail", "Error."))


def _field_errors(data) -> dict[str, list[str]]:
    if isinstance(data, list):
        return {"non_field_errors": [str(item) for item in data]}
    return {
        str(name): [str(item) for item in (value if isinstance(value, list) else [value])]
        for name, value in data.items()
    }


def query_timeout(request) -> JsonResponse:
    """The 503 of a query cut by ``statement_timeout`` outside DRF's views."""
    log.warning("statement_timeout cut a query of %s", request.get_full_path())
    return _error(503, QueryTimeout.default_code, str(QueryTimeout.default_detail))


def _error(status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"status": status, "code": code, "detail": detail}, status=status)


def _is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def bad_request(request, exception):
    """``handler400``: e.g. a disallowed host or an oversized request body."""
    if _is_api(request):
        return _error(400, "bad_request", "Bad request.")
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    """``handler403``."""
    if _is_api(request):
        return _error(403, "permission_denied", "You do not have permission to do this.")
    return defaults.permission_denied(request, exception)


def not_found(request, exception):
    """``handler404``: an unknown URL under ``/api/``."""
    if _is_api(request):
        return _error(404, "not_found", f"No API endpoint at {request.path}. See /api/docs/.")
    return defaults.page_not_found(request, exception)


def server_error(request):
    """``handler500``: an error no view handled (it is logged by Django)."""
    if _is_api(request):
        return _error(500, "server_error", "Server error.")
    return defaults.server_error(request)
