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

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from articles.ingest.story_match import (
    ArticleKeys,
    article_keys,
    idf,
    joined,
    kind_weight,
    similarity,
    terms,
    title_score,
)
from articles.models import LINK_MODELS, Article, ArticlePerson, Story, StoryKey

# A story's key rows are re-dated when its newest article is this much newer than them: a big
# story growing during an import rewrites its rows once an hour, not once per article (the
# window is days long, so an hour's lag changes no candidate worth having).
KEY_DATE_SLACK = timedelta(hours=1)
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
    keys = keys_of(waiting)
    for article in waiting:
        place(article, keys[article.pk])
    return len(waiting)


def place(article: Article, keys: ArticleKeys) -> Story:
    """Add ``article`` to its best matching recent story, or start a story with it."""
    since = article.created_at - timedelta(days=settings.NEWSDB_STORY_WINDOW_DAYS)
    frequency = _frequencies(keys.keys, since)
    recent = Story.objects.recent(since).count()
    weights = {key: kind_weight(key) * idf(frequency.get(key, 0), recent) for key in keys.keys}
    best, best_score = None, settings.NEWSDB_STORY_THRESHOLD
    for story in _candidates(frequency, weights, since):
        score = similarity(keys, story.profile, story.size, weights)
        if score >= best_score:
            best, best_score = story, score
    story = best or Story(label=article.title[:500], first_seen=article.created_at, size=0)
    _join(story, article, keys)
    return story


def _frequencies(keys: Iterable[str], since) -> dict[str, int]:
    """For each key, how many stories seen since ``since`` have it."""
    rows = StoryKey.objects.filter(key__in=list(keys), last_seen__gte=since).values("key")
    return dict(rows.annotate(n=Count("id")).values_list("key", "n"))


def _candidates(frequency: dict[str, int], weights: dict[str, float], since) -> list[Story]:
    """The recent stories sharing most weight with the article, through its informative keys."""
    most = settings.NEWSDB_STORY_KEY_MAX_STORIES
    informative = [k for k, n in frequency.items() if n <= most and weights.get(k)]
    rows = StoryKey.objects.filter(key__in=informative, last_seen__gte=since)
    shared: Counter = Counter()
    for story_id, key in rows.values_list("story_id", "key"):
        shared[story_id] += weights[key]
    best = [pk for pk, _ in shared.most_common(settings.NEWSDB_STORY_CANDIDATES)]
    return list(Story.objects.filter(pk__in=best).order_by("pk"))


def _join(story: Story, article: Article, keys: ArticleKeys) -> None:
    """Add the article to the story's profile, dates, size and label; index its keys."""
    story.profile = joined(story.profile, keys)
    story.size += 1
    story.first_seen = min(story.first_seen, article.created_at)
    story.last_seen = max(story.last_seen or article.created_at, article.created_at)
    if not story.label_edited and story.size > 1:
        story.label = best_title(story, [(article.title, article.title_derived)])
    story.save()
    Article.objects.filter(pk=article.pk).update(story=story)
    article.story = story
    _index_keys(story, keys.keys)


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


def _index_keys(story: Story, keys: Iterable[str]) -> None:
    """Add these keys to the story's index rows and date them all by its last article."""
    rows = [StoryKey(story=story, key=key[:120], last_seen=story.last_seen) for key in keys]
    StoryKey.objects.bulk_create(rows, ignore_conflicts=True)
    stale = StoryKey.objects.filter(story=story, last_seen__lt=story.last_seen - KEY_DATE_SLACK)
    stale.update(last_seen=story.last_seen)


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
    if not story.label_edited:
        story.label = ""
        story.label = best_title(story, ((a.title, a.title_derived) for a in articles))
    story.save()
    StoryKey.objects.filter(story=story).delete()
    _index_keys(story, set().union(*(keys[a.pk].keys for a in articles)))
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
