"""The groups the data migration creates: editors curate, viewers only read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, ArticlePerson, Person
from tests.admin.helpers import form_data

pytestmark = pytest.mark.django_db


def test_groups_exist_with_their_permissions():
    editor = set(Group.objects.get(name="Editor").permissions.values_list("codename", flat=True))
    viewer = set(Group.objects.get(name="Viewer").permissions.values_list("codename", flat=True))
    assert {"change_article", "change_person", "add_topic", "delete_articleperson"} <= editor
    assert not {"delete_article", "change_user", "view_user", "change_group"} & editor
    assert {"view_article", "view_person", "view_country", "view_topic"} <= viewer
    assert all(codename.startswith("view_") for codename in viewer)


def test_viewer_cannot_change_an_article(viewer_client, make_article):
    article = make_article("Title")
    url = reverse("admin:articles_article_change", args=[article.pk])
    page = viewer_client.get(url)
    assert page.status_code == 200
    assert b'name="title"' not in page.content  # read-only page, no inputs
    data = {"title": "Changed", "status": "imported", "summary": "", "body": ""}
    assert viewer_client.post(url, data).status_code == 403
    article.refresh_from_db()
    assert article.title == "Title"


def test_viewer_gets_no_actions(viewer_client, make_article, make_person):
    article, putin = make_article(needs_review=True), make_person()
    ArticlePerson.objects.create(article=article, person=putin)
    changelist = reverse("admin:articles_article_changelist")
    assert b'name="action"' not in viewer_client.get(changelist).content
    viewer_client.post(changelist, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert (article.status, article.needs_review) == ("imported", True)


def test_editor_cannot_reach_user_admin(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_editor_can_change_an_article_but_not_delete_it(editor_client, make_article):
    article = make_article("Title")
    url = reverse("admin:articles_article_change", args=[article.pk])
    data = form_data(editor_client.get(url).content.decode())
    data["title"] = ["Better title"]
    assert editor_client.post(url, data).status_code == 302
    assert Article.objects.get(pk=article.pk).title == "Better title"
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert editor_client.get(delete).status_code == 403


def test_editor_may_delete_a_junk_person_and_merge(editor_client, make_person):
    junk = make_person("Keys")
    url = reverse("admin:articles_person_delete", args=[junk.pk])
    assert editor_client.get(url).status_code == 200
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Person.objects.filter(pk=junk.pk).exists()
    actions = editor_client.get(reverse("admin:articles_person_changelist")).content
    assert b'value="merge_persons"' in actions and b'value="delete_selected"' in actions


def test_viewer_cannot_delete_persons(viewer_client, make_person):
    junk = make_person("Keys")
    url = reverse("admin:articles_person_delete", args=[junk.pk])
    assert viewer_client.post(url, {"post": "yes"}).status_code == 403
    assert Person.objects.filter(pk=junk.pk).exists()


def test_viewer_sees_history_but_cannot_revert(viewer_client, make_article):
    article = make_article("Title")
    article.title = "Changed"
    article.save()
    history = viewer_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert history.status_code == 200 and b"Changed" in history.content
    first = article.history.earliest()
    url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    page = viewer_client.get(url).content.decode()
    assert "Revert" not in page
    data = {"title": "Title", "status": "imported", "summary": "", "body": "", **form_data(page)}
    assert viewer_client.post(url, data).status_code == 403
    article.refresh_from_db()
    assert article.title == "Changed"


def test_editor_group_may_create_articles_but_not_through_an_admin_form(editor_client, editor):
    assert editor.has_perm("articles.add_article")  # for POST /api/articles/ (migration 0007)
    add = reverse("admin:articles_article_add")
    assert editor_client.get(add).status_code == 403
    changelist = editor_client.get(reverse("admin:articles_article_changelist"))
    assert add.encode() not in changelist.content
