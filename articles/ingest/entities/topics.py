"""Topics of an article: the dump's section, plus taxonomy topics scored by keyword hits.

Score of a taxonomy topic = w / (w + 2 + words / 400), where w counts keyword hits (a hit in the
title counts twice) and ``words`` is the article's length, so a long article needs more hits.
Topics scoring at least ``THRESHOLD`` are assigned (at most ``MAX_TOPICS``, best first). Every
article gets at least one topic: its section topic; failing that its best-scoring topic with any
hit; failing that the general topic.
"""

import re
from collections import Counter
from collections.abc import Iterable

import ahocorasick

from articles.ingest.entities.spans import is_word_char
from articles.ingest.records import TopicMatch, TopicRule
from articles.normalise import slug_for

_SECTION_PREFIX = re.compile(r"^(?:category|section|topic|tag)\s*:\s*", re.IGNORECASE)
THRESHOLD = 0.4
MAX_TOPICS = 3
GENERAL_SLUG = "general"


def build_automaton(rules: Iterable[TopicRule]) -> ahocorasick.Automaton:
    """One automaton over every topic keyword (lower case), built once per run.

    Each stored value is ``(keyword, ((slug, is_prefix), ...))``: one keyword may serve topics.
    """
    automaton = ahocorasick.Automaton()
    for rule in rules:
        for keyword in rule.keywords:
            word = keyword.strip().lower()
            prefix = word.endswith("*")
            word = word.rstrip("*").strip()
            if not word:
                continue
            entries = automaton.get(word)[1] if word in automaton else ()
            automaton.add_word(word, (word, (*entries, (rule.slug, prefix))))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def keyword_hits(automaton: ahocorasick.Automaton, text: str) -> Counter:
    """Whole-word keyword hits per topic slug (a prefix keyword needs only a left boundary)."""
    hits: Counter = Counter()
    if not len(automaton) or not text:
        return hits
    lower = text.lower()
    for end_index, (word, entries) in automaton.iter(lower):
        if is_word_char(lower, end_index - len(word)):
            continue
        whole = not is_word_char(lower, end_index + 1)
        for slug, prefix in entries:
            if prefix or whole:
                hits[slug] += 1
    return hits


def score(weighted_hits: float, words: int) -> float:
    """A 0..1 score from title-weighted hits, damped by article length."""
    return round(weighted_hits / (weighted_hits + 2 + words / 400), 3)


def assign_topics(
    title: str,
    text: str,
    section: str,
    rules: Iterable[TopicRule],
    automaton: ahocorasick.Automaton,
) -> tuple[TopicMatch, ...]:
    """The section topic (score 1.0), then taxonomy topics above the threshold, best first."""
    names = {rule.slug: rule.name for rule in rules}
    weighted = keyword_hits(automaton, text) + keyword_hits(automaton, title)
    words = len(text.split())
    scored = sorted(
        (TopicMatch(slug, names[slug], score(hits, words)) for slug, hits in weighted.items()),
        key=lambda match: -match.score,
    )
    chosen = [m for m in scored if m.score >= THRESHOLD][:MAX_TOPICS]
    if section_topic := topic_for_section(section):
        chosen.insert(0, section_topic)
    if not chosen:
        chosen = scored[:1] or _general(names)
    return tuple(chosen)


def topic_for_section(section: str) -> TopicMatch | None:
    """The topic a dump section stands for: "Category: Ukraine" → Ukraine, score 1.0."""
    name = _SECTION_PREFIX.sub("", " ".join(section.split())).strip()
    return TopicMatch(slug_for(name), name, 1.0) if name else None


def _general(names: dict[str, str]) -> list[TopicMatch]:
    return [TopicMatch(GENERAL_SLUG, names.get(GENERAL_SLUG, "General news"), 0.0)]
