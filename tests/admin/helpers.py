"""Test helpers for admin pages: count a page's queries, read a form as a browser would."""

from html.parser import HTMLParser

from django.contrib.contenttypes.models import ContentType
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext


def queries_for(client, url: str) -> int:
    """The number of SQL queries one GET of ``url`` runs (which must succeed).

    The content-type cache is emptied first, so every count starts from the same state.
    """
    ContentType.objects.clear_cache()
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries)


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data: dict[str, list[str]] = {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            checkable = attrs.get("type") in {"checkbox", "radio"}
            if not checkable or "checked" in attrs:
                self.data.setdefault(name, []).append(attrs.get("value", "on" if checkable else ""))
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.setdefault(self._select, []).append(attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            self.data.setdefault(name, []).append("")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            # HTML drops the newline right after <textarea>, and so does a browser.
            values = self.data[self._textarea]
            values[-1] = values[-1].removeprefix("\n")
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(html: str) -> dict[str, list[str]]:
    """The fields a browser would submit from the page (``__prefix__`` templates left out)."""
    reader = _FormReader()
    reader.feed(html)
    return {name: values for name, values in reader.data.items() if "__prefix__" not in name}
