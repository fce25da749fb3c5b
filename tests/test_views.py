"""The pages outside the admin and the API."""

from django.contrib.staticfiles import finders


def test_favicon_redirects_to_the_static_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith("articles/favicon.svg")
    assert finders.find("articles/favicon.svg")
