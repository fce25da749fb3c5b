"""Pagination for every list: a default page size, a hard maximum, ``next`` links and a Link header.

``page_size`` (and ``limit``, read by ``positive_int``) is a positive integer: anything else is a
400, a value above the maximum is clamped. ``next``/``previous`` links carry only the parameters
the endpoint reads (filters, paging, ``fields``/``include``, ``format``), with ``page_size`` as
applied: an ignored or clamped value never travels on.

Small lists (persons, countries, topics, sources) are numbered pages with a total ``count``.
Articles are keyset pages: the cursor holds the sort key of the last row sent, so the database
seeks to it through an index and page 2,000 costs what page 1 costs (no OFFSET, no COUNT).
"""

from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.http import QueryDict
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from articles.search import RumDistance

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200  # larger requests are clamped to this
CURSOR_SALT = "articles.api.pagination.cursor"


def with_link_header(response: Response, next_url, previous_url) -> Response:
    """Add an RFC 8288 ``Link`` header naming the next and previous pages."""
    pages = (("next", next_url), ("prev", previous_url))
    links = [f'<{url}>; rel="{rel}"' for rel, url in pages if url]
    if links:
        response["Link"] = ", ".join(links)
    return response


class CanonicalLinkMixin:
    """A view answering a filter given a merged row's value (a merged person's old slug) with
    ``Link: <URL>; rel="canonical"``: the same query naming the row kept (``request.canonical_url``,
    set by ``articles.api.filtersets.FilterBackend``)."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        url = getattr(request, "canonical_url", None)
        if url and response.status_code < 400:
            link = f'<{url}>; rel="canonical"'
            response["Link"] = (
                f"{response['Link']}, {link}" if response.has_header("Link") else link
            )
        return response


def positive_int(request, name: str, default: int, most: int) -> int:
    """The query parameter ``name``: a positive integer, clamped to ``most``; absent: ``default``.

    Anything else (``abc``, ``0``, ``-1``, ``1.5``) is a 400 naming the parameter.
    """
    text = request.query_params.get(name)
    if not text:  # absent or empty, as an empty filter filters nothing
        return default
    try:
        if not (text.isascii() and text.isdigit()):  # int() would take "+5", " 5", "٥"
            raise ValueError(text)
        return pagination._positive_int(text, strict=True, cutoff=most)
    except ValueError:
        raise ValidationError({name: [f"{text[:50]} is not a positive integer."]}) from None


def page_url(request, view, size: int, own: tuple[str, ...]) -> str:
    """The request's URL with only the parameters this list reads, ``page_size`` as applied.

    Known: the view's filters, ``own`` (the paginator's), the view's ``query_parameters`` and
    ``format``; empty values are left out too (they filter nothing).
    """
    filterset = getattr(view, "filterset_class", None)
    known = {"format", *own, *getattr(view, "query_parameters", ())}
    known |= set(filterset.base_filters) if filterset else set()
    kept = QueryDict(mutable=True)
    for name, values in request.query_params.lists():
        if name in known and any(values):
            kept.setlist(name, [value for value in values if value])
    if "page_size" in kept:
        kept["page_size"] = str(size)
    query = kept.urlencode()
    return request.build_absolute_uri(request.path) + (f"?{query}" if query else "")


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    last_page_strings = ()

    def paginate_queryset(self, queryset, request, view=None):
        size = self.get_page_size(request)
        positive_int(request, self.page_query_param, 1, 10**9)  # a 400 before any 404
        self.url = page_url(request, view, size, (self.page_query_param, "page_size"))
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request) -> int:
        return positive_int(request, self.page_size_query_param, self.page_size, self.max_page_size)

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return replace_query_param(self.url, self.page_query_param, self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        if number == 1:
            return remove_query_param(self.url, self.page_query_param)
        return replace_query_param(self.url, self.page_query_param, number)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        return with_link_header(response, self.get_next_link(), self.get_previous_link())

    def get_paginated_response_schema(self, schema):
        answer = super().get_paginated_response_schema(schema)
        answer["properties"]["count"]["description"] = "Rows in the whole list."
        answer["properties"]["results"]["description"] = "This page's rows."
        answer["properties"].update(PAGE_LINKS)
        return answer

    def get_schema_operation_parameters(self, view):
        return [
            _query_parameter(
                self.page_query_param,
                {"type": "integer", "minimum": 1},
                "Page number, from 1 (anything else is a 400; past the last page, a 404).",
            ),
            _page_size_parameter(self),
        ]


class KeysetPagination(pagination.BasePagination):
    """Pages of a queryset ordered by its own ``order_by`` (ending in the unique ``id``)."""

    page_size = DEFAULT_PAGE_SIZE
    max_page_size = MAX_PAGE_SIZE
    page_size_query_param = "page_size"
    cursor_query_param = "cursor"
    default_ordering = ("-created_at", "-id")

    def paginate_queryset(self, queryset, request, view=None):
        size = self.get_page_size(request)
        self.base_url = page_url(request, view, size, (self.cursor_query_param, "page_size"))
        ordering = tuple(queryset.query.order_by) or self.default_ordering
        values, backwards = self.decode_cursor(request, ordering)
        if backwards:
            queryset = queryset.order_by(*(_flip(key) for key in ordering))
        if values is not None:
            queryset = _seek(queryset, ordering, values, backwards)
        rows, keys = self.fetch(queryset, ordering, size + 1, view)
        more, rows, keys = len(keys) > size, rows[:size], keys[:size]
        if backwards:
            rows.reverse()
            keys.reverse()
        has_next, has_previous = (True, more) if backwards else (more, values is not None)
        self.next_url = self.encode_cursor(keys[-1], ordering, False) if has_next and keys else None
        self.previous_url = (
            self.encode_cursor(keys[0], ordering, True) if has_previous and keys else None
        )
        return rows

    def fetch(self, queryset, ordering, limit: int, view) -> tuple[list, list[tuple]]:
        """The first ``limit`` rows and their sort keys.

        Sorted by a stored column, the rows come in one query that stops after ``limit`` index
        entries. Sorted by a computed value (search distance), the keys are read first
        (``ranked_keys``), then the page's rows by id from the view's unfiltered queryset.
        """
        names = [key.lstrip("-") for key in ordering]
        if names[0] not in queryset.query.annotations:
            rows = list(queryset[:limit])
            return rows, [tuple(getattr(row, name) for name in names) for row in rows]
        keys = ranked_keys(queryset, limit)
        base = view.get_queryset() if view is not None else queryset
        return _rows_in_order(base, [key[-1] for key in keys]), keys

    def get_page_size(self, request) -> int:
        return positive_int(request, self.page_size_query_param, self.page_size, self.max_page_size)

    def get_paginated_response(self, data):
        response = Response({"next": self.next_url, "previous": self.previous_url, "results": data})
        return with_link_header(response, self.next_url, self.previous_url)

    def decode_cursor(self, request, ordering):
        """The key values and direction a ``cursor`` parameter holds (``None`` without one)."""
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None, False
        try:
            cursor = signing.loads(encoded, salt=CURSOR_SALT)
            values, backwards = cursor["v"], bool(cursor.get("r"))
            valid = cursor["o"] == list(ordering) and _are_key_values(values, len(ordering))
        except (signing.BadSignature, TypeError, KeyError, AttributeError, ValueError):
            valid = False
        if not valid:
            raise ValidationError({"cursor": ["Invalid cursor: use the next/previous links."]})
        return values, backwards

    def encode_cursor(self, values, ordering, backwards: bool) -> str:
        url = remove_query_param(self.base_url, self.cursor_query_param)
        encoded = cursor_for(ordering, values, backwards)
        return replace_query_param(url, self.cursor_query_param, encoded)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {**PAGE_LINKS, "results": {**schema, "description": "This page's rows."}},
        }

    def get_schema_operation_parameters(self, view):
        return [
            _query_parameter(
                self.cursor_query_param,
                {"type": "string"},
                "Page cursor, as the `next`/`previous` links carry it (opaque and signed).",
            ),
            _page_size_parameter(self),
        ]


PAGE_LINKS = {
    name: {
        "type": "string",
        "format": "uri",
        "nullable": True,
        "description": f"URL of the {name} page (`null` on the {end} page).",
    }
    for name, end in (("next", "last"), ("previous", "first"))
}


def _page_size_parameter(paginator) -> dict:
    return _query_parameter(
        paginator.page_size_query_param,
        {"type": "integer", "minimum": 1, "example": 20},
        f"Rows per page: a positive integer (default {paginator.page_size}; above "
        f"{paginator.max_page_size}, clamped to it; anything else is a 400).",
    )


def cursor_for(ordering, values, backwards: bool = False) -> str:
    """The ``cursor`` parameter of the page after (or before) the row with these key values.

    Signed: a cursor carries values the server read from the database, and only those are ever
    compared with a column (an edited one is refused, not fed to the database).
    """
    cursor = {"o": list(ordering), "v": [str(v) for v in values], "r": int(backwards)}
    return signing.dumps(cursor, salt=CURSOR_SALT, compress=True)


def _are_key_values(values, count: int) -> bool:
    """Whether ``values`` has the shape ``cursor_for`` writes: ``count`` strings in a list.

    The signature proves who wrote a cursor, not what it holds (a leaked or development key can
    sign anything), so a dict or a nested value is refused here rather than reaching a query.
    """
    return (
        isinstance(values, list)
        and len(values) == count
        and all(isinstance(value, str) for value in values)
    )


# Rows read past the page when an index orders by the first key alone (see ``ranked_keys``).
TIE_ROOM = 1000


def ranked_keys(queryset, limit: int) -> list[tuple]:
    """The first ``limit`` (distance, …, id) keys of a search, in the queryset's order.

    Without an index that orders the matches, every match is sorted, on its keys alone
    (sorting the whole rows of 7,000 matches took twice as long). RUM's index orders by the
    distance alone (``ORDER BY distance, id DESC`` makes PostgreSQL sort every match again), so
    the keys are read in distance order, ``TIE_ROOM`` past the page, and the ties put in order
    here. That is exact unless the page's last distance is shared past the rows read (a tie
    of more than ``TIE_ROOM`` rows): then, and going backwards (the index reads one way), every
    match is sorted as without the index.
    """
    ordering = list(queryset.query.order_by)  # flipped when going backwards
    names = [key.lstrip("-") for key in ordering]
    first = queryset.query.annotations.get(names[0])
    if not isinstance(first, RumDistance) or ordering[0].startswith("-"):
        return list(queryset.values_list(*names)[:limit])
    read = list(queryset.order_by(names[0]).values_list(*names)[: limit + TIE_ROOM])
    keys = sorted(read, key=lambda key: _sort_key(key, ordering))[:limit]
    if len(read) == limit + TIE_ROOM and keys and read[-1][0] == keys[-1][0]:
        return list(queryset.values_list(*names)[:limit])  # a tie longer than the room
    return keys


def _sort_key(values: tuple, ordering) -> tuple:
    return tuple(-v if key.startswith("-") else v for v, key in zip(values, ordering, strict=True))


def _rows_in_order(queryset, ids: list) -> list:
    """The rows with these ids, in this order."""
    if not ids:
        return []
    found = queryset.filter(pk__in=ids).order_by().in_bulk()
    return [found[pk] for pk in ids if pk in found]


def _flip(key: str) -> str:
    return key[1:] if key.startswith("-") else f"-{key}"


def _seek(queryset, ordering, values, backwards):
    """Rows strictly after ``values`` in ``ordering`` (before them when going backwards)."""
    condition = None
    for key, value in reversed(list(zip(ordering, values, strict=True))):
        name = key.lstrip("-")
        after = "lt" if key.startswith("-") != backwards else "gt"
        beyond = Q(**{f"{name}__{after}": value})
        condition = beyond if condition is None else beyond | (Q(**{name: value}) & condition)
    first = ordering[0].lstrip("-")
    # The first key alone, inclusive, is a range the index can seek to.
    first_after = "lte" if ordering[0].startswith("-") != backwards else "gte"
    try:
        return queryset.filter(Q(**{f"{first}__{first_after}": values[0]}), condition)
    except (DjangoValidationError, ValueError, TypeError) as error:
        raise ValidationError(
            {"cursor": ["Invalid cursor: use the next/previous links."]}
        ) from error


def _query_parameter(name: str, schema: dict, description: str) -> dict:
    return {
        "name": name,
        "required": False,
        "in": "query",
        "description": description,
        "schema": schema,
    }
