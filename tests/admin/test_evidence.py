"""The change form shows why each automatic link exists: its mentions, highlighted and escaped."""

import pytest
from django.urls import reverse

from articles.admin.evidence import Mark, highlighted
from articles.models import ArticleCountry, ArticlePerson
from tests.admin.test_articles import submit_change_form

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_highlighted_escapes_the_text_and_marks_each_mention():
    text = "<script>alert(1)</script> Putin & <b>Macron</b>"
    putin, macron = text.index("Putin"), text.index("Macron")
    marks = [
        Mark(putin, putin + 5, "person", "Vladimir <Putin>"),
        Mark(macron, macron + 6, "person", "Macron"),
    ]
    html = highlighted(text, marks)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp;" in html
    assert 'title="person: Vladimir &lt;Putin&gt;">Putin</mark>' in html
    assert ">Macron</mark>&lt;/b&gt;" in html


def test_highlighted_skips_overlapping_and_stale_marks():
    marks = [Mark(0, 5, "person", "a"), Mark(3, 8, "country", "b"), Mark(40, 50, "country", "c")]
    html = highlighted("Alpha beta", marks)
    assert html.count("<mark") == 1 and html.endswith(" beta")


def test_change_form_highlights_mentions_a_colour_per_kind(
    editor_client, make_article, make_person, country
):
    article = make_article("Putin in Ukraine", body="<img src=x onerror=alert(1)> Putin spoke.")
    ArticlePerson.objects.create(
        article=article,
        person=make_person("Vladimir Putin"),
        count=2,
        evidence=[["title", 0, 5], ["body", 30, 35]],
    )
    ArticleCountry.objects.create(
        article=article, country=country("UA"), evidence=[["title", 9, 16]]
    )
    html = editor_client.get(change_url(article)).content.decode()
    assert 'desk-evidence-person" title="person: Vladimir Putin">Putin</mark> in ' in html
    assert 'desk-evidence-country" title="country: Ukraine">Ukraine</mark>' in html
    assert "<img src=x" not in html  # the article's text is escaped
    assert html.count('desk-evidence-person" title=') == 2


def test_editing_the_body_drops_its_evidence_but_keeps_the_title_s(
    editor_client, make_article, make_person
):
    article = make_article("Putin speaks", body="Putin said so.")
    ArticlePerson.objects.create(
        article=article, person=make_person(), evidence=[["title", 0, 5], ["body", 0, 5]]
    )
    submit_change_form(editor_client, article, lambda d: d.update(body=["He said so, Putin."]))
    assert ArticlePerson.objects.get(article=article).evidence == [["title", 0, 5]]
