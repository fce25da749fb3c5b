"""The admin's groups are what the API's permissions expect (README: editors create articles)."""

from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient


def member(group: str) -> APIClient:
    user = User.objects.create_user(f"{group.lower()}-member")
    user.groups.add(Group.objects.get(name=group))
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_permissions_editor_group_creates_an_article(db):
    body = {"title": "Port strike ends", "summary": "Dock workers return."}
    response = member("Editor").post("/api/articles/", body, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["provenance"]["file"] == "api"


def test_permissions_viewer_group_may_not_create(db):
    body = {"title": "Port strike ends", "summary": "Dock workers return."}
    assert member("Viewer").post("/api/articles/", body, format="json").status_code == 403
