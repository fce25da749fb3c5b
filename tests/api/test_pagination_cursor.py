"""Article cursors: a cursor that was not written by the API is a 400, never a 500."""

import pytest
from django.core import signing

from articles.api.pagination import CURSOR_SALT

URL = "/api/articles/"
ORDER = ["-created_at", "-id"]


def signed(cursor) -> str:
    """A cursor forged by someone holding the signing key."""
    return signing.dumps(cursor, salt=CURSOR_SALT, compress=True)


@pytest.mark.parametrize(
    "cursor",
    [
        {"o": ORDER, "v": {"a": 1, "b": 2}, "r": 0},
        {"o": ORDER, "v": [{"x": 1}, {"y": 2}], "r": 0},
        {"o": ORDER, "v": [["2026-01-01"], ["1"]], "r": 0},
        {"o": ORDER, "v": [None, None]},
        {"o": ORDER, "v": ["not a date", "1"]},
        {"o": ORDER, "v": ["2026-01-01T00:00:00Z", "1", "2"]},
        {"o": ORDER},
        ["-created_at", "-id"],
        "a string",
        7,
    ],
)
def test_pagination_cursor_forged_is_a_400(api, corpus, cursor):
    api.raise_request_exception = False
    response = api.get(URL, {"cursor": signed(cursor)})
    assert response.status_code == 400, response.content
    assert "cursor" in response.json()["errors"]


def test_pagination_cursor_well_formed_forged_still_pages(api, corpus):
    cursor = {"o": ORDER, "v": ["2026-01-03T00:00:00+00:00", "0"], "r": 0}
    response = api.get(URL, {"cursor": signed(cursor)})
    assert response.status_code == 200
    assert [row["title"] for row in response.json()["results"]] == ["Gas prices", "Kyiv talks"]
