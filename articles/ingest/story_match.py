"""Which story an article belongs to: its keys, a story's profile, their similarity (no Django).

An article is described by **keys**: ``p:<id>`` per person it names, ``c:<id>`` per country,
``t:<id>`` per topic, ``s:<id>`` for its source and ``w:<term>`` per content word of its title,
summary and lead. A story's **profile** counts, for each key, how many of its articles have it.

An article matches a story by the share of its own informative weight the story covers: each
shared key weighs its kind's weight (terms and persons count most, countries and topics little:
unrelated news shares them all the time) times its rarity among the recent stories (an inverse
document frequency), times how typical the key is of the story (the share of the story's
articles having it, square-rooted so one article's new word still counts). Sources never count:
two outlets telling one event is the point of a story.
"""

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# Kind weights, by key prefix; "s" (source) keys only serve the stories' source filter.
KIND_WEIGHTS = {"w": 1.0, "p": 1.5, "c": 0.4, "t": 0.3, "s": 0.0}
# How much of the body's start joins title and summary: the lead says what happened.
LEAD_CHARS = 400
# A word of the headline weighs this much more: headlines name the event, summaries add detail.
TITLE_BOOST = 2.0
# A profile keeps at most this many terms (its most frequent): bounded work per story.
PROFILE_TERMS = 300

WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]", re.UNICODE)
# Function words and the vocabulary of every news report: they tell no event from another.
_STOP_TEXT = """a about above after again against all also am an and any are as at be because
    been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my no nor not now of off on once only or other our ours out over
    own same she should so some such than that the their theirs them then there these they this
    those through to too under until up very was we were what when where which while who whom why
    will with would you your yours said says say told tell according report reports reported
    new news one two three first last year years day days week weeks month months today
    yesterday monday tuesday wednesday thursday friday saturday sunday people time since amid
    many much may might must us per via still yet however already another around including
    made make makes like well back get got see seen least can't won't it's"""
STOP_WORDS = frozenset(_STOP_TEXT.split())


def terms(*texts: str) -> set[str]:
    """The content words of ``texts``: lower-cased, stop words dropped, plurals folded."""
    found = set()
    for text in texts:
        for word in WORD.findall(text.lower()):
            word = word.replace("’", "'").removesuffix("'s")
            if len(word) < 3 or word in STOP_WORDS:
                continue
            found.add(_singular(word))
    return found


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class ArticleKeys:
    """What the clusterer knows of one article."""

    keys: frozenset[str]
    title_terms: frozenset[str]


def article_keys(
    title: str, summary: str, body: str, links: Mapping[str, Iterable[int]]
) -> ArticleKeys:
    """The keys of an article with these texts and ``links`` (``{"p": ids, "c": ids, …}``)."""
    words = terms(title, summary, body[:LEAD_CHARS])
    keys = {f"w:{word}" for word in words}
    keys |= {f"{kind}:{pk}" for kind, ids in links.items() for pk in ids}
    return ArticleKeys(frozenset(keys), frozenset(terms(title)))


def kind_weight(key: str) -> float:
    return KIND_WEIGHTS.get(key[0], 0.0)


def idf(frequency: int, stories: int) -> float:
    """Rarity of a key found in ``frequency`` of ``stories`` recent stories (always > 0).

    The story a key is shared with is not counted against it: a key found in one story only is
    as telling as an unseen one (else, among few stories, the very words two reports of one
    event share would weigh least).
    """
    return math.log((stories + 1) / (max(frequency - 1, 0) + 0.5)) + 0.1


def similarity(
    article: ArticleKeys, profile: Mapping[str, int], size: int, weights: Mapping[str, float]
) -> float:
    """Share of the article's weight (``weights``: key → kind weight × idf, headline words
    boosted) the story covers."""
    weight = {key: weights.get(key, 0.0) * _boost(key, article) for key in article.keys}
    total = sum(weight.values())
    if not total or not size:
        return 0.0
    covered = sum(w * math.sqrt(profile[key] / size) for key, w in weight.items() if key in profile)
    return covered / total


def _boost(key: str, article: ArticleKeys) -> float:
    return TITLE_BOOST if key.startswith("w:") and key[2:] in article.title_terms else 1.0


def joined(profile: Mapping[str, int], article: ArticleKeys) -> dict[str, int]:
    """The profile of a story after ``article`` joined it, its terms capped to the most common."""
    counts = dict(profile)
    for key in article.keys:
        counts[key] = counts.get(key, 0) + 1
    # Ties broken by the word itself: the same articles give the same profile in any process.
    words = sorted((key for key in counts if key.startswith("w:")), key=lambda k: (-counts[k], k))
    for key in words[PROFILE_TERMS:]:
        del counts[key]
    return counts


def title_score(title_terms: Iterable[str], profile: Mapping[str, int], size: int) -> float:
    """How well a title speaks for its story: the typical words it holds, not its length."""
    words = list(title_terms)
    if not words or not size:
        return 0.0
    shared = sum(profile.get(f"w:{word}", 0) / size for word in words)
    return shared / math.sqrt(len(words))
