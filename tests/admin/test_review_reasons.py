"""The review queue says why: a reasons column and filter; correcting a cause clears it."""

import pytest
from django.urls import reverse

from articles.choices import ReviewReason
from articles.models import Article
from tests.admin.helpers import queries_for
from tests.admin.test_articles import CHANGELIST, submit_change_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def queued(make_article):
    """A derived-title article without a country, queued by the import rule."""
    article = make_article("Talks went on late into the night", title_derived=True)
    Article.objects.filter(pk=article.pk).refresh_review_reasons(queue=True)
    article.refresh_from_db()
    assert article.review_reasons == "derived_title no_country"
    return article


def test_review_column_and_filter_show_why(editor_client, queued, make_article):
    make_article("Nothing to see", needs_review=True)  # an editor's flag, no reason
    page = editor_client.get(f"{CHANGELIST}?needs_review__exact=1").content.decode()
    assert 'title="derived title, no country">title, country</span>' in page
    url = f"{CHANGELIST}?review_reason={ReviewReason.DERIVED_TITLE}"
    assert [a.pk for a in editor_client.get(url).context["cl"].result_list] == [queued.pk]


def test_review_reason_filter_queries_are_bounded(editor_client, make_article):
    url = f"{CHANGELIST}?review_reason={ReviewReason.NO_COUNTRY}"
    for _ in range(3):
        make_article(needs_review=True, review_reasons=ReviewReason.NO_COUNTRY)
    few = queries_for(editor_client, url)
    for _ in range(30):
        make_article(needs_review=True, review_reasons=ReviewReason.NO_COUNTRY)
    assert queries_for(editor_client, url) == few


def test_editing_the_title_clears_derived_title(editor_client, queued):
    submit_change_form(editor_client, queued, lambda d: d.update({"title": ["Late-night talks"]}))
    assert not queued.title_derived and "title_derived" in queued.edited_fields
    assert (queued.needs_review, queued.review_reasons) == (True, ReviewReason.NO_COUNTRY)


def test_adding_a_country_and_title_takes_it_off_the_queue(editor_client, queued, country):
    def correct(data):
        data.update(
            {
                "title": ["Late-night talks in Kyiv"],
                "country_links-TOTAL_FORMS": ["1"],
                "country_links-0-country": [str(country("UA").pk)],
                "country_links-0-count": ["1"],
                "country_links-0-article": [str(queued.pk)],
            }
        )

    submit_change_form(editor_client, queued, correct)
    assert (queued.needs_review, queued.review_reasons) == (False, "")


def test_mark_reviewed_clears_the_reasons(editor_client, queued):
    data = {"action": "mark_reviewed", "_selected_action": [queued.pk]}
    editor_client.post(CHANGELIST, data)
    queued.refresh_from_db()
    assert (queued.needs_review, queued.review_reasons) == (False, "")


def test_refresh_keeps_an_article_an_editor_took_off_the_queue_off(queued):
    Article.objects.filter(pk=queued.pk).mark_reviewed()
    Article.objects.filter(pk=queued.pk).refresh_review_reasons()
    queued.refresh_from_db()
    assert (queued.needs_review, queued.review_reasons) == (False, "")


def test_refresh_never_adds_a_reason_an_edit_did_not_cause(queued, make_person):
    from articles.models import ArticlePerson

    keys = make_person("Keys")
    keys.suspicion = "place single_word"
    keys.save()
    ArticlePerson.objects.create(article=queued, person=keys)  # a new cause, not an edit's fix
    queued.refresh_review_reasons()
    queued.refresh_from_db()
    assert queued.review_reasons == "derived_title no_country"


def test_change_form_shows_the_reasons(editor_client, queued):
    page = editor_client.get(reverse("admin:articles_article_change", args=[queued.pk]))
    assert "derived title, no country" in page.content.decode()
