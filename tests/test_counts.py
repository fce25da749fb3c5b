"""``articles.counts``: every path that adds or removes a link keeps the stored counts exact."""

import io
import threading
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction

from articles import facets
from articles.counts import counted_models, counts_kept, find_drift, touch
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    Country,
    Person,
    Source,
    Topic,
)

pytestmark = pytest.mark.django_db(transaction=False)
SAMPLES = Path(__file__).parent / "samples"


def assert_exact() -> None:
    """Every stored article count equals the count recomputed from the links."""
    for model in counted_models():
        drifted = [(str(r), r.article_count, r.actual_count) for r in model.objects.drifted()]
        assert drifted == [], model.__name__
    assert facets.drifted() == []


def stored(row) -> int:
    return type(row).objects.get(pk=row.pk).article_count


@pytest.fixture
def linked(make_article, make_person, make_topic, make_source, country):
    """Two articles from one source, both naming Putin and Ukraine, one about war."""
    dv = make_source()
    first, second = make_article(source=dv), make_article(source=dv)
    putin, war, ua = make_person(), make_topic("War"), country("UA")
    for article in (first, second):
        ArticlePerson.objects.create(article=article, person=putin)
        ArticleCountry.objects.create(article=article, country=ua)
    ArticleTopic.objects.create(article=first, topic=war)
    return {"first": first, "second": second, "putin": putin, "war": war, "ua": ua, "dv": dv}


def test_counts_single_saves_count_each_target(linked):
    assert [stored(linked[k]) for k in ("putin", "ua", "war", "dv")] == [2, 2, 1, 2]
    assert_exact()


def test_counts_person_in_both_roles_counts_one_article(linked):
    ArticlePerson.objects.create(article=linked["first"], person=linked["putin"], role="author")
    assert stored(linked["putin"]) == 2
    assert_exact()


def test_counts_article_delete_and_source_change_recount(linked, make_source):
    linked["first"].delete()
    assert [stored(linked[k]) for k in ("putin", "ua", "war", "dv")] == [1, 1, 0, 1]
    second = Article.objects.get(pk=linked["second"].pk)
    second.source = make_source("The Guardian")
    second.save()
    assert stored(linked["dv"]) == 0 and stored(second.source) == 1
    assert_exact()


def test_counts_queryset_delete_of_articles(linked):
    with counts_kept():
        Article.objects.all().delete()
    assert stored(linked["putin"]) == 0
    assert_exact()


def test_counts_editor_link_endpoints(linked, make_person, make_topic):
    first, zelensky = linked["first"], make_person("Volodymyr Zelensky")
    first.add_link("person", zelensky.pk, count=2)
    assert stored(zelensky) == 1
    first.reject_link("country", linked["ua"].pk)
    assert stored(linked["ua"]) == 1
    ArticleTopic.objects.get(article=first, topic=linked["war"]).reject()
    assert stored(linked["war"]) == 0
    assert_exact()


def test_counts_editor_changing_a_links_target_recounts_both(linked, make_person):
    link = ArticlePerson.objects.get(article=linked["first"], person=linked["putin"])
    zelensky = make_person("Volodymyr Zelensky")
    link.person = zelensky
    link.save_by_editor(replaced_target_id=linked["putin"].pk)
    assert (stored(linked["putin"]), stored(zelensky)) == (1, 1)
    assert_exact()


def test_counts_actions_assign_topic_and_remove_person(linked, make_topic):
    energy = make_topic("Energy")
    assert Article.objects.all().assign_topic(energy) == 2
    assert stored(energy) == 2
    Article.objects.filter(pk=linked["first"].pk).remove_person(linked["putin"])
    assert stored(linked["putin"]) == 1
    assert_exact()


def test_counts_person_merge(linked, make_person, make_article):
    vladimir = make_person("Putin")
    third = make_article()
    ArticlePerson.objects.create(article=linked["first"], person=vladimir)  # a twin
    ArticlePerson.objects.create(article=third, person=vladimir)
    vladimir.merge_into(linked["putin"])
    assert stored(linked["putin"]) == 3
    assert_exact()


def test_counts_suspects_merge_into_suggested(linked, make_person, make_article):
    short = make_person("Putin")
    ArticlePerson.objects.create(article=linked["first"], person=short)  # a twin
    ArticlePerson.objects.create(article=make_article(), person=short)
    Person.objects.filter(pk=short.pk).update(suspected_duplicate=linked["putin"])
    Person.objects.get(pk=short.pk).merge_into_suggested()
    assert stored(linked["putin"]) == 3
    assert_exact()


def test_counts_suspects_not_a_person(linked):
    linked["putin"].reject_as_not_a_person()
    assert not Person.objects.filter(pk=linked["putin"].pk).exists()
    assert stored(linked["ua"]) == 2 and stored(linked["dv"]) == 2
    assert_exact()


def test_counts_many_to_many_add_remove_clear(linked, make_topic, country):
    first, ru = linked["first"], country("RU")
    first.countries.add(ru)
    assert stored(ru) == 1
    ru.articles.remove(first)
    assert stored(ru) == 0
    first.topics.clear()
    assert stored(linked["war"]) == 0
    assert_exact()


def test_counts_saving_an_entity_keeps_a_newer_count(linked):
    putin = Person.objects.get(pk=linked["putin"].pk)
    ArticlePerson.objects.filter(article=linked["first"]).delete()  # recounted to 1
    putin.name = "Vladimir V. Putin"
    putin.save()  # holds 2 in memory
    assert stored(putin) == 1


def test_counts_import_and_reextract_keep_counts_exact(db):
    out = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_seeds", str(SAMPLES / "bullets.txt"), **out)
    assert Source.objects.filter(article_count__gt=0).exists()
    assert_exact()
    Article.objects.update(body="Talks in Kyiv and Moscow; Washington watched.")
    call_command("reextract", **out)
    assert stored(Country.objects.get(code="UA")) > 0
    call_command("classify_topics", **out)
    assert_exact()


def test_counts_rolled_back_block_recounts_nothing(linked):
    with pytest.raises(RuntimeError), counts_kept():
        touch(Topic, {linked["war"].pk})
        raise RuntimeError
    assert stored(linked["war"]) == 1


def test_recount_reports_drift_and_fixes_it(linked):
    Person.objects.update(article_count=7)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 article count"):
        call_command("recount", stdout=out)
    assert "Vladimir Putin" in out.getvalue() and "7 → 2" in out.getvalue()
    call_command("recount", "--fix", stdout=out)
    assert stored(linked["putin"]) == 2
    assert not any(find_drift().values())
    call_command("recount", stdout=out)
    assert "All article counts are exact." in out.getvalue()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer at a time")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_counts_concurrent_writers_both_count(make_article):
    """A recount that waited for another transaction's lock counts that transaction's link."""
    # Its own country: earlier transactional tests may have flushed the migrated ones.
    ua = Country.objects.create(code="ZZ", alpha3="ZZZ", name="Testland")
    first, second = make_article(), make_article()
    locked = threading.Event()

    def add(article, hold: bool) -> None:
        with transaction.atomic():
            ArticleCountry.objects.create(article=article, country=ua)  # recounts UA
            if hold:  # keep UA's row locked until the other writer waits for it
                locked.set()
                time.sleep(0.5)

    def hold_then_close() -> None:
        try:
            add(first, hold=True)
        finally:
            connections.close_all()  # this thread's connection

    holder = threading.Thread(target=hold_then_close)
    holder.start()
    locked.wait(5)
    add(second, hold=False)
    holder.join()
    assert stored(ua) == 2
