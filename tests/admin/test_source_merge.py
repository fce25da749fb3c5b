"""The source registry's merge action: editors merge, viewers cannot; counts stay exact."""

import pytest
from django.urls import reverse

from articles.models import Source
from tests.models.test_source_merge import assert_exact

SOURCES = reverse("admin:articles_source_changelist")


@pytest.mark.django_db
def test_source_merge_action_confirms_then_merges(editor_client, make_source, make_article):
    guardian, feed = make_source("The Guardian"), make_source("Human rights | The Guardian")
    make_article(source=feed)
    data = {"action": "merge_sources", "_selected_action": [guardian.pk, feed.pk]}
    assert b"Merge sources" in editor_client.post(SOURCES, data).content
    confirm = editor_client.post(SOURCES, {**data, "apply": "1", "target": guardian.pk})
    assert b"Confirm the merge" in confirm.content
    assert Source.objects.count() == 2
    done = editor_client.post(
        SOURCES, {**data, "apply": "1", "target": guardian.pk, "confirm": "1"}
    )
    assert done.status_code == 302
    assert list(Source.objects.all()) == [guardian]
    assert Source.objects.get(pk=guardian.pk).article_count == 1
    assert_exact()


@pytest.mark.django_db
def test_viewer_cannot_merge_sources(viewer_client, make_source):
    one, two = make_source("One"), make_source("Two")
    data = {"action": "merge_sources", "_selected_action": [one.pk, two.pk], "apply": "1"}
    viewer_client.post(SOURCES, {**data, "target": one.pk, "confirm": "1"})
    assert Source.objects.count() == 2


@pytest.mark.django_db
def test_merging_more_than_the_limit_is_refused_with_a_message(editor_client, make_source):
    from articles.admin import entities

    sources = [make_source(f"Outlet {n}") for n in range(entities.MERGE_LIMIT + 1)]
    data = {"action": "merge_sources", "_selected_action": [s.pk for s in sources]}
    answer = editor_client.post(SOURCES, data, follow=True)
    assert f"Select at most {entities.MERGE_LIMIT} sources".encode() in answer.content
    assert Source.objects.count() == entities.MERGE_LIMIT + 1
