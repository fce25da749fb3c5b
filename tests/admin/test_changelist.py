"""The article list's sorts end with the id in the sorted column's direction (one index each)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("admin:articles_article_changelist")


@pytest.mark.parametrize(
    ("order", "expected"),
    [("4", ["status", "pk"]), ("-4", ["-status", "-pk"]), ("1", ["title", "pk"])],
)
def test_ties_are_broken_by_id_in_the_column_direction(
    editor_client, make_article, order, expected
):
    for status in ("published", "imported", "imported", "published", "reviewed"):
        make_article(status=status)
    page = editor_client.get(URL, {"o": order})
    assert page.status_code == 200
    changelist = page.context["cl"]
    assert list(changelist.queryset.query.order_by) == expected
    rows = [(article.status, article.pk) for article in changelist.result_list]
    if order == "4":  # imported, published, reviewed; ids ascending within each
        assert rows == sorted(rows)
    if order == "-4":
        assert rows == sorted(rows, reverse=True)


def test_the_default_order_is_untouched(editor_client, make_article):
    """Newest first (the model's order): -created_at, -id."""
    first, second = make_article(), make_article()
    page = editor_client.get(URL)
    assert [a.pk for a in page.context["cl"].result_list][:2] == [second.pk, first.pk]
