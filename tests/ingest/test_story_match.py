"""Story matching without a database: keys, similarity, profiles, labels, pair scores."""

from pathlib import Path

import pytest

from articles.ingest import story_match
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document
from articles.ingest.story_evaluate import load_gold, pair_errors, score
from articles.ingest.story_match import article_keys, joined, similarity, terms, title_score


def keys(title, summary="", **links):
    return article_keys(title, summary, "", links)


def test_terms_drop_stop_words_and_fold_plurals():
    assert terms("The protests in Belgrade: protesters say the mines poison rivers") == {
        "protest", "belgrade", "protester", "mine", "poison", "river",
    }  # fmt: skip


def test_article_keys_hold_words_and_links():
    found = keys("Ferry capsizes", "A ferry sank.", p=[3], c=[7])
    assert found.keys == {"w:ferry", "w:capsize", "w:sank", "p:3", "c:7"}
    assert found.title_terms == {"ferry", "capsize"}


def test_similarity_prefers_the_story_sharing_event_words_over_shared_countries():
    article = keys("Ferry capsizes on Meghna river", c=[1])
    ferry = joined({}, keys("Ferry sinks on Meghna river near Chandpur", c=[1]))
    exports = joined({}, keys("Garment exports reach record", c=[1]))
    weights = {key: story_match.kind_weight(key) * 2.0 for key in article.keys}
    assert similarity(article, ferry, 1, weights) > 0.5
    assert similarity(article, exports, 1, weights) < 0.1


def test_similarity_is_zero_for_an_empty_story_or_article():
    assert similarity(keys(""), {"w:x": 1}, 1, {}) == 0.0
    assert similarity(keys("Ferry"), {}, 0, {"w:ferry": 1.0}) == 0.0


def test_joined_counts_keys_and_caps_terms(monkeypatch):
    monkeypatch.setattr(story_match, "PROFILE_TERMS", 2)
    profile = joined({}, keys("alpha beta gamma", p=[1]))
    profile = joined(profile, keys("alpha beta", p=[1]))
    assert profile == {"w:alpha": 2, "w:beta": 2, "p:1": 2}


def test_title_score_favours_the_title_holding_the_story_words():
    profile = joined(
        joined({}, keys("Earthquake shakes Chile")), keys("Chile earthquake kills two")
    )
    central = title_score(terms("Chile earthquake"), profile, 2)
    aside = title_score(terms("Residents sleep outdoors"), profile, 2)
    assert central > aside == 0.0


def test_pair_scores_count_pairs_within_stories():
    gold = [["a", "b", "c"], ["d"]]
    result = score({"a": 1, "b": 1, "c": 2, "d": 2}, gold)
    assert (result.predicted, result.gold, result.correct) == (2, 3, 1)
    assert result.precision == 0.5 and round(result.recall, 3) == 0.333


def test_pair_errors_list_the_wrong_and_the_missed_pairs():
    gold = [["a", "b", "c"], ["d"]]
    found = pair_errors({"a": 1, "b": 1, "c": 2, "d": 2}, gold)
    assert found == {"extra": [("c", "d")], "missed": [("a", "c"), ("b", "c")]}


@pytest.mark.parametrize("gold", ["tests/gold/stories.json", "tests/gold/stories_heldout.json"])
def test_story_gold_lists_every_title_of_its_dumps_once(gold):
    root = Path(__file__).resolve().parents[2]
    dumps, stories = load_gold(root / gold)
    titles = [title for story in stories for title in story]
    items = [
        item for dump in dumps for item in parse_document(read_document(root / dump, 10**7)).items
    ]
    assert len(titles) == len(set(titles)) == len(items) >= 30
    assert {item.title for item in items} == set(titles)
