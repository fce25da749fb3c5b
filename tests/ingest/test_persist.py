"""Persistence: idempotent upserts that keep editors' work."""

import pytest

from articles.ingest import persist
from articles.ingest.records import (
    CountryMention,
    Document,
    ExtractedArticle,
    FileReport,
    ParsedItem,
    PersonMention,
    TopicMatch,
)
from articles.models import Article, ArticlePerson, LinkRejection, Origin, Person, Source

DOC = Document(name="dump.txt", path="dumps/dump.txt", text="", sha256="a" * 64)


def extracted(title="Strike in Kharkiv", persons=(), countries=(), topics=(), **fields):
    item = ParsedItem(
        title=title,
        summary=fields.pop("summary", "Workers walked out."),
        body=fields.pop("body", ""),
        line_start=fields.pop("line_start", 1),
        line_end=fields.pop("line_end", 3),
        **fields,
    )
    return ExtractedArticle(
        item=item,
        fingerprint=item.fingerprint(),
        persons=tuple(persons),
        countries=tuple(countries),
        topics=tuple(topics),
    )


def save(value, report=None):
    report = report or FileReport(path="dump.txt")
    persist.save_chunk([value], DOC, persist.Linker(), report)
    return Article.objects.get(fingerprint=value.fingerprint), report


@pytest.mark.django_db
def test_save_article_creates_article_with_links_and_provenance():
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
def test_save_article_twice_changes_nothing():
    value = extracted(persons=[PersonMention("Vladimir Putin")], countries=[CountryMention("RU")])
    first, _ = save(value)
    second, report = save(value)
    assert second.pk == first.pk
    assert (report.created, report.unchanged, report.updated) == (0, 1, 0)
    assert report.persons_linked == report.countries_linked == 0
    assert Article.objects.count() == 1 and ArticlePerson.objects.count() == 1


@pytest.mark.django_db
def test_reimport_keeps_fields_an_editor_edited():
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
def test_reimport_never_brings_back_a_rejected_link():
    value = extracted(persons=[PersonMention("Kharkiv")])
    article, _ = save(value)
    link = article.person_links.get()
    LinkRejection.objects.create(article=article, kind="person", target_id=link.person_id)
    link.delete()
    save(value)
    assert not article.person_links.exists()


@pytest.mark.django_db
def test_resync_removes_stale_auto_links_but_keeps_editor_links(make_person):
    article, _ = save(extracted(persons=[PersonMention("Oleh Synehubov")]))
    editor_pick = make_person("Leila Hosseinzadeh")
    ArticlePerson.objects.create(article=article, person=editor_pick, origin=Origin.EDITOR)
    changes = persist.sync_auto_links(article, extracted(persons=[]))
    assert changes.removed == 1
    assert list(article.persons.values_list("name", flat=True)) == ["Leila Hosseinzadeh"]


@pytest.mark.django_db
def test_sources_spelled_differently_are_one_source():
    save(extracted(title="One", source="PopularResistance.Org"))
    save(extracted(title="Two", source="popularresistance.org"))
    assert Source.objects.count() == 1


@pytest.mark.django_db
def test_identical_text_in_two_dumps_is_stored_once():
    save(extracted(title="Same words"))
    save(extracted(title="Same  words", line_start=40, line_end=41))
    assert Article.objects.count() == 1


@pytest.mark.django_db
def test_same_story_from_two_outlets_is_two_articles():
    save(extracted(summary="Putin spoke.", source="Dissident Voice"))
    save(extracted(summary="Putin spoke on Monday.", source="Canary"))
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_resolve_person_links_a_surname_only_to_a_single_known_person(make_person):
    putin = make_person("Vladimir Putin")
    assert persist.resolve_person("Putin") == putin
    make_person("Abdullah Abdullah")
    make_person("Farooq Abdullah")
    assert persist.resolve_person("Abdullah") is None


@pytest.mark.django_db
def test_resolve_person_follows_aliases_of_merged_persons(make_person):
    person = make_person("Volodymyr Zelensky")
    person.aliases.create(name="Volodymyr Zelenskyy")
    assert persist.resolve_person("Volodymyr Zelenskyy") == person


@pytest.mark.django_db
def test_new_persons_get_unique_slugs_when_slugs_collide():
    Person.objects.create(name="Somebody renamed by an editor", slug="ri")
    save(extracted(persons=[PersonMention("Ri")]))
    assert Person.objects.get(name="Ri").slug == "ri-2"


@pytest.mark.django_db
def test_derived_title_flags_article_for_review():
    article, _ = save(extracted(title="A derived title", title_derived=True))
    assert article.needs_review and article.title_derived
