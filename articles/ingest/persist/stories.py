"""Stories grown one article at a time, and the editors' moves, splits, merges and renames.

Each new article joins the recent story it matches best (``story_match.similarity`` at least
``NEWSDB_STORY_THRESHOLD``) or starts one. Candidates come from ``StoryKey`` rows: the stories
seen in the last ``NEWSDB_STORY_WINDOW_DAYS`` sharing one of the article's informative keys (a
key more than ``NEWSDB_STORY_KEY_MAX_STORIES`` recent stories share finds none: it says nothing
of the event), the best ``NEWSDB_STORY_CANDIDATES`` of them by shared weight scored in full. So
the work per article is bounded by those settings, not by the corpus.

Editors' decisions stand: an article an editor placed (``Article.story_locked``) is never
moved by clustering, and a label an editor wrote (``Story.label_edited``) is never replaced.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from articles.ingest.persist.story_board import KEY_LENGTH, StoryBoard, redate_keys
from articles.ingest.story_match import ArticleKeys, article_keys, joined, terms, title_score
from articles.models import LINK_MODELS, Article, ArticlePerson, Story, StoryKey

# A derived title (the text had no headline) names its story only when nothing better does.
DERIVED_TITLE_FACTOR = 0.5


def keys_of(articles: Iterable[Article]) -> dict[int, ArticleKeys]:
    """Each article's keys, its links read in one query per kind (mentioned persons only)."""
    articles = list(articles)
    links: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    ids = [article.pk for article in articles]
    for kind, model in LINK_MODELS.items():
        rows = model.objects.filter(article_id__in=ids)
        if model is ArticlePerson:
            rows = rows.filter(role=ArticlePerson.Role.MENTIONED)
        for article_id, target in rows.values_list("article_id", f"{model.target_field}_id"):
            links[article_id][kind[0]].append(target)
    for article in articles:
        if article.source_id:
            links[article.pk]["s"].append(article.source_id)
    return {
        article.pk: article_keys(article.title, article.summary, article.body, links[article.pk])
        for article in articles
    }


def assign_stories(articles: Iterable[Article]) -> int:
    """Put each of these articles without a story into one, oldest first; how many were placed."""
    waiting = sorted(
        (a for a in articles if a.story_id is None and not a.story_locked),
        key=lambda a: (a.created_at, a.pk),
    )
    if not waiting:
        return 0
    keys = keys_of(waiting)
    board = StoryBoard(keys.values(), earliest=waiting[0].created_at)
    board.prefetch((article, keys[article.pk]) for article in waiting)
    for article in waiting:
        board.place(article, keys[article.pk])
    board.save(waiting)
    return len(waiting)


def best_title(story: Story, titles: Iterable[tuple[str, bool]]) -> str:
    """The story's current label or one of ``titles`` (title, derived?), whichever fits best."""

    def score(title: str, derived: bool) -> float:
        value = title_score(terms(title), story.profile, story.size)
        return value * DERIVED_TITLE_FACTOR if derived else value

    best, best_score = story.label, score(story.label, False) if story.label else -1.0
    for title, derived in titles:
        if (value := score(title, derived)) > best_score:
            best, best_score = title, value
    return best[:500]


def index_keys(story: Story, keys: Iterable[str]) -> None:
    """Add these keys to the story's index rows and date them all by its last article."""
    rows = [StoryKey(story=story, key=key[:KEY_LENGTH], last_seen=story.last_seen) for key in keys]
    StoryKey.objects.bulk_create(rows, ignore_conflicts=True)
    redate_keys([story])


def refresh(story: Story) -> Story | None:
    """Recompute a story from its articles (after editors moved some); an empty one is deleted."""
    articles = list(story.articles.order_by("created_at", "pk"))
    if not articles:
        story.delete()
        return None
    keys = keys_of(articles)
    story.profile = {}
    for article in articles:
        story.profile = joined(story.profile, keys[article.pk])
    story.size = len(articles)
    story.first_seen, story.last_seen = articles[0].created_at, articles[-1].created_at
    dates = [article.dated for article in articles if article.dated is not None]
    story.first_dated, story.last_dated = (min(dates), max(dates)) if dates else (None, None)
    if not story.label_edited:
        story.label = ""
        story.label = best_title(story, ((a.title, a.title_derived) for a in articles))
    story.save()
    StoryKey.objects.filter(story=story).delete()
    index_keys(story, set().union(*(keys[a.pk].keys for a in articles)))
    return story


@contextmanager
def stories_recomputed(articles) -> Iterator[None]:
    """Recompute the stories of these articles after the block (which deletes or moves them)."""
    ids = set(articles.exclude(story=None).values_list("story_id", flat=True))
    with transaction.atomic():
        yield
        for story in Story.objects.filter(pk__in=ids).order_by("pk"):
            refresh(story)


@transaction.atomic
def move_articles(article_ids: Iterable[int], story: Story) -> int:
    """An editor moves these articles to ``story``: clustering will leave them there."""
    articles = Article.objects.filter(pk__in=list(article_ids))
    old = set(articles.exclude(story=story).values_list("story_id", flat=True)) - {None}
    moved = articles.update(story=story, story_locked=True, updated_at=timezone.now())
    for other in Story.objects.filter(pk__in=old):
        refresh(other)
    refresh(story)
    return moved


@transaction.atomic
def split_off(article_ids: Iterable[int]) -> Story:
    """An editor splits these articles into a story of their own."""
    ids = list(article_ids)
    first = Article.objects.filter(pk__in=ids).order_by("created_at", "pk").first()
    if first is None:
        raise ValueError("No article to split off.")
    story = Story.objects.create(
        label=first.title[:500], first_seen=first.created_at, last_seen=first.created_at
    )
    move_articles(ids, story)
    return story


@transaction.atomic
def merge_stories(target: Story, others: Iterable[Story]) -> Story:
    """An editor merges ``others`` into ``target``: their articles stay together from now on."""
    other_ids = [story.pk for story in others if story.pk != target.pk]
    ids = Article.objects.filter(story_id__in=[target.pk, *other_ids]).values_list("pk", flat=True)
    move_articles(list(ids), target)
    Story.objects.filter(pk__in=other_ids).delete()
    return target


def rename_story(story: Story, label: str) -> None:
    """An editor names the story: clustering keeps this label."""
    story.label, story.label_edited = label[:500], True
    story.save(update_fields=["label", "label_edited"])


def waiting_articles():
    """Articles clustering has to place, oldest first."""
    return Article.objects.filter(story__isnull=True, story_locked=False).order_by(
        "created_at", "pk"
    )


@transaction.atomic
def release_stories() -> int:
    """Before re-clustering: take every article out of its story except editors' decisions.

    Kept: articles an editor placed (``story_locked``) and whole stories an editor named
    (``label_edited``); the stories they leave are recomputed, the empty ones deleted.
    """
    released = (
        Article.objects.filter(story__isnull=False, story_locked=False)
        .exclude(story__label_edited=True)
        .update(story=None)
    )
    kept = Article.objects.filter(story=OuterRef("pk"))
    Story.objects.exclude(Exists(kept)).delete()
    for story in Story.objects.filter(label_edited=False).order_by("pk"):
        refresh(story)
    return released
