"""Stories grown on import and by ``assign_stories``; editors' moves, splits, merges, renames."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.ingest import pipeline
from articles.ingest.persist.stories import (
    assign_stories,
    merge_stories,
    move_articles,
    release_stories,
    rename_story,
    split_off,
    waiting_articles,
)
from articles.models import Article, Story, StoryKey
from tests.api.conftest import link
from tests.ingest.test_pipeline import MAX_BYTES, NoEntities

pytestmark = pytest.mark.django_db
DAY = datetime(2026, 3, 2, 9, tzinfo=UTC)

FERRY = [
    ("Ferry capsizes on Meghna river, dozens missing", "A crowded ferry capsized near Chandpur."),
    ("Death toll rises after Meghna ferry collision", "Divers found bodies near Chandpur."),
]
EXPORTS = ("Garment exports reach record high", "Factories shipped more clothes to Europe.")


@pytest.fixture
def story_articles(make_article, country):
    """``make(title, summary, day=0, countries=("BD",))``: an article dated ``day`` days on."""

    def make(title, summary, day=0, countries=("BD",)):
        article = make_article(title, summary=summary)
        for code in countries:
            link(article, country=country(code))
        Article.objects.filter(pk=article.pk).update(created_at=DAY + timedelta(days=day))
        article.refresh_from_db()
        return article

    return make


def place(*articles):
    assign_stories(Article.objects.filter(pk__in=[a.pk for a in articles]))
    return [Article.objects.get(pk=a.pk).story for a in articles]


def test_articles_about_one_event_share_a_story_and_others_do_not(story_articles):
    first, second = (story_articles(t, s, day=i) for i, (t, s) in enumerate(FERRY))
    other = story_articles(*EXPORTS)
    ferry, again, exports = place(first, second, other)
    assert ferry == again != exports
    assert (ferry.size, exports.size) == (2, 1)
    assert (ferry.first_seen, ferry.last_seen) == (first.created_at, second.created_at)


def test_an_article_past_the_window_starts_a_new_story(story_articles, settings):
    settings.NEWSDB_STORY_WINDOW_DAYS = 3
    first = story_articles(*FERRY[0])
    late = story_articles(*FERRY[1], day=4)
    old, new = place(first, late)
    assert old != new


def test_a_key_shared_by_too_many_recent_stories_finds_no_candidate(story_articles, settings):
    settings.NEWSDB_STORY_KEY_MAX_STORIES = 0
    assert len(set(place(*(story_articles(t, s) for t, s in FERRY)))) == 2


def test_the_label_is_the_title_most_typical_of_the_story(story_articles):
    aside = story_articles("Chandpur families wait on the Meghna river bank", "A ferry sank.")
    central = story_articles("Meghna ferry sinks near Chandpur", "A crowded ferry sank.")
    third = story_articles("Ferry sinks on Meghna near Chandpur", "Dozens missing.")
    (story, *_) = place(aside, central, third)
    story.refresh_from_db()
    assert story.size == 3
    assert story.label != aside.title


def test_an_article_dated_weeks_away_from_a_story_starts_another(story_articles):
    """Alike words, another event: the ferry of March is not the ferry of June."""
    first, second = (story_articles(t, s, day=i) for i, (t, s) in enumerate(FERRY))
    Article.objects.filter(pk=first.pk).update(dated=date(2026, 3, 1))
    Article.objects.filter(pk=second.pk).update(dated=date(2026, 6, 9))
    march, june = place(first, second)
    assert march != june
    assert (march.first_dated, march.last_dated) == (date(2026, 3, 1), date(2026, 3, 1))
    follow_up = story_articles("Meghna ferry collision inquiry opens", "Near Chandpur.", day=2)
    Article.objects.filter(pk=follow_up.pk).update(dated=date(2026, 3, 4))
    (joined,) = place(follow_up)
    assert joined == march
    assert (joined.first_dated, joined.last_dated) == (date(2026, 3, 1), date(2026, 3, 4))


def test_placing_an_article_costs_the_same_queries_however_many_stories_exist(story_articles):
    """Joining a story and starting one each cost a fixed number of statements."""

    def queries_to_place(article):
        with CaptureQueriesContext(connection) as ctx:
            place(article)
        assert Article.objects.get(pk=article.pk).story is not None
        return len(ctx.captured_queries)

    def unrelated(n):
        return story_articles(f"Qa{n} qb{n} qc{n}", f"Qd{n} qe{n}.", countries=())

    place(story_articles(*FERRY[0]))
    joining = queries_to_place(story_articles(*FERRY[1]))
    starting = queries_to_place(unrelated(0))
    for n in range(1, 30):
        place(unrelated(n))
    third = ("Meghna ferry survivors describe collision", "Divers still search near Chandpur.")
    assert queries_to_place(story_articles(*third)) == joining
    assert queries_to_place(unrelated(30)) == starting
    assert Story.objects.get(articles__title=third[0]).size == 3


def test_a_batch_places_its_articles_in_one_fixed_set_of_statements(story_articles):
    """A batch reads and writes in bulk: forty articles cost what two do."""

    def queries_to_place(articles):
        with CaptureQueriesContext(connection) as ctx:
            assign_stories(Article.objects.filter(pk__in=[a.pk for a in articles]))
        return len(ctx.captured_queries)

    def batch(size, prefix):
        return [story_articles(f"{prefix}{n}a {prefix}{n}b", "", countries=()) for n in range(size)]

    assert queries_to_place(batch(40, "Qa")) == queries_to_place(batch(2, "Qb"))
    assert Story.objects.count() == 42
    follow_ups = batch(40, "Qa") + batch(2, "Qb")  # each joins the story of its twin
    assert queries_to_place(follow_ups[:40]) == queries_to_place(follow_ups[40:])
    assert set(Story.objects.values_list("size", flat=True)) == {2}


def test_import_puts_new_articles_in_stories(tmp_path):
    text = "\n\n".join(f"{title}\n\n{summary}" for title, summary in [*FERRY, EXPORTS]) + "\n"
    dump = tmp_path / "ferry.txt"
    dump.write_text(text, encoding="utf-8")
    pipeline.import_paths([dump], extractor=NoEntities(), max_bytes=MAX_BYTES)
    stories = dict(Article.objects.values_list("title", "story_id"))
    assert stories[FERRY[0][0]] == stories[FERRY[1][0]] != stories[EXPORTS[0]]
    pipeline.import_paths([dump], extractor=NoEntities(), max_bytes=MAX_BYTES)  # re-import
    assert dict(Article.objects.values_list("title", "story_id")) == stories
    assert Story.objects.count() == 2


def test_moved_articles_stay_where_editors_put_them(story_articles):
    first, second = (story_articles(t, s) for t, s in FERRY)
    other = story_articles(*EXPORTS)
    ferry, _, exports = place(first, second, other)
    assert move_articles([second.pk], exports) == 1
    ferry.refresh_from_db()
    exports.refresh_from_db()
    assert (ferry.size, exports.size) == (1, 2)
    release_stories()
    assign_stories(waiting_articles())
    second.refresh_from_db()
    assert second.story_id == exports.pk and second.story_locked


def test_split_merge_and_rename_survive_reclustering(story_articles):
    first, second = (story_articles(t, s) for t, s in FERRY)
    other = story_articles(*EXPORTS)
    ferry, _, exports = place(first, second, other)
    alone = split_off([second.pk])
    assert alone.size == 1 and Story.objects.get(pk=ferry.pk).size == 1
    rename_story(exports, "Bangladesh garment trade")
    merged = merge_stories(exports, [Story.objects.get(pk=ferry.pk)])
    assert merged.size == 2 and not Story.objects.filter(pk=ferry.pk).exists()
    release_stories()
    assign_stories(waiting_articles())
    assert dict(Article.objects.values_list("pk", "story_id")) == {
        first.pk: exports.pk, second.pk: alone.pk, other.pk: exports.pk,
    }  # fmt: skip
    assert Story.objects.get(pk=exports.pk).label == "Bangladesh garment trade"


def test_release_deletes_emptied_stories_and_their_keys(story_articles):
    place(*(story_articles(t, s) for t, s in FERRY))
    assert StoryKey.objects.exists()
    assert release_stories() == 2
    assert not Story.objects.exists() and not StoryKey.objects.exists()


def test_key_rows_are_dated_by_the_story_newest_article(story_articles):
    first = story_articles(*FERRY[0])
    (story,) = place(first)
    second = story_articles(*FERRY[1], day=2)
    place(second)
    dates = set(StoryKey.objects.filter(story=story).values_list("last_seen", flat=True))
    assert dates == {second.created_at}
