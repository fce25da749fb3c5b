"""Search over the imported seeds agrees with a plain Python reference, whatever the database.

Run it on SQLite and on PostgreSQL (``DATABASE_URL``): both are held to the same reference, so
two green runs prove the two backends select the same articles and rank the same one first.
The reference reads the stored texts and matches words after a crude suffix stripping; the
queries are ones where it, PostgreSQL's English stemmer and FTS5's porter stemmer agree
(README, "Search", lists where they do not).
"""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
URL = "/api/articles/"
TOKEN = re.compile(r"[^\W_]+")
SUFFIXES = ("ing", "ers", "er", "es", "ed", "s", "e")
STOP_WORDS = {"the"}  # the one the queries use: both databases ignore it

# Selection: words (stemmed), phrases, `or`, `-word`, punctuation inside a word.
SELECTION = [
    "ukraine",
    "war",
    "wars",
    "strike",
    "striking",
    "protesters",
    "ceasefire",
    '"vladimir putin"',
    '"human rights"',
    '"vladimir putin" ukraine',
    "israel or ukraine",
    "afghanistan or iran",
    "trump -biden",
    "ukraine -russia",
    "ukraine russia -nato",
    "police arrested",
    "covid-19",
    "the children",  # a stop word is ignored on both
    "sanctions",
    "no-such-word-anywhere",
]
# Rank: exactly one matching article has every word in its title; it comes first.
FIRST = ['"vladimir putin"', "deliveroo", "korean soldiers", "moldova", "odessa", "flight"]
# Rank: several title hits; one of them comes first (bm25 and ts_rank may pick another).
FIRST_AMONG_TITLE_HITS = ["ukraine", "strike", "ceasefire", "taliban", "protest", "gaza"]


def stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def clauses(query: str) -> list[list[tuple[bool, list[str]]]]:
    """The query as alternatives of (negated, stemmed words) clauses: the reference parser."""
    alternatives, current = [], []
    for match in re.finditer(r'(-?)"([^"]*)"|(\S+)', query):
        negated, phrase, word = match.groups()
        if word and word.lower() == "or":
            alternatives, current = [*alternatives, current], []
            continue
        if word:
            negated, phrase = (word[:1], word[1:]) if word.startswith("-") else ("", word)
        words = TOKEN.findall(phrase.lower())
        if set(words) - STOP_WORDS:
            current.append((bool(negated), [stem(word) for word in words]))
    return [*alternatives, current]


def has(fields: list[list[str]], phrase: list[str]) -> bool:
    size = len(phrase)
    return any(words[i : i + size] == phrase for words in fields for i in range(len(words)))


def reference(articles: list[dict], query: str, title_only: bool = False) -> set[int]:
    """Ids of the articles the query selects (``title_only``: every wanted word in the title)."""
    found = set()
    for article in articles:
        texts = (
            [article["title"]] if title_only else [article[f] for f in ("title", "summary", "body")]
        )
        fields = [[stem(t) for t in TOKEN.findall(text.lower())] for text in texts]
        if any(
            all(has(fields, phrase) != negated for negated, phrase in clause)
            for clause in clauses(query)
            if not title_only or not any(negated for negated, _ in clause)
        ):
            found.add(article["id"])
    return found


def searched(api, query: str) -> list[int]:
    response = api.get(URL, {"search": query, "fields": "id", "page_size": 200})
    assert response.status_code == 200, (query, response.content)
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def seeds(db) -> list[dict]:
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO(), stderr=io.StringIO())
    return list(Article.objects.values("id", "title", "summary", "body"))


@pytest.mark.slow
def test_search_over_seeds_agrees_with_reference(api, seeds):
    assert len(seeds) > 50
    wrong = {}
    for query in SELECTION:
        expected, got = reference(seeds, query), searched(api, query)
        if set(got) != expected or len(got) != len(set(got)):
            wrong[query] = {"missing": expected - set(got), "extra": set(got) - expected}
    for query in FIRST:
        (expected,) = reference(seeds, query, title_only=True) & reference(seeds, query)
        if searched(api, query)[:1] != [expected]:
            wrong[query] = {"first": searched(api, query)[:1], "expected": expected}
    for query in FIRST_AMONG_TITLE_HITS:
        hits = reference(seeds, query, title_only=True) & reference(seeds, query)
        if len(hits) < 2 or searched(api, query)[0] not in hits:
            wrong[query] = {"first": searched(api, query)[:1], "title hits": hits}
    assert not wrong
