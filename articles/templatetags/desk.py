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
