"""Article upserts: idempotent, keyed by fingerprint, keeping what editors edited."""

import pytest

from articles.ingest.records import CountryMention, PersonMention, TopicMatch
from articles.models import Article, ArticlePerson


@pytest.mark.django_db
def test_save_article_creates_article_with_links_and_provenance(save, extracted):
    value = extracted(
        source="PopularResistance.Org",
        persons=[PersonMention("Vladimir Putin", 2), PersonMention("Jeremy Galloway", 1, "author")],
        countries=[CountryMention("UA", 3)],
        topics=[TopicMatch("ukraine", "Ukraine", 1.0)],
        section="Ukraine",
    )
    article, report = save(value)
    assert report.created == 1 and report.persons_linked == 2 and report.countries_linked == 1
    assert article.provenance == "dump.txt:1-3"
    assert article.source.name == "PopularResistance.Org"
    assert article.person_links.get(person__name="Vladimir Putin").count == 2
    assert article.person_links.get(role="author").person.name == "Jeremy Galloway"
    assert article.country_links.get().country.code == "UA"
    assert article.topics.get().slug == "ukraine"


@pytest.mark.django_db
def test_save_article_twice_changes_nothing(save, extracted):
    value = extracted(persons=[PersonMention("Vladimir Putin")], countries=[CountryMention("RU")])
    first, _ = save(value)
    second, report = save(value)
    assert second.pk == first.pk
    assert (report.created, report.unchanged, report.updated) == (0, 1, 0)
    assert report.persons_linked == report.countries_linked == 0
    assert Article.objects.count() == 1 and ArticlePerson.objects.count() == 1


@pytest.mark.django_db
def test_reimport_keeps_fields_an_editor_edited(save, extracted):
    article, _ = save(extracted(section="Ukraine"))
    article.title = "Corrected by an editor"
    article.mark_edited("title")
    article.save()
    # A newer parser would now give another section and the original title.
    _, report = save(extracted(section="War in Ukraine"))
    article.refresh_from_db()
    assert article.title == "Corrected by an editor"
    assert article.section == "War in Ukraine"
    assert report.updated == 1


@pytest.mark.django_db
def test_identical_text_in_two_dumps_is_stored_once(save, extracted):
    save(extracted(title="Same words"))
    save(extracted(title="Same  words", line_start=40, line_end=41))
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_same_story_from_two_outlets_is_two_articles(save, extracted):
    save(extracted(summary="Putin spoke.", source="Dissident Voice"))
    save(extracted(summary="Putin spoke on Monday.", source="Canary"))
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_derived_title_flags_article_for_review(save, extracted):
    article, _ = save(extracted(title="A derived title", title_derived=True))
    assert article.needs_review and article.title_derived
