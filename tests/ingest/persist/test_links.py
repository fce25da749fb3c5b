"""Automatic links: added, recounted and removed to match the extractor; editors' work stays."""

from collections import Counter

import pytest

from articles.ingest.persist.links import LINK_KINDS, LinkChanges, sync_auto_links, sync_auto_topics
from articles.ingest.records import CountryMention, PersonMention, TopicMatch
from articles.models import LINK_MODELS, ArticlePerson, ArticleTopic, LinkRejection, Origin


@pytest.mark.django_db
def test_reimport_never_brings_back_a_rejected_link(save, extracted):
    value = extracted(persons=[PersonMention("Kharkiv")])
    article, _ = save(value)
    link = article.person_links.get()
    LinkRejection.objects.create(article=article, kind="person", target_id=link.person_id)
    link.delete()
    save(value)
    assert not article.person_links.exists()


@pytest.mark.django_db
def test_resync_removes_stale_auto_links_but_keeps_editor_links(make_person, save, extracted):
    article, _ = save(extracted(persons=[PersonMention("Oleh Synehubov")]))
    editor_pick = make_person("Leila Hosseinzadeh")
    ArticlePerson.objects.create(article=article, person=editor_pick, origin=Origin.EDITOR)
    changes = sync_auto_links(article, extracted(persons=[]))
    assert changes.removed == 1
    assert list(article.persons.values_list("name", flat=True)) == ["Leila Hosseinzadeh"]


@pytest.mark.django_db
def test_link_kinds_follow_the_link_models():
    assert list(LINK_KINDS) == list(LINK_MODELS)
    assert {kind.related for kind in LINK_KINDS.values()} == {
        "person_links",
        "country_links",
        "topic_links",
    }
    assert LINK_KINDS["person"].plural == "persons" and LINK_KINDS["country"].plural == "countries"


@pytest.mark.django_db
def test_link_kind_builds_a_link_from_its_key(make_article, make_person):
    article, person = make_article(), make_person()
    link = LINK_KINDS["person"].build(article, (person.pk, "author"), 3)
    assert (link.person_id, link.role, link.count, link.origin) == (person.pk, "author", 3, "auto")
    assert link.key == (person.pk, "author")
    assert LINK_KINDS["person"].target_id(link.key) == person.pk


@pytest.mark.django_db
def test_resync_recounts_changed_links_and_counts_additions_by_kind(save, extracted):
    article, _ = save(extracted(persons=[PersonMention("Oleh Synehubov")]))
    value = extracted(
        persons=[PersonMention("Oleh Synehubov", 4)], countries=[CountryMention("UA", 2)]
    )
    changes = sync_auto_links(article, value)
    assert (changes.added, changes.updated, changes.removed) == (1, 1, 0)
    assert changes.added_by_kind == {"person": 0, "country": 1, "topic": 0}
    assert article.person_links.get().count == 4


@pytest.mark.django_db
def test_sync_auto_topics_touches_only_automatic_topic_links(save, extracted, make_topic):
    article, _ = save(extracted(countries=[CountryMention("UA")]))
    editor_pick = make_topic("Editors' pick")
    ArticleTopic.objects.create(article=article, topic=editor_pick, origin=Origin.EDITOR)
    changes = sync_auto_topics(article, [TopicMatch("ukraine", "Ukraine", 0.5)])
    assert changes.added_by_kind == {"topic": 1}
    assert set(article.topics.values_list("slug", flat=True)) == {"ukraine", editor_pick.slug}
    assert article.country_links.count() == 1


def test_link_changes_add_up():
    total = LinkChanges(added=1, added_by_kind=Counter(person=1))
    total += LinkChanges(added=2, removed=1, added_by_kind=Counter(person=1, topic=1))
    assert (total.added, total.removed, total.added_by_kind) == (3, 1, {"person": 2, "topic": 1})
    assert bool(total) and not LinkChanges()
