"""The story desk: list, page, rename, merge; moving and splitting articles from their desk."""

import pytest
from django.urls import reverse

from articles.ingest.persist.stories import assign_stories
from articles.models import Article, Story
from tests.admin.helpers import form_data, queries_for
from tests.admin.test_articles import change_url, post_action, submit_change_form

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_story_changelist")


@pytest.fixture
def make_story(make_article, make_source):
    """``make(word, n)``: a story of n articles sharing the made-up event word ``word``."""

    def make(word: str, n: int = 2) -> Story:
        source = make_source()
        articles = [
            make_article(f"{word} over {word}ville", summary=f"{word}ville.", source=source)
            for _ in range(n)
        ]
        assign_stories(Article.objects.filter(pk__in=[a.pk for a in articles]))
        return Article.objects.get(pk=articles[0].pk).story

    return make


def story_url(story):
    return reverse("admin:articles_story_change", args=[story.pk])


def test_story_changelist_queries_do_not_grow_with_rows(
    editor_client, make_story, django_assert_max_num_queries
):
    for word in ["cyclone", "tornado"]:
        make_story(word)
    small = queries_for(editor_client, CHANGELIST)
    for word in ["blizzard", "hailstorm", "monsoon", "drought", "heatwave", "avalanche"]:
        make_story(word)
    with django_assert_max_num_queries(small):
        queries_for(editor_client, CHANGELIST)


def test_story_page_lists_its_articles_in_few_queries(editor_client, make_story):
    small = make_story("cyclone", 2)
    large = make_story("tornado", 8)
    html = editor_client.get(story_url(large)).content.decode()
    assert html.count("tornado over tornadoville") >= 8
    assert queries_for(editor_client, story_url(large)) == queries_for(
        editor_client, story_url(small)
    )


def test_renaming_a_story_is_kept_as_the_editors(editor_client, make_story):
    story = make_story("cyclone")
    data = form_data(editor_client.get(story_url(story)).content.decode())
    data["label"] = ["Cyclone season"]
    assert editor_client.post(story_url(story), data).status_code == 302
    story.refresh_from_db()
    assert (story.label, story.label_edited) == ("Cyclone season", True)


def test_merging_stories_moves_every_article_into_the_largest(editor_client, make_story):
    big, small = make_story("cyclone", 3), make_story("tornado", 1)
    data = {"action": "merge_selected", "_selected_action": [big.pk, small.pk]}
    assert editor_client.post(CHANGELIST, data).status_code == 302
    big.refresh_from_db()
    assert big.size == 4 and not Story.objects.filter(pk=small.pk).exists()
    assert set(big.articles.values_list("story_locked", flat=True)) == {True}


def test_article_actions_split_off_and_move_to_story(editor_client, make_story):
    cyclone, tornado = make_story("cyclone", 3), make_story("tornado", 1)
    leaving = list(cyclone.articles.order_by("pk")[:2])
    post_action(editor_client, "split_story", leaving)
    split = Article.objects.get(pk=leaving[0].pk).story
    assert split.pk != cyclone.pk and split.size == 2
    post_action(editor_client, "move_to_story", leaving[:1], apply="1", story=tornado.pk)
    tornado.refresh_from_db()
    assert tornado.size == 2 and Article.objects.get(pk=leaving[0].pk).story_locked


def test_article_form_moves_the_article_to_the_chosen_story(editor_client, make_story):
    cyclone, tornado = make_story("cyclone", 2), make_story("tornado", 1)
    article = cyclone.articles.first()
    assert 'name="story"' in editor_client.get(change_url(article)).content.decode()
    submit_change_form(editor_client, article, lambda data: data.update(story=[str(tornado.pk)]))
    assert (article.story_id, article.story_locked) == (tornado.pk, True)
    assert "story" not in article.edited_fields
    cyclone.refresh_from_db()
    assert cyclone.size == 1


def test_story_page_links_to_its_articles_on_the_article_list(editor_client, make_story):
    cyclone = make_story("cyclone", 2)
    make_story("tornado", 1)
    html = editor_client.get(story_url(cyclone)).content.decode()
    link = f"{reverse('admin:articles_article_changelist')}?story={cyclone.pk}"
    assert link in html
    listed = editor_client.get(link).content.decode()
    assert "cyclone over cycloneville" in listed and "tornadoville" not in listed


def test_deleting_an_article_recounts_its_story(admin_client, make_story):
    cyclone = make_story("cyclone", 2)
    article = cyclone.articles.first()
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302
    cyclone.refresh_from_db()
    assert cyclone.size == 1
