"""``cluster_stories`` places stored articles, keeping editors' decisions; ``evaluate_stories``
measures the gold set and leaves the database as it was."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.ingest.persist.stories import move_articles, rename_story
from articles.ingest.story_evaluate import load_gold, pairs
from articles.models import Article, Story

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("cluster_stories", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def articles(make_article):
    titles = ["Volcano erupts near Catania", "Catania volcano eruption grounds flights"]
    titles += ["Chess final ends in a draw"]
    return [make_article(title, summary="") for title in titles]


def test_cluster_stories_places_articles_without_a_story(articles):
    assert "3 article(s) placed" in run()
    volcano, again, chess = (Article.objects.get(pk=a.pk).story_id for a in articles)
    assert volcano == again != chess
    assert "0 article(s) placed" in run()


def test_rebuild_keeps_moved_articles_and_named_stories(articles):
    run()
    chess = Article.objects.get(pk=articles[2].pk).story
    move_articles([articles[1].pk], chess)
    rename_story(chess, "Odd pair")
    output = run("--rebuild")
    # the moved article is locked and the named story keeps its articles: only the first moves
    assert "1 article(s) taken out" in output and "1 article(s) placed" in output
    assert Article.objects.get(pk=articles[1].pk).story_id == chess.pk
    assert Article.objects.get(pk=articles[2].pk).story_id == chess.pk
    assert Story.objects.get(pk=chess.pk).label == "Odd pair"
    assert Article.objects.get(pk=articles[0].pk).story_id is not None


def test_rebuild_reclusters_the_rest(articles):
    run()
    Article.objects.update(story=None)
    Story.objects.all().delete()
    assert "3 article(s) placed" in run("--rebuild")
    assert Story.objects.count() == 2


def test_evaluate_stories_prints_pair_scores_and_changes_nothing():
    out = io.StringIO()
    call_command("evaluate_stories", "--threshold", "0.25", "0.9", stdout=out)
    rows = re.findall(
        r"^\| ([\d.]+) \| (\d+) \| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \|", out.getvalue(), re.M
    )
    assert [row[0] for row in rows] == ["0.25", "0.9"]
    loose, strict = ([float(v) for v in row[1:]] for row in rows)
    assert loose[1] == strict[1] > 10  # the gold pairs
    assert loose[0] > strict[0]  # a higher threshold joins fewer articles
    assert loose[4] >= 0.75 and loose[3] >= 0.75  # the figures docs/quality.md gives
    assert not Article.objects.exists() and not Story.objects.exists()


def test_evaluate_stories_reads_a_gold_of_several_dumps_and_lists_its_errors():
    gold = "tests/gold/stories_heldout.json"
    out = io.StringIO()
    call_command("evaluate_stories", "--gold", gold, "--errors", stdout=out)
    row = re.search(r"^\| [\d.]+ \| (\d+) \| (\d+) \| (\d+) \|", out.getvalue(), re.M)
    predicted, expected, correct = map(int, row.groups())
    dumps, stories = load_gold(Path(gold))
    assert len(dumps) == 2 and expected == len(pairs(stories))
    extra = re.findall(r"^    extra: ", out.getvalue(), re.M)
    missed = re.findall(r"^    missed: ", out.getvalue(), re.M)
    assert (len(extra), len(missed)) == (predicted - correct, expected - correct)
    assert not Article.objects.exists() and not Story.objects.exists()
