"""Routes of the REST API under /api/, with its OpenAPI schema and Swagger UI."""

from django.urls import path
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from articles.api import views
from articles.api.schema_view import SchemaView

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("persons", views.PersonViewSet, basename="person")
router.register("countries", views.CountryViewSet, basename="country")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("sources", views.SourceViewSet, basename="source")
router.register("stories", views.StoryViewSet, basename="story")

urlpatterns = [
    path("stats/", views.StatsView.as_view(), name="stats"),
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    *router.urls,
]
