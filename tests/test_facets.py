"""``articles.facets``: article counts per pair of facets stay exact on every path."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles import facets
from articles.benchmarks.synthetic import write_corpus
from articles.counts import counts_kept
from articles.ingest.batching import CHUNK_SIZE
from articles.models import Article, ArticleCountry, ArticleTopic, CountedFacets, FacetPair
from tests.test_counts import SAMPLES

pytestmark = pytest.mark.django_db


def pair(one: str, other: str) -> int:
    row = FacetPair.objects.filter(facet=one, other=other).first()
    return row.article_count if row else 0


@pytest.fixture
def world(make_article, make_source, make_topic, country):
    """Two World articles from one source naming Ukraine, one of them about war."""
    dv = make_source()
    first = make_article(source=dv, section="World")
    second = make_article(source=dv, section="World")
    ua, war = country("UA"), make_topic("War")
    for article in (first, second):
        ArticleCountry.objects.create(article=article, country=ua)
    ArticleTopic.objects.create(article=first, topic=war)
    keys = {
        "dv_key": facets.key("source", dv.pk),
        "ua_key": facets.key("country", ua.pk),
        "war_key": facets.key("topic", war.pk),
        "world_key": facets.key("section", "World"),
    }
    return {"first": first, "second": second, "dv": dv, "ua": ua, "war": war, **keys}


def test_facets_count_every_pair_and_each_facet_alone(world):
    assert pair(world["ua_key"], world["ua_key"]) == 2
    assert pair(world["ua_key"], world["war_key"]) == pair(world["war_key"], world["ua_key"]) == 1
    assert pair(world["world_key"], world["dv_key"]) == 2
    assert facets.drifted() == []


def test_facets_follow_a_section_and_source_change(world, make_source):
    first = Article.objects.get(pk=world["first"].pk)
    first.section, first.source = "Europe", make_source("The Guardian")
    first.save()
    europe = facets.key("section", "Europe")
    assert pair(world["world_key"], world["war_key"]) == 0 and pair(europe, world["war_key"]) == 1
    assert pair(world["dv_key"], world["dv_key"]) == 1
    assert facets.drifted() == []


def test_facets_follow_deletes_of_links_and_articles(world):
    ArticleTopic.objects.filter(article=world["first"]).delete()
    assert pair(world["war_key"], world["ua_key"]) == 0
    world["second"].delete()
    assert pair(world["ua_key"], world["ua_key"]) == 1
    with counts_kept():
        Article.objects.all().delete()
    assert FacetPair.objects.exclude(article_count=0).count() == 0
    assert CountedFacets.objects.count() == 0


def test_facets_follow_source_merge_assign_topic_and_m2m(world, make_source, make_topic, country):
    guardian = make_source("The Guardian")
    world["dv"].merge_into(guardian)
    assert pair(facets.key("source", guardian.pk), world["ua_key"]) == 2
    assert pair(world["dv_key"], world["ua_key"]) == 0
    energy = make_topic("Energy")
    Article.objects.all().assign_topic(energy)
    assert pair(facets.key("topic", energy.pk), world["world_key"]) == 2
    world["ua"].articles.clear()  # the reverse side: every article of Ukraine
    assert pair(world["ua_key"], world["ua_key"]) == 0
    world["first"].countries.add(country("RU"))
    assert pair(facets.key("country", country("RU").pk), world["war_key"]) == 1
    assert facets.drifted() == []


def test_facets_rolled_back_block_counts_nothing(world, country):
    with pytest.raises(RuntimeError), counts_kept():
        ArticleCountry.objects.create(article=world["first"], country=country("RU"))
        raise RuntimeError
    assert pair(facets.key("country", country("RU").pk), world["ua_key"]) == 0
    assert facets.drifted() == []


def test_facets_rebuild_gives_what_the_paths_kept(world):
    kept = set(
        FacetPair.objects.exclude(article_count=0).values_list("facet", "other", "article_count")
    )
    FacetPair.objects.all().delete()
    CountedFacets.objects.all().delete()
    facets.rebuild()
    rebuilt = set(FacetPair.objects.values_list("facet", "other", "article_count"))
    assert rebuilt == kept and len(kept) == 16  # four facets on the first article: 4 × 4 pairs
    world["first"].countries.clear()  # the snapshots the rebuild wrote are what paths compare with
    assert facets.drifted() == []


def test_facets_import_and_reextract_keep_pairs_exact(db):
    out = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_seeds", str(SAMPLES / "bullets.txt"), **out)
    assert FacetPair.objects.exists()
    assert facets.drifted() == []
    Article.objects.update(body="Talks in Kyiv and Moscow; Washington watched.")
    call_command("reextract", **out)
    assert facets.drifted() == []


def test_recount_reports_facet_drift_and_fixes_it(world):
    FacetPair.objects.filter(facet=world["ua_key"], other=world["war_key"]).update(article_count=5)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 article count"):
        call_command("recount", stdout=out)
    assert f"{world['ua_key']} × {world['war_key']}: 5 → 1" in out.getvalue()
    call_command("recount", "--fix", stdout=out)
    assert facets.drifted() == [] and pair(world["ua_key"], world["war_key"]) == 1


def test_import_recounts_once_per_file_not_per_chunk(db, tmp_path, monkeypatch):
    paths = write_corpus(tmp_path, CHUNK_SIZE * 2 + 5, per_file=CHUNK_SIZE * 2 + 5)
    calls = []
    recount = facets.recount
    monkeypatch.setattr(
        facets, "recount", lambda ids, **kw: calls.append(len(ids)) or recount(ids, **kw)
    )
    call_command("import_seeds", str(paths[0]), "--workers", "1", stdout=io.StringIO())
    assert calls == [Article.objects.count()] and calls[0] > CHUNK_SIZE * 2
    assert facets.drifted() == []
