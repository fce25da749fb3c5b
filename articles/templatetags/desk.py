"""Template tags of the editors' desk."""

from django import template

from articles.models import Article, Person

register = template.Library()


@register.simple_tag
def review_queue_size() -> int:
    """How many articles wait in the review queue."""
    return Article.objects.needing_review().count()


@register.simple_tag
def suspect_count() -> int:
    """How many persons look wrong (the suspects queue: two indexed tests, no scan)."""
    return Person.objects.suspects().count()


@register.inclusion_tag("admin/articles/dashboard.html", takes_context=True)
def desk_dashboard(context) -> dict:
    """The dashboard for the filters in the page's query string."""
    from articles.admin.dashboard import DashboardForm, dashboard

    form = DashboardForm(context["request"].GET or None)
    return {"form": form, "board": dashboard(form)}
