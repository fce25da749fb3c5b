"""Writes to /api/articles/: who may, what they record, and that re-import keeps them."""

import io

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from articles.ingest.records import ParsedItem
from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic, LinkRejection

URL = "/api/articles/"


def writes(article, person, topic) -> list[tuple[str, str, dict]]:
    """One request of every write the API offers."""
    detail = f"{URL}{article.pk}/"
    return [
        ("post", URL, {"title": "New", "summary": "Fresh text."}),
        ("patch", detail, {"title": "Changed"}),
        ("put", detail, {"title": "Changed"}),
        ("post", f"{detail}persons/", {"person": person.pk}),
        ("delete", f"{detail}persons/{person.pk}/", {}),
        ("post", f"{detail}countries/", {"country": "FR"}),
        ("delete", f"{detail}countries/UA/", {}),
        ("post", f"{detail}topics/", {"topic": topic.pk}),
        ("delete", f"{detail}topics/{topic.pk}/", {}),
    ]


def state() -> list:
    return [
        list(Article.objects.values_list("title", "edited_fields", "updated_at")),
        list(ArticlePerson.objects.values_list("person", "origin")),
        list(ArticleCountry.objects.values_list("country", "origin")),
        list(ArticleTopic.objects.values_list("topic", "origin")),
        LinkRejection.objects.count(),
    ]


@pytest.fixture
def linked(corpus):
    return corpus["articles"]["kyiv"], corpus["persons"]["putin"], corpus["topics"]["war"]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
def test_article_writes_are_refused_without_editor_permission(api, reader_api, linked, who):
    client = api if who == "anonymous" else reader_api
    before = state()
    for method, url, data in writes(*linked):
        response = getattr(client, method)(url, data, format="json")
        expected = {401, 403} if who == "anonymous" else {403}
        assert response.status_code in expected, (method, url)
        assert response.json()["code"] in {"not_authenticated", "permission_denied"}
    assert state() == before


def test_article_reads_stay_open_to_anonymous(api, linked):
    article = linked[0]
    assert api.get(f"{URL}{article.pk}/").status_code == 200
    assert api.head(f"{URL}{article.pk}/").status_code == 200
    assert api.options(URL).status_code == 200


def test_article_patch_records_editor_edits(editor_api, linked):
    article = linked[0]
    response = editor_api.patch(
        f"{URL}{article.pk}/", {"title": "Kyiv talks resume", "section": "World"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Kyiv talks resume"
    article.refresh_from_db()
    assert article.edited_fields == ["title"]  # the section did not change
    assert article.history.first().history_user.username == "editor"


def test_article_patch_sets_sources_by_slug(editor_api, linked, make_source):
    article, reuters = linked[0], make_source("Reuters")
    response = editor_api.patch(
        f"{URL}{article.pk}/", {"original_source": reuters.slug}, format="json"
    )
    assert response.json()["original_source"]["name"] == "Reuters"
    bad = editor_api.patch(f"{URL}{article.pk}/", {"source": "no-such-source"}, format="json")
    assert bad.status_code == 400 and "source" in bad.json()["errors"]


def test_article_create_uses_the_importers_fingerprint(editor_api, db):
    data = {"title": "Port strike", "summary": "Dock workers walk out.", "section": "Labour"}
    response = editor_api.post(URL, data, format="json")
    assert response.status_code == 201, response.content
    article = Article.objects.get(pk=response.json()["id"])
    item = ParsedItem(
        title="Port strike", summary="Dock workers walk out.", body="", line_start=0, line_end=0
    )
    assert article.fingerprint == item.fingerprint()
    assert response.json()["provenance"]["file"] == "api"
    assert article.edited_fields == ["section", "summary", "title"]
    again = editor_api.post(URL, {**data, "title": "port  STRIKE"}, format="json")
    assert again.status_code == 409
    assert again.json()["detail"] == f"Article {article.pk} has the same text."
    assert again["Location"].endswith(f"{URL}{article.pk}/")


def test_article_create_needs_the_add_permission(client, linked, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("changer")
    user.user_permissions.add(Permission.objects.get(codename="change_article"))
    api = APIClient()
    api.force_authenticate(user)
    assert api.post(URL, {"title": "New"}, format="json").status_code == 403
    assert api.patch(f"{URL}{linked[0].pk}/", {"title": "X"}, format="json").status_code == 200


def test_article_session_writes_need_the_csrf_token(editor, linked):
    browser = APIClient(enforce_csrf_checks=True)
    browser.force_login(editor)
    response = browser.patch(f"{URL}{linked[0].pk}/", {"title": "X"}, format="json")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


def test_article_link_person_is_an_editor_link(editor_api, linked, make_person):
    article, _, _ = linked
    writer = make_person("Jane Writer")
    before = article.updated_at
    url = f"{URL}{article.pk}/persons/"
    response = editor_api.post(url, {"person": writer.pk, "role": "author"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["authors"] == ["Jane Writer"]
    link = ArticlePerson.objects.get(article=article, person=writer)
    assert (link.role, link.origin) == ("author", "editor")
    article.refresh_from_db()
    assert article.updated_at > before
    assert editor_api.post(url, {"person": 999999}, format="json").status_code == 400


def test_article_unlink_person_records_a_rejection(editor_api, linked):
    article, putin, _ = linked
    response = editor_api.delete(f"{URL}{article.pk}/persons/{putin.pk}/")
    assert response.status_code == 204
    assert not ArticlePerson.objects.filter(article=article, person=putin).exists()
    assert LinkRejection.objects.filter(article=article, kind="person", target_id=putin.pk).exists()
    assert editor_api.delete(f"{URL}{article.pk}/persons/999999/").status_code == 404


def test_article_link_and_unlink_country_and_topic(editor_api, linked, make_topic):
    article, _, war = linked
    energy = make_topic("Energy policy")
    detail = f"{URL}{article.pk}/"
    countries = editor_api.post(
        f"{detail}countries/", {"country": "fr", "mentions": 2}, format="json"
    )
    assert {"code": "FR", "name": "France", "mentions": 2, "evidence": []} in countries.json()[
        "countries"
    ]
    topics = editor_api.post(f"{detail}topics/", {"topic": energy.pk}, format="json").json()
    assert topics["topics"][0]["slug"] == "energy-policy"  # score 1.0 first
    assert editor_api.delete(f"{detail}countries/ua/").status_code == 204
    assert editor_api.delete(f"{detail}topics/{war.pk}/").status_code == 204
    assert set(LinkRejection.objects.values_list("kind", flat=True)) == {"country", "topic"}
    assert ArticleTopic.objects.get(article=article, topic=energy).origin == "editor"


DUMP = """Putin and Zelensky meet in Geneva

Vladimir Putin and Volodymyr Zelensky met in Geneva to discuss grain exports from Ukraine.
"""


def test_article_editor_writes_survive_a_reimport(editor_api, make_person, tmp_path):
    """import_seeds, edit through the API, import_seeds again: the edits stay."""
    dump = tmp_path / "geneva.txt"
    dump.write_text(DUMP, encoding="utf-8")
    importing = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_seeds", str(dump), **importing)
    article = Article.objects.get()
    putin = article.persons.get(name="Vladimir Putin")
    writer = make_person("Jane Writer")
    detail = f"{URL}{article.pk}/"
    assert editor_api.patch(detail, {"title": "Geneva summit"}, format="json").status_code == 200
    assert editor_api.delete(f"{detail}persons/{putin.pk}/").status_code == 204
    added = editor_api.post(f"{detail}persons/", {"person": writer.pk}, format="json")
    assert added.status_code == 200
    assert (
        editor_api.post(f"{detail}countries/", {"country": "PL"}, format="json").status_code == 200
    )

    call_command("import_seeds", str(dump), **importing)
    after = editor_api.get(detail).json()
    assert after["title"] == "Geneva summit"
    assert {p["name"] for p in after["persons"]} == {"Jane Writer", "Volodymyr Zelensky"}
    assert {c["code"] for c in after["countries"]} >= {"UA", "PL"}


def test_article_writes_work_for_the_admin_editor_group(linked, django_user_model):
    """The Editor group (migrations 0005 and 0007) may edit articles and links, and create
    articles, as the README says."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("desk")
    user.groups.add(Group.objects.get(name="Editor"))
    client = APIClient()
    client.force_authenticate(user)
    article, putin, war = linked
    detail = f"{URL}{article.pk}/"
    assert client.patch(detail, {"section": "Europe"}, format="json").status_code == 200
    assert client.delete(f"{detail}persons/{putin.pk}/").status_code == 204
    assert client.post(f"{detail}topics/", {"topic": war.pk}, format="json").status_code == 200
    assert client.post(URL, {"title": "New"}, format="json").status_code == 201


def test_article_writes_over_the_item_limit_are_a_400(editor_api, linked, settings):
    """The importer's NEWSDB_MAX_ITEM_CHARS holds for API writes too: one article never makes
    every first page heavy."""
    settings.NEWSDB_MAX_ITEM_CHARS = 100
    created = editor_api.post(URL, {"title": "Big", "summary": "x" * 98}, format="json")
    assert created.status_code == 400
    message = "Title, summary and body hold 101 characters, over NEWSDB_MAX_ITEM_CHARS (100)."
    assert created.json()["errors"] == {"non_field_errors": [message]}
    article = linked[0]
    patched = editor_api.patch(f"{URL}{article.pk}/", {"body": "x" * 100}, format="json")
    assert patched.status_code == 400 and "NEWSDB_MAX_ITEM_CHARS" in patched.content.decode()
    article.refresh_from_db()
    assert article.body == ""
    fits = editor_api.post(URL, {"title": "Big", "summary": "x" * 97}, format="json")
    assert fits.status_code == 201
