"""Pages outside the admin and the API."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static


def favicon(request):
    """The desk's icon where browsers look for one, so /favicon.ico is not a 404 in the log."""
    return HttpResponseRedirect(static("articles/favicon.svg"))
