"""Sources get the care persons get: feed names filed under their outlet, aliases, merges."""

import io

import pytest
from django.core.management import call_command

from articles.counts import counted_models
from articles.models import Article, Source, SourceAlias


def assert_exact() -> None:
    for model in counted_models():
        assert list(model.objects.drifted()) == [], model.__name__


BULLETS = """Category: World

  • Aid convoy reaches the border after a week of talks between the two governments.

    Trucks crossed at dawn, officials said, and more are expected on Friday.

    This post was originally published on {source}.
"""


def import_text(tmp_path, text: str, name: str = "feed.txt") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_seeds", str(path), stdout=io.StringIO(), stderr=io.StringIO())


@pytest.mark.django_db
def test_import_files_a_feed_name_under_its_outlet_with_its_section(tmp_path):
    import_text(tmp_path, BULLETS.format(source="Human rights | The Guardian"))
    article = Article.objects.get()
    assert (article.source.name, article.section) == ("The Guardian", "Human rights")


@pytest.mark.django_db
def test_import_matches_a_known_outlet_whichever_side_it_is_on(tmp_path, make_source):
    known = make_source("Mother Jones")
    import_text(tmp_path, BULLETS.format(source="Mother Jones | Climate desk"))
    article = Article.objects.get()
    assert (article.source, article.section) == (known, "Climate desk")
    assert_exact()


@pytest.mark.django_db
def test_source_merge_moves_articles_keeps_counts_exact_and_reimport_uses_the_kept_source(
    tmp_path, make_source, make_article
):
    kept, twin = make_source("Truthout"), make_source("Truth Out Latest News")
    old = [make_article(source=twin), make_article(source=kept, original_source=twin)]
    twin.aliases.create(name="Truthout.org feed")
    twin.merge_into(kept)
    assert not Source.objects.filter(pk=twin.pk).exists()
    assert {a.source_id for a in Article.objects.filter(pk__in=[a.pk for a in old])} == {kept.pk}
    assert Article.objects.get(pk=old[1].pk).original_source == kept
    assert Source.objects.get(pk=kept.pk).article_count == 2
    assert sorted(kept.aliases.values_list("name", flat=True)) == [
        "Truth Out Latest News",
        "Truthout.org feed",
    ]
    import_text(tmp_path, BULLETS.format(source="Truth Out Latest News"))
    assert Article.objects.order_by("-pk").first().source == kept
    assert Source.objects.count() == 1 and SourceAlias.objects.count() == 2
    assert Source.objects.get(pk=kept.pk).article_count == 3
    assert_exact()


@pytest.mark.django_db
def test_reextract_agrees_with_import_on_a_feed_name_s_section(tmp_path):
    """The section a feed name gives is read before extraction, so topics see the stored one."""
    import_text(tmp_path, BULLETS.format(source="Climate | The Guardian"))
    article = Article.objects.get()
    assert (article.source.name, article.section) == ("The Guardian", "Climate")
    topics = set(article.topics.values_list("slug", flat=True))
    out = io.StringIO()
    call_command("reextract", stdout=out, stderr=io.StringIO())
    assert "changed 0" in out.getvalue()
    assert set(article.topics.values_list("slug", flat=True)) == topics


@pytest.mark.django_db
def test_a_merged_feed_name_stays_under_the_source_it_was_merged_into(tmp_path, make_source):
    kept, feed = make_source("The Guardian"), make_source("Climate | The Guardian")
    feed.merge_into(kept)
    import_text(tmp_path, BULLETS.format(source="Climate | The Guardian"))
    assert Article.objects.get().source == kept
    assert Source.objects.count() == 1
