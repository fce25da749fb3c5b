"""Persons judged for the suspects queue, at import and by ``flag_suspects``."""

import io

import pytest
from django.core.management import call_command

from articles.choices import ReviewReason, Suspicion
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import Article, ArticlePerson, LinkRejection, Person, PersonBlock
from tests.test_counts import assert_exact

pytestmark = pytest.mark.django_db


def codes(person) -> list[str]:
    return Person.objects.get(pk=person.pk).suspicion_codes


def test_refresh_suspicion_gives_each_reason(make_person, make_source, make_article):
    make_source("Politico")
    named = {
        name: make_person(name)
        for name in ["Politico", "Normandy Smith", "Ukraine", "Lviv", "Ministry of Truth"]
    }
    real = make_person("Volodymyr Zelenskyy")
    short = make_person("Zelensky")
    for person in [*named.values(), real, short]:
        ArticlePerson.objects.create(article=make_article(), person=person)
    refresh_suspicion()
    assert codes(named["Politico"]) == [Suspicion.OUTLET, Suspicion.SINGLE_WORD]
    assert codes(named["Ukraine"]) == [Suspicion.PLACE, Suspicion.SINGLE_WORD]
    assert codes(named["Lviv"]) == [Suspicion.PLACE, Suspicion.SINGLE_WORD]  # a country alias
    assert codes(named["Ministry of Truth"]) == [Suspicion.ORGANISATION]
    assert codes(named["Normandy Smith"]) == []
    assert codes(real) == []
    assert codes(short) == [Suspicion.DUPLICATE, Suspicion.SINGLE_WORD]
    assert Person.objects.get(pk=short.pk).suspected_duplicate == real


def test_refresh_suspicion_of_a_new_person_flags_the_older_duplicate(make_person):
    short = make_person("Trump")
    refresh_suspicion([short.pk])
    assert Person.objects.get(pk=short.pk).suspected_duplicate is None
    full = make_person("Donald Trump")
    refresh_suspicion([full.pk])  # only the new one is named: its matches are judged too
    assert Person.objects.get(pk=short.pk).suspected_duplicate == full


def test_person_without_articles_is_a_suspect_from_its_count(make_person, make_article):
    lonely, named = make_person("Ada Lovelace"), make_person("Grace Hopper")
    ArticlePerson.objects.create(article=make_article(), person=named)
    assert list(Person.objects.suspects()) == [lonely]
    assert list(Person.objects.suspected(Suspicion.NO_ARTICLES)) == [lonely]


def test_flag_suspects_command_reports_each_reason(make_person):
    make_person("Keys")
    out = io.StringIO()
    call_command("flag_suspects", stdout=out)
    text = out.getvalue()
    assert "1 person(s) changed." in text and "single word: 1" in text
    assert "suspects in all: 1" in text


DUMP = """Angela Merkel visits Kyiv for reconstruction talks

Angela Merkel met officials in Kyiv on Tuesday to discuss rebuilding schools and bridges.

Harbour festival draws record crowds

Thousands gathered at the harbour for the annual festival of lights on Saturday evening.
"""

LATER = """Former chancellor returns to Berlin stage

Angela Merkel spoke in Berlin about her years in office and the future of Germany.

Rail workers vote on new contract

Members of the rail union will vote next week on a pay offer made by the operator.
"""


def import_text(tmp_path, text: str, name: str = "dump.txt") -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("import_seeds", str(path), **out)


def test_import_queues_new_articles_with_their_reasons(tmp_path):
    import_text(tmp_path, DUMP)
    merkel = Article.objects.get(title__startswith="Angela Merkel")
    festival = Article.objects.get(title__startswith="Harbour")
    assert (merkel.needs_review, merkel.review_reasons) == (False, "")
    assert (festival.needs_review, festival.review_reasons) == (True, ReviewReason.NO_COUNTRY)


def test_import_sends_an_article_naming_a_person_suspected_as_a_place_to_review(tmp_path):
    """A place or organisation suspicion queues the article; an outlet or duplicate one only
    lists the person (those depend on what was imported first: concurrent imports must agree)."""
    import_text(tmp_path, DUMP)
    merkel = Person.objects.get(name="Angela Merkel")
    article = Article.objects.get(title__startswith="Angela Merkel")
    for suspicion, queued in ((Suspicion.OUTLET, False), (Suspicion.PLACE, True)):
        Person.objects.filter(pk=merkel.pk).update(suspicion=suspicion)
        Article.objects.filter(pk=article.pk).update(needs_review=False, review_reasons="")
        Article.objects.filter(pk=article.pk).refresh_review_reasons(queue=True)
        article.refresh_from_db()
        assert article.needs_review is queued, suspicion
    assert article.review_reasons == ReviewReason.SUSPECT_PERSON


def test_import_never_recreates_a_person_rejected_as_not_a_person(tmp_path):
    import_text(tmp_path, DUMP)
    merkel = Person.objects.get(name="Angela Merkel")
    article = Article.objects.get(title__startswith="Angela Merkel")
    assert merkel.reject_as_not_a_person() == [article.pk]
    assert PersonBlock.objects.get().key == "angelamerkel"
    assert LinkRejection.objects.filter(article=article, kind="person").exists()
    import_text(tmp_path, DUMP)  # the same articles again
    import_text(tmp_path, LATER, "later.txt")  # new text naming her
    assert not Person.objects.filter(key="angelamerkel").exists()
    assert not ArticlePerson.objects.filter(person__name__contains="Merkel").exists()
    assert_exact()


def test_lifting_a_block_lets_import_create_the_person_again(tmp_path):
    PersonBlock.objects.block(["Angela Merkel"])
    import_text(tmp_path, DUMP)
    assert not Person.objects.filter(key="angelamerkel").exists()
    PersonBlock.objects.all().delete()
    import_text(tmp_path, LATER, "later.txt")
    assert Person.objects.get(key="angelamerkel").article_count == 1
