"""Top-level URLs: the admin at /admin/, the REST API at /api/, the icon at /favicon.ico."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from articles.views import favicon

urlpatterns = [
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("api/", include("articles.api.urls")),
]

# JSON in the API's error shape under /api/, Django's pages elsewhere (used when DEBUG is off).
handler400 = "articles.api.exceptions.bad_request"
handler403 = "articles.api.exceptions.permission_denied"
handler404 = "articles.api.exceptions.not_found"
handler500 = "articles.api.exceptions.server_error"
