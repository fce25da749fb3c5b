"""Review reasons in the API: in the article detail, as a filter, cleared by corrections."""

import pytest

from articles.choices import ReviewReason
from articles.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(make_article):
    article = make_article("Talks went on late", title_derived=True)
    Article.objects.filter(pk=article.pk).refresh_review_reasons(queue=True)
    return article


def test_article_detail_lists_its_review_reasons(api, queued):
    data = api.get(f"/api/articles/{queued.pk}/").json()
    assert data["needs_review"] is True
    assert data["review_reasons"] == [ReviewReason.DERIVED_TITLE, ReviewReason.NO_COUNTRY]


def test_review_reason_filter(api, queued, make_article):
    make_article("Other", needs_review=True)
    found = api.get("/api/articles/?review_reason=derived_title").json()["results"]
    assert [row["id"] for row in found] == [queued.pk]
    assert api.get("/api/articles/?review_reason=bogus").status_code == 400


def test_review_reason_filter_queries_are_constant(api, make_article, django_assert_num_queries):
    for _ in range(5):
        make_article(needs_review=True, review_reasons=ReviewReason.NO_COUNTRY)
    with django_assert_num_queries(1):
        assert api.get("/api/articles/?review_reason=no_country").status_code == 200


def test_patching_the_title_and_linking_a_country_clear_their_reasons(editor_api, queued):
    editor_api.patch(f"/api/articles/{queued.pk}/", {"title": "Talks"}, format="json")
    queued.refresh_from_db()
    assert (queued.title_derived, queued.review_reasons) == (False, ReviewReason.NO_COUNTRY)
    answer = editor_api.post(f"/api/articles/{queued.pk}/countries/", {"country": "UA"})
    assert answer.status_code in (200, 201)
    assert answer.json()["review_reasons"] == [] and answer.json()["needs_review"] is False
