"""Evidence stored on automatic links: compact, kept in step with the stored text."""

import pytest

from articles.ingest.extract import Extractor
from articles.ingest.persist.catalog import load_catalog
from articles.ingest.records import CountryMention, Evidence, PersonMention
from articles.ingest.reextract import reextract_links
from articles.models import Article, ArticleCountry, ArticlePerson, Person

PUTIN = PersonMention(
    "Vladimir Putin", 2, evidence=(Evidence("title", 0, 5), Evidence("summary", 10, 24))
)


def test_save_stores_evidence_compactly_and_joins_two_spellings_of_one_person(save, extracted):
    alias = PersonMention("vladimir putin", 1, evidence=(Evidence("title", 0, 5),))
    ua = CountryMention("UA", 1, (Evidence("summary", 3, 10),))
    article, _ = save(extracted(persons=[PUTIN, alias], countries=[ua]))
    link = ArticlePerson.objects.get(article=article)
    assert (link.count, link.evidence) == (3, [["title", 0, 5], ["summary", 10, 24]])
    assert ArticleCountry.objects.get(article=article).evidence == [["summary", 3, 10]]


def test_reimport_updates_evidence_and_drops_it_where_an_editor_changed_the_text(save, extracted):
    article, _ = save(extracted(persons=[PersonMention("Vladimir Putin", 2)]))
    assert ArticlePerson.objects.get(article=article).evidence == []
    article.summary = "An editor's own words."
    article.mark_edited("summary")
    article.save()
    save(extracted(persons=[PUTIN]))  # the dump's summary differs from the stored one now
    assert ArticlePerson.objects.get(article=article).evidence == [["title", 0, 5]]


def test_editor_added_link_has_no_evidence(make_article, make_person):
    article = make_article("Talks")
    article.add_link("person", make_person("Ana Lopez").pk, count=2)
    assert ArticlePerson.objects.get(article=article).evidence == []


def test_person_merge_keeps_both_links_evidence(make_article, make_person):
    article = make_article("Putin and Vladimir Putin")
    short, full = make_person("Putin"), make_person("Vladimir Putin")
    ArticlePerson.objects.create(article=article, person=short, evidence=[["title", 0, 5]])
    ArticlePerson.objects.create(article=article, person=full, evidence=[["title", 10, 24]])
    short.merge_into(full)
    link = ArticlePerson.objects.get(article=article)
    assert (link.person, link.count) == (full, 2)
    assert link.evidence == [["title", 0, 5], ["title", 10, 24]]


@pytest.mark.django_db
def test_reextract_fills_evidence_and_keeps_photographers(make_article):
    article = make_article(
        title="Zelensky meets Macron in Kyiv",
        body="Emmanuel Macron arrived in Kyiv. (Reuters/Toby Melville) Volodymyr Zelensky "
        "thanked France.",
    )
    extractor = Extractor(load_catalog())
    reextract_links([article.pk], extractor)
    reextract_links([article.pk], extractor)  # a second run changes nothing
    links = ArticlePerson.objects.filter(article=article).select_related("person")
    assert {link.person.name: link.role for link in links}["Toby Melville"] == "photographer"
    for link in [*links, *ArticleCountry.objects.filter(article=article)]:
        for field, start, end in link.evidence:
            assert getattr(article, field)[start:end].strip() == getattr(article, field)[start:end]
    macron = links.get(person__name="Emmanuel Macron")
    assert [
        article.title[s:e] if f == "title" else article.body[s:e] for f, s, e in macron.evidence
    ] == ["Macron", "Emmanuel Macron"]
    assert Person.objects.filter(name="Reuters").count() == 0
    assert Article.objects.for_representation().get(pk=article.pk).linked_photographers == [
        {"name": "Toby Melville"}
    ]
