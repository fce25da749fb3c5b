"""Re-extraction over stored articles: links follow the extractor, chunk by chunk."""

from dataclasses import replace

import pytest

from articles.ingest.persist.catalog import load_catalog
from articles.ingest.records import CountryMention, ExtractedArticle
from articles.ingest.reextract import classify_topics, reextract_links
from articles.models import ArticleCountry


class CountryExtractor:
    """Finds Ukraine in every item: enough to see links follow the extractor."""

    def extract(self, items):
        found = [ExtractedArticle(item, item.fingerprint()) for item in items]
        return [replace(value, countries=(CountryMention("UA"),)) for value in found]


@pytest.fixture
def articles(make_article):
    return [make_article(title=f"Kyiv {n}", body="Kyiv under fire.") for n in range(3)]


@pytest.mark.django_db
def test_reextract_links_syncs_every_article_and_reports_progress(articles):
    steps = []
    report = reextract_links([], CountryExtractor(), advance=steps.append)
    assert (report.seen, report.changed, report.links.added_by_kind["country"]) == (3, 3, 3)
    assert sum(steps) == 3
    assert ArticleCountry.objects.count() == 3


@pytest.mark.django_db
def test_reextract_links_dry_run_rolls_back(articles):
    report = reextract_links([articles[0].pk], CountryExtractor(), dry_run=True)
    assert (report.seen, report.changed) == (1, 1)
    assert not ArticleCountry.objects.exists()


@pytest.mark.django_db
def test_classify_topics_uses_the_catalog_taxonomy(articles, make_topic):
    make_topic("Shelling", keywords="under fire")
    report = classify_topics([articles[1].pk], load_catalog())
    assert (report.seen, report.changed) == (1, 1)
    assert list(articles[1].topics.values_list("name", flat=True)) == ["Shelling"]
