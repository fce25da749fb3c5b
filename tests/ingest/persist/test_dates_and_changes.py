"""Dates and ``updated_at`` through persistence: the text's date until an editor sets one, and
every change of an article (its fields or its links) seen by the change feed."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from articles.ingest.persist.upsert import save_text_date
from articles.ingest.records import CountryMention, PersonMention
from articles.models import Article

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def age(article: Article) -> Article:
    """Set ``updated_at`` far back, so that any later change shows."""
    Article.objects.filter(pk=article.pk).update(updated_at=LONG_AGO)
    article.refresh_from_db()
    return article


@pytest.mark.django_db
def test_import_stores_the_text_s_date_as_text(save, extracted):
    article, _ = save(replace(extracted(), dated=date(2021, 7, 9)))
    assert (article.dated, article.dated_source) == (date(2021, 7, 9), "text")
    undated, _ = save(extracted(title="No date here"))
    assert (undated.dated, undated.dated_source) == (None, "")


@pytest.mark.django_db
def test_reimport_updates_a_text_date_but_keeps_an_editor_s(save, extracted):
    value = extracted()
    article, _ = save(replace(value, dated=date(2021, 7, 9)))
    save(replace(value, dated=date(2021, 7, 8)))  # a better extractor reads another date
    article.refresh_from_db()
    assert article.dated == date(2021, 7, 8)
    article.dated, article.dated_source = date(2021, 7, 1), "editor"
    article.mark_edited("dated")
    article.save()
    _, report = save(replace(value, dated=date(2021, 7, 8)))
    article.refresh_from_db()
    assert (article.dated, article.dated_source) == (date(2021, 7, 1), "editor")
    assert report.unchanged == 1


@pytest.mark.django_db
def test_save_text_date_never_clears_a_date_nor_overrides_an_editor(save, extracted):
    article, _ = save(replace(extracted(), dated=date(2021, 7, 9)))
    assert not save_text_date(article, None, "reextract")  # captions are not stored: no news
    assert save_text_date(article, date(2021, 7, 5), "reextract")
    article.mark_edited("dated")
    assert not save_text_date(article, date(2022, 1, 1), "reextract")
    article.refresh_from_db()
    assert article.dated == date(2021, 7, 5)


@pytest.mark.django_db
def test_reimport_changing_only_links_bumps_updated_at(save, extracted):
    value = extracted(persons=[PersonMention("Vladimir Putin")])
    article = age(save(value)[0])
    save(replace(value, countries=(CountryMention("UA"),)))
    article.refresh_from_db()
    assert article.updated_at > LONG_AGO
    untouched = age(article)
    save(replace(value, countries=(CountryMention("UA"),)))  # nothing new: no change
    untouched.refresh_from_db()
    assert untouched.updated_at == LONG_AGO
