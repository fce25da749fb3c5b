"""One error body for every API error: ``{"status", "code", "detail", "errors"?}``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


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


def exception_handler(exc, context):
    """DRF's handler, with its body reshaped into the ``ErrorSerializer`` form."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(*exc.args)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(*exc.args)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    body = {"status": response.status_code, "code": _code(exc), "detail": _detail(exc)}
    if isinstance(response.data, dict | list) and _is_validation(response.data):
        body["errors"] = _field_errors(response.data)
    response.data = body
    return response


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
