"""The story on person, country, topic and source pages: timeline, named with, aliases, latest."""

import re

import pytest
from django.core.cache import cache

from articles.models import ArticlePerson, CountryAlias, PersonAlias
from tests.admin.helpers import queries_for


@pytest.fixture(autouse=True)
def empty_cache(settings):
    # This process's own cache: test workers sharing a Redis would empty each other's.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


def story(client, url: str) -> str:
    html = client.get(url).content.decode()
    return html[html.index('id="entity-story"') :]


def panel(html: str, panel_id: str) -> str:
    start = html.index(f'id="{panel_id}"')
    following = html.find('class="module desk-panel', start + 1)
    return html[start : following if following > 0 else len(html)]


def test_person_page_tells_its_story(viewer_client, linked_articles):
    articles = linked_articles(3)  # persons 0-1, 1-2, 2-0; all in Ukraine
    person = articles[0].persons.order_by("name").first()  # Person 0: articles 1 and 3
    PersonAlias.objects.create(person=person, name="P. Zero")
    html = story(viewer_client, f"/admin/articles/person/{person.pk}/change/")
    assert f"?persons__id__exact={person.pk}" in html and "All 2 article(s)" in html
    persons = panel(html, "story-persons")
    assert re.findall(r">(Person \d)</a></th><td>(\d)</td>", persons) == [
        ("Person 1", "1"),
        ("Person 2", "1"),
    ]
    assert "Ukraine</a></th><td>2</td>" in panel(html, "story-countries")
    assert "<li>P. Zero</li>" in panel(html, "story-aliases")
    latest = panel(html, "story-latest")
    assert articles[2].title in latest and articles[0].title in latest
    assert articles[1].title not in latest
    assert latest.index(articles[2].title) < latest.index(articles[0].title)  # newest first
    timeline = panel(html, "story-timeline")
    assert "<svg" in timeline and re.search(r"<td>2</td>", timeline)


def test_country_topic_and_source_pages_tell_their_story(viewer_client, linked_articles, country):
    articles = linked_articles(2)
    ukraine = country("UA")
    CountryAlias.objects.create(country=ukraine, text="Ukraina")
    pages = {
        f"/admin/articles/country/{ukraine.pk}/change/": f"countries__id__exact={ukraine.pk}",
        f"/admin/articles/topic/{articles[0].topics.get().pk}/change/": "topics__id__exact=",
        f"/admin/articles/source/{articles[0].source_id}/change/": "source__id__exact=",
    }
    for url, lookup in pages.items():
        html = story(viewer_client, url)
        assert lookup in html and "All 2 article(s)" in html
        assert "Person 1</a></th><td>2</td>" in panel(html, "story-persons")
        assert articles[1].title in panel(html, "story-latest")
    country_page = story(viewer_client, f"/admin/articles/country/{ukraine.pk}/change/")
    assert "<li>Ukraina</li>" in country_page
    assert "None." in panel(country_page, "story-countries")  # not named with itself


def test_story_reads_at_most_the_newest_articles(viewer_client, linked_articles, monkeypatch):
    from articles.admin import entity_pages as stories

    monkeypatch.setattr(stories, "STORY_ARTICLES", 2)
    articles = linked_articles(5)
    source = articles[0].source_id
    html = story(viewer_client, f"/admin/articles/source/{source}/change/")
    assert "All 5 article(s)" in html and "read from the newest 2" in html
    assert re.search(r"<th scope=\"row\">[0-9-]+</th><td>2</td>", panel(html, "story-timeline"))


@pytest.mark.parametrize("kind", ["person", "country", "topic", "source"])
def test_story_queries_do_not_grow_with_the_articles(viewer_client, linked_articles, kind):
    def url(articles):
        entity = {
            "person": lambda a: ArticlePerson.objects.filter(article=a).first().person,
            "country": lambda a: a.countries.get(),
            "topic": lambda a: a.topics.get(),
            "source": lambda a: a.source,
        }[kind](articles[0])
        return f"/admin/articles/{kind}/{entity.pk}/change/"

    few = queries_for(viewer_client, url(linked_articles(2)))
    cache.clear()
    many = queries_for(viewer_client, url(linked_articles(9)))
    assert many == few
    assert queries_for(viewer_client, url(linked_articles(1))) <= few - 3  # counted: cached


def test_story_counts_are_cached_but_aliases_and_latest_are_not(viewer_client, linked_articles):
    articles = linked_articles(2)
    person = articles[0].persons.order_by("name").first()
    url = f"/admin/articles/person/{person.pk}/change/"
    story(viewer_client, url)
    PersonAlias.objects.create(person=person, name="Later Alias")
    newer = linked_articles(1)[0]
    ArticlePerson.objects.get_or_create(article=newer, person=person)
    html = story(viewer_client, url)
    assert "<li>Later Alias</li>" in html
    assert newer.title in panel(html, "story-latest")
