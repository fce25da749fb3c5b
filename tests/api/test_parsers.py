"""Request bodies: deep or huge JSON is a 400, never a worker's crash."""

import pytest

from articles.api.parsers import MAX_DEPTH, nesting_depth

URL = "/api/articles/"


def post(client, body: str):
    return client.generic("POST", URL, body, content_type="application/json")


def test_parsers_100000_deep_json_is_a_400(editor_api):
    response = post(editor_api, "[" * 100_000 + "]" * 100_000)
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert f"deeper than {MAX_DEPTH}" in response.json()["detail"]


def test_parsers_oversized_body_is_a_400(editor_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(editor_api, '{"title": "' + "x" * 2000 + '"}')
    assert response.status_code == 400 and "larger than 1000 bytes" in response.json()["detail"]


def test_parsers_brackets_inside_strings_do_not_count(editor_api):
    title = "[[[{{{" * 20 + '\\"[['
    response = post(editor_api, f'{{"title": "{title}", "summary": "Quoted brackets."}}')
    assert response.status_code == 201, response.json()
    assert response.json()["title"] == title.replace('\\"', '"')


@pytest.mark.parametrize(
    ("text", "depth"),
    [("{}", 1), ('{"a": [1, {"b": []}]}', 4), ('["]]]", "\\\\", [["x"]]]', 3), ('"[["', 0)],
)
def test_parsers_nesting_depth_counts_outside_strings(text, depth):
    assert nesting_depth(text) == depth


def test_parsers_oversized_form_is_a_400(editor_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = "title=" + "x" * 2000
    response = editor_api.generic(
        "POST", URL, body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert "larger than 1000 bytes" in response.json()["detail"]


def test_parsers_oversized_multipart_is_a_400(editor_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = editor_api.post(URL, {"title": "x" * 2000}, format="multipart")
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert "larger than 1000 bytes" in response.json()["detail"]


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart"])
def test_parsers_too_many_form_fields_is_a_400(editor_api, settings, content_type):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    fields = {f"field{n}": "1" for n in range(20)}
    if content_type == "multipart":
        response = editor_api.post(URL, fields, format="multipart")
    else:
        body = "&".join(f"{name}={value}" for name, value in fields.items())
        response = editor_api.generic("POST", URL, body, content_type=content_type)
    assert response.status_code == 400 and response.json()["code"] == "parse_error"
    assert "DATA_UPLOAD_MAX_NUMBER_FIELDS" in response.json()["detail"]
