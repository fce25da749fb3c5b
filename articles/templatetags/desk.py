"""Template tags of the editors' desk."""

from django import template

from articles.models import Article

register = template.Library()


@register.simple_tag
def review_queue_size() -> int:
    """How many articles wait in the review queue."""
    return Article.objects.needing_review().count()
