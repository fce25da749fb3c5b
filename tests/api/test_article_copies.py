"""Syndicated copies in the API: duplicate_of, duplicates, is_duplicate, an editor's undo."""

import pytest

from articles.models import Article

URL = "/api/articles/"


@pytest.fixture
def copies(make_article):
    """An original, two copies of it and an unrelated article."""
    original = make_article("Genoa dockers refuse arms ship")
    first = make_article("Italian port says no", duplicate_of=original)
    second = make_article("Dockers block weapons", duplicate_of=original)
    other = make_article("Teachers strike in Tehran")
    return {"original": original, "first": first, "second": second, "other": other}


def test_article_detail_names_its_original_and_its_copies(api, copies):
    original = api.get(f"{URL}{copies['original'].pk}/").json()
    copy = api.get(f"{URL}{copies['first'].pk}/").json()
    assert original["duplicate_of"] is None
    assert original["duplicates"] == [copies["first"].pk, copies["second"].pk]
    assert copy["duplicate_of"] == copies["original"].pk and copy["duplicates"] == []


@pytest.mark.parametrize(
    "value, expected", [("false", {"original", "other"}), ("true", {"first", "second"})]
)
def test_articles_is_duplicate_filter(api, copies, value, expected):
    rows = api.get(f"{URL}?is_duplicate={value}&fields=id").json()["results"]
    names = {name for name, article in copies.items() if article.pk in {r["id"] for r in rows}}
    assert names == expected


def test_articles_is_duplicate_refuses_other_values(api, copies):
    assert api.get(f"{URL}?is_duplicate=maybe").status_code == 400


def test_articles_list_with_copies_is_one_query(api, copies, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = api.get(f"{URL}?page_size=100").json()["results"]
    assert {r["id"]: r["duplicates"] for r in rows}[copies["original"].pk] == [
        copies["first"].pk,
        copies["second"].pk,
    ]


def test_editor_undoes_a_copy_and_the_choice_is_marked_edited(editor_api, copies):
    answer = editor_api.patch(f"{URL}{copies['first'].pk}/", {"duplicate_of": None}, format="json")
    assert answer.status_code == 200 and answer.json()["duplicate_of"] is None
    first = Article.objects.get(pk=copies["first"].pk)
    assert first.duplicate_of is None and "duplicate_of" in first.edited_fields


def test_editor_marks_a_copy_of_a_copy_as_a_copy_of_the_original(editor_api, copies):
    other, first = copies["other"].pk, copies["first"].pk
    answer = editor_api.patch(f"{URL}{other}/", {"duplicate_of": first}, format="json")
    assert answer.json()["duplicate_of"] == copies["original"].pk


def test_editor_cannot_make_an_article_a_copy_of_itself(editor_api, copies):
    original = copies["original"].pk
    answer = editor_api.patch(f"{URL}{original}/", {"duplicate_of": original}, format="json")
    assert answer.status_code == 400 and "duplicate_of" in answer.json()["errors"]
    answer = editor_api.patch(
        f"{URL}{original}/", {"duplicate_of": copies["first"].pk}, format="json"
    )
    assert answer.status_code == 400  # its copy's original is itself


def test_anonymous_cannot_change_duplicate_of(api, copies):
    answer = api.patch(f"{URL}{copies['first'].pk}/", {"duplicate_of": None}, format="json")
    assert answer.status_code in (401, 403)
    assert Article.objects.get(pk=copies["first"].pk).duplicate_of == copies["original"]
