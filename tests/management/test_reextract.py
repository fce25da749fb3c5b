"""reextract and classify_topics: automatic links follow the extractor, editors' work stays."""

import pytest
from django.core.management import call_command

from articles.choices import ReviewReason, Suspicion
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    ArticleTopic,
    LinkRejection,
    Origin,
    Person,
)

BODY = "Russian President Vladimir Putin spoke in Moscow. Putin said Ukraine must negotiate."


@pytest.fixture
def article(make_article):
    return make_article(title="Putin speaks", summary="", body=BODY, section="Category: Ukraine")


@pytest.mark.django_db
def test_reextract_adds_auto_links(article, capsys):
    call_command("reextract", "--articles", str(article.pk))
    assert set(article.countries.values_list("code", flat=True)) == {"RU", "UA"}
    assert list(article.persons.values_list("name", flat=True)) == ["Vladimir Putin"]
    assert article.topics.filter(slug="ukraine").exists()
    assert "1 article(s) re-extracted, changed 1" in capsys.readouterr().out


@pytest.mark.django_db
def test_reextract_dry_run_changes_nothing(article):
    call_command("reextract", "--dry-run")
    assert not ArticleCountry.objects.exists()


@pytest.mark.django_db
def test_reextract_keeps_editor_links_and_rejections(article, country, make_person):
    editor_person = make_person("Maria Zakharova")
    ArticlePerson.objects.create(article=article, person=editor_person, origin=Origin.EDITOR)
    LinkRejection.objects.create(article=article, kind="country", target_id=country("UA").pk)
    ArticleCountry.objects.create(article=article, country=country("FR"), origin=Origin.AUTO)
    call_command("reextract")
    codes = set(article.countries.values_list("code", flat=True))
    assert codes == {"RU"}  # UA rejected by an editor, the stale auto FR link removed
    assert article.person_links.filter(person=editor_person, origin=Origin.EDITOR).exists()


@pytest.mark.django_db
def test_classify_topics_keeps_editor_topics_and_touches_only_topics(article, make_topic):
    editor_topic = make_topic("Editors' pick")
    ArticleTopic.objects.create(article=article, topic=editor_topic, origin=Origin.EDITOR)
    call_command("classify_topics", "--articles", str(article.pk))
    slugs = set(article.topics.values_list("slug", flat=True))
    assert {"ukraine", editor_topic.slug} <= slugs
    assert not article.country_links.exists()


@pytest.mark.django_db
def test_reextract_second_run_changes_nothing(article, capsys):
    call_command("reextract")
    capsys.readouterr()
    call_command("reextract")
    assert "changed 0" in capsys.readouterr().out


@pytest.mark.django_db
def test_reextract_finds_a_person_an_editor_confirmed_in_every_article(make_article, make_person):
    """One editor's correction improves every article: the model tags this "Kellogg" ORG."""
    missed = make_article(title="Talks", summary="", body="Kellogg is refusing to go along.")
    call_command("reextract")
    assert not missed.persons.exists()
    kellogg = make_person("Keith Kellogg")
    ArticlePerson.objects.create(article=make_article(), person=kellogg, origin=Origin.EDITOR)
    call_command("reextract")
    assert list(missed.persons.all()) == [kellogg]


def _queue(article) -> tuple[bool, str]:
    article.refresh_from_db()
    return article.needs_review, article.review_reasons


@pytest.mark.django_db
def test_reextract_that_removes_the_cause_takes_the_article_off_the_queue(article, make_person):
    """A stale automatic link to a suspect person is gone, countries are found: no reason left."""
    junk = make_person("Ministry of Truth")
    refresh_suspicion([junk.pk])
    ArticlePerson.objects.create(article=article, person=junk, origin=Origin.AUTO)
    Article.objects.filter(pk=article.pk).refresh_review_reasons(queue=True)
    assert _queue(article) == (True, "no_country suspect_person")
    call_command("reextract", "--articles", str(article.pk))
    assert _queue(article) == (False, "")


@pytest.mark.django_db
def test_reextract_judges_the_persons_it_makes_and_queues_their_suspects(article):
    """A lone surname named once, made a person by reextract: judged, a low-confidence link."""
    body = f"{BODY} Kowalczyk, a farmer, told reporters he was angry."
    Article.objects.filter(pk=article.pk).update(body=body)
    call_command("reextract", "--articles", str(article.pk))
    made = Person.objects.get(name="Kowalczyk")
    assert made.suspicion_codes == [Suspicion.SINGLE_WORD]
    assert _queue(article) == (True, ReviewReason.LOW_CONFIDENCE)


@pytest.mark.django_db
def test_reextract_keeps_an_editor_s_choice_of_queue(article, make_person):
    """Reviewed by an editor, then a suspect link appears: the article stays off the queue."""
    junk = make_person("Bureau of Lost Things")
    refresh_suspicion([junk.pk])
    ArticlePerson.objects.create(article=article, person=junk, origin=Origin.EDITOR)
    Article.objects.filter(pk=article.pk).mark_reviewed()
    call_command("reextract", "--articles", str(article.pk))
    assert _queue(article) == (False, "")
    assert Article.objects.filter(pk=article.pk).with_review_causes().get().cause_suspect_person


@pytest.mark.django_db
def test_reextract_keeps_an_article_an_editor_queued_on_the_queue(article):
    """Queued by hand with no reason: reextract finds nothing wrong, the editor's flag stands."""
    article.needs_review = True
    article.mark_edited("needs_review")
    article.save()
    call_command("reextract", "--articles", str(article.pk))
    assert article.country_links.exists()  # the links did change
    assert _queue(article)[0] is True
