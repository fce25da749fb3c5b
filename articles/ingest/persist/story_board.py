"""The recent stories a batch of new articles may join, read once and written back once.

Placing an article (``stories.assign_stories``) reads how many recent stories share each of its
keys, the stories sharing its informative keys, then writes the story, the article and the key
rows: eight statements an article, on the import's serialised persistence path. The board reads
what a whole batch needs in three statements (key frequencies, the rows of the informative
keys, the candidate stories as they are needed), places the articles one by one in memory, as
the database would have seen them, and writes the stories, articles and key rows in bulk.

Equivalences with placing one article at a time: a key shared by more than
``NEWSDB_STORY_KEY_MAX_STORIES`` recent stories at the start of the batch stays over the bound
(a batch only adds stories), so its rows are never needed, only its count; the number of recent
stories (the idf's denominator) is read once per hour of ``created_at`` in the batch, plus the
stories the batch starts.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, Count, Q, Value, When

from articles.ingest.persist.bulk import copy_rows, set_column
from articles.ingest.story_match import ArticleKeys, idf, joined, kind_weight, similarity
from articles.models import Article, Story, StoryKey

# A story's key rows are re-dated when its newest article is this much newer than them: a big
# story growing during an import rewrites its rows once an hour, not once per article (the
# window is days long, so an hour's lag changes no candidate worth having).
KEY_DATE_SLACK = timedelta(hours=1)
KEY_LENGTH = StoryKey._meta.get_field("key").max_length
# New stories sort after every stored one (candidates are tried in story order).
_NEW = 1 << 62


@dataclass
class _Entry:
    """A story on the board: stored (``ref`` its id) or started by this batch."""

    ref: int
    story: Story
    keys: set[str] = field(default_factory=set)  # keys this batch added to it
    changed: bool = False


class StoryBoard:
    def __init__(self, keys: Iterable[ArticleKeys], earliest: datetime):
        window = timedelta(days=settings.NEWSDB_STORY_WINDOW_DAYS)
        self.window, self.most = window, settings.NEWSDB_STORY_KEY_MAX_STORIES
        wanted = {key for article in keys for key in article.keys if len(key) <= KEY_LENGTH}
        since = earliest - window
        counts = (
            StoryKey.objects.filter(key__in=wanted, last_seen__gte=since)
            .values("key")
            .annotate(n=Count("id"))
            .values_list("key", "n")
        )
        self.crowded = {key: n for key, n in counts if n > self.most}  # never informative
        rows = StoryKey.objects.filter(
            key__in=wanted - self.crowded.keys(), last_seen__gte=since
        ).values_list("key", "story_id", "last_seen")
        self.rows: dict[str, dict[int, datetime]] = defaultdict(dict)  # key → ref → last_seen
        self.keys_of: dict[int, set[str]] = defaultdict(set)  # ref → its keys on the board
        for key, story_id, last_seen in rows:
            self.rows[key][story_id] = last_seen
            self.keys_of[story_id].add(key)
        self.entries: dict[int, _Entry] = {}
        self.started = 0
        self._recent: dict[datetime, int] = {}  # hour of `since` → stored recent stories

    def prefetch(self, articles: Iterable[tuple[Article, ArticleKeys]]) -> None:
        """Read, in one statement, the stored stories these articles would consider now (the
        batch's own stories change few of them; ``place`` reads any other it needs)."""
        wanted = set()
        for article, keys in articles:
            wanted |= set(self._candidate_refs(*self._weigh(article, keys)))
        self._load(wanted)

    def place(self, article: Article, keys: ArticleKeys) -> Story:
        """Add ``article`` to its best matching recent story, or start one with it."""
        frequency, weights, since = self._weigh(article, keys)
        refs = self._candidate_refs(frequency, weights, since)
        self._load(refs)
        best, best_score = None, settings.NEWSDB_STORY_THRESHOLD
        fitting = (self.entries[ref] for ref in refs if ref in self.entries)
        for entry in (entry for entry in fitting if self._dates_fit(entry.story, article)):
            score = similarity(keys, entry.story.profile, entry.story.size, weights)
            if score >= best_score:
                best, best_score = entry, score
        if best is None:
            best = self._start(article)
        self._join(best, article, keys)
        return best.story

    def save(self, articles: Iterable[Article]) -> None:
        """Write the batch: stories started and changed, each article's story, the key rows."""
        entries = list(self.entries.values())
        Story.objects.bulk_create([entry.story for entry in entries if entry.ref >= _NEW])
        changed = [entry.story for entry in entries if entry.changed and entry.ref < _NEW]
        fields = [
            "profile",
            "size",
            "first_seen",
            "last_seen",
            "first_dated",
            "last_dated",
            "label",
        ]
        Story.objects.bulk_update(changed, fields, batch_size=500)
        set_column(Article, "story_id", {article.pk: article.story.pk for article in articles})
        rows = {True: [], False: []}  # the batch's own stories' rows (no conflict) and others'
        for entry in entries:
            last_seen = entry.story.last_seen
            rows[entry.ref >= _NEW] += [(entry.story.pk, key, last_seen) for key in entry.keys]
        copy_rows(StoryKey, ("story_id", "key", "last_seen"), rows[True])
        rows = [StoryKey(story_id=pk, key=key, last_seen=seen) for pk, key, seen in rows[False]]
        StoryKey.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        redate_keys(changed)

    def _frequency(self, key: str, since: datetime) -> int:
        if key in self.crowded:
            return self.crowded[key] + sum(1 for _ in self._added(key))
        return sum(1 for seen in self.rows.get(key, {}).values() if seen >= since)

    def _added(self, key: str):
        return (e for e in self.entries.values() if e.ref >= _NEW and key in e.keys)

    def _recent_stories(self, since: datetime) -> int:
        hour = since.replace(minute=0, second=0, microsecond=0)
        if hour not in self._recent:
            self._recent[hour] = Story.objects.recent(since).count()
        return self._recent[hour] + self.started

    def _weigh(self, article: Article, keys: ArticleKeys):
        """Each key's story frequency and weight for this article, and its window's start."""
        since = article.created_at - self.window
        frequency = {key: self._frequency(key, since) for key in keys.keys}
        recent = self._recent_stories(since)
        weights = {key: kind_weight(key) * idf(frequency[key], recent) for key in keys.keys}
        return frequency, weights, since

    def _candidate_refs(self, frequency, weights, since) -> list[int]:
        """The recent stories sharing most weight with the article, through informative keys."""
        shared: Counter = Counter()
        for key, n in frequency.items():
            if n <= self.most and weights.get(key) and key not in self.crowded:
                for ref, seen in self.rows.get(key, {}).items():
                    if seen >= since:
                        shared[ref] += weights[key]
        best = sorted(shared, key=lambda ref: (-shared[ref], -ref))  # ties: the newest
        return sorted(best[: settings.NEWSDB_STORY_CANDIDATES])

    def _load(self, refs: Iterable[int]) -> None:
        missing = [ref for ref in refs if ref not in self.entries]
        if missing:
            for story in Story.objects.filter(pk__in=missing):
                self.entries[story.pk] = _Entry(story.pk, story)

    def _dates_fit(self, story: Story, article: Article) -> bool:
        """Whether the article's date (when the text gives one) is within the window of the
        story's dated articles (when it has any)."""
        if article.dated is None or story.first_dated is None:
            return True
        window = timedelta(days=self.window.days)
        return story.first_dated - window <= article.dated <= story.last_dated + window

    def _start(self, article: Article) -> _Entry:
        story = Story(label=article.title[:500], first_seen=article.created_at, size=0)
        entry = _Entry(_NEW + self.started, story)
        self.entries[entry.ref] = entry
        self.started += 1
        return entry

    def _join(self, entry: _Entry, article: Article, keys: ArticleKeys) -> None:
        from articles.ingest.persist.stories import best_title

        story = entry.story
        story.profile = joined(story.profile, keys)
        story.size += 1
        story.first_seen = min(story.first_seen, article.created_at)
        story.last_seen = max(story.last_seen or article.created_at, article.created_at)
        if article.dated is not None:
            story.first_dated = min(story.first_dated or article.dated, article.dated)
            story.last_dated = max(story.last_dated or article.dated, article.dated)
        if not story.label_edited and story.size > 1:
            story.label = best_title(story, [(article.title, article.title_derived)])
        article.story = story
        entry.changed = True
        entry.keys |= {key[:KEY_LENGTH] for key in keys.keys}
        # The rows as the database would now date them (a longer key is stored cut short, so
        # no article's key finds it).
        for key in keys.keys:
            if len(key) <= KEY_LENGTH and key not in self.crowded:
                self.rows[key].setdefault(entry.ref, story.last_seen)
                self.keys_of[entry.ref].add(key)
        for key in self.keys_of[entry.ref]:
            if self.rows[key][entry.ref] < story.last_seen - KEY_DATE_SLACK:
                self.rows[key][entry.ref] = story.last_seen


def redate_keys(stories: list[Story]) -> int:
    """Date each story's key rows by its last article where they lag by more than the slack:
    one statement for all of them."""
    stale, last_seen = Q(), []
    for story in stories:
        stale |= Q(story=story, last_seen__lt=story.last_seen - KEY_DATE_SLACK)
        last_seen.append(When(story=story, then=Value(story.last_seen)))
    if not stories:
        return 0
    return StoryKey.objects.filter(stale).update(last_seen=Case(*last_seen))
