"""The registries: persons (with merge), countries, topics, sources, link rejections."""

import pytest
from django.urls import reverse

from articles.admin.entities import MERGE_LIMIT
from articles.models import ArticlePerson, LinkRejection, Person
from tests.admin.helpers import form_data, queries_for

pytestmark = pytest.mark.django_db

PERSONS = reverse("admin:articles_person_changelist")


@pytest.mark.parametrize("model", ["person", "country", "topic", "source", "linkrejection"])
def test_registry_changelist_queries_do_not_grow_with_rows(
    editor_client, linked_articles, make_person, make_topic, make_source, model
):
    url = reverse(f"admin:articles_{model}_changelist")

    def grow(n):
        for article in linked_articles(n):
            LinkRejection.objects.create(article=article, kind="person", target_id=1)
        for i in range(n):
            make_person(f"Someone {n}-{i}").aliases.create(name=f"Alias {n}-{i}")
            make_topic(f"Topic {n}-{i}")
            make_source(f"Source {n}-{i}")

    grow(5)
    few = queries_for(editor_client, url)
    grow(45)
    assert queries_for(editor_client, url) == few <= 10


@pytest.mark.parametrize("model", ["person", "country", "topic", "source"])
def test_registry_change_form_queries_are_bounded(
    editor_client, make_person, make_topic, make_source, country, model
):
    obj = {
        "person": make_person,
        "topic": make_topic,
        "source": make_source,
        "country": lambda: country("UA"),
    }[model]()
    if model == "person":
        for i in range(30):
            obj.aliases.create(name=f"Alias {i}")
    url = reverse(f"admin:articles_{model}_change", args=[obj.pk])
    # The form's own, then the story below it (tests/admin/test_stories.py): months, persons,
    # countries, aliases, latest articles.
    assert queries_for(editor_client, url) <= 12 + 5


@pytest.mark.parametrize(
    ("model", "lookup"),
    [("person", "persons"), ("country", "countries"), ("topic", "topics"), ("source", "source")],
)
def test_registry_changelist_counts_and_links_articles(
    editor_client, linked_articles, model, lookup
):
    articles = linked_articles(4)
    target = getattr(articles[0], lookup)
    target = target if model == "source" else target.order_by("pk").first()
    changelist = reverse(f"admin:articles_{model}_changelist")
    response = editor_client.get(changelist, {"q": str(target)})
    link = f'?{lookup}__id__exact={target.pk}">'
    html = response.content.decode()
    expected = {"person": 3, "country": 4, "topic": 4, "source": 4}[model]
    assert f"{link}{expected}</a>" in html
    articles_page = editor_client.get(reverse("admin:articles_article_changelist") + link[:-2])
    assert articles_page.context["cl"].result_count == expected


def test_person_changelist_searches_aliases(editor_client, make_person):
    putin = make_person("Vladimir Putin")
    putin.aliases.create(name="Wladimir Putin")
    make_person("Joe Biden")
    response = editor_client.get(PERSONS + "?q=wladimir")
    assert [p.name for p in response.context["cl"].result_list] == ["Vladimir Putin"]


def test_person_merge_action_confirms_then_merges(editor_client, make_person, make_article):
    putin, short, other = (make_person(n) for n in ("Vladimir Putin", "Putin", "V. Putin"))
    article = make_article()
    ArticlePerson.objects.create(article=article, person=putin, count=2)
    ArticlePerson.objects.create(article=article, person=short, count=3)
    data = {"action": "merge_persons", "_selected_action": [putin.pk, short.pk, other.pk]}

    choose = editor_client.post(PERSONS, data)
    assert b"Merge persons" in choose.content
    short.aliases.create(name="Putin V.")
    confirm = editor_client.post(PERSONS, {**data, "apply": "1", "target": putin.pk})
    assert b"Confirm the merge" in confirm.content
    assert b"<td>Putin</td><td>1</td><td>1</td>" in confirm.content
    assert list(Person.objects.order_by("pk")) == [putin, short, other]
    done = editor_client.post(PERSONS, {**data, "apply": "1", "target": putin.pk, "confirm": "1"})

    assert done.status_code == 302
    assert list(Person.objects.all()) == [putin]
    assert sorted(putin.aliases.values_list("name", flat=True)) == ["Putin", "Putin V.", "V. Putin"]
    assert ArticlePerson.objects.get(article=article).count == 5


def test_link_rejection_changelist_names_the_target(editor_client, make_article, make_person):
    putin = make_person()
    LinkRejection.objects.create(article=make_article(), kind="person", target_id=putin.pk)
    html = editor_client.get(reverse("admin:articles_linkrejection_changelist")).content.decode()
    assert "Vladimir Putin" in html


def test_person_alias_edits_are_in_the_person_history(editor_client, make_person):
    putin = make_person()
    url = reverse("admin:articles_person_change", args=[putin.pk])
    data = form_data(editor_client.get(url).content.decode())
    data.update({"aliases-TOTAL_FORMS": ["1"], "aliases-0-name": ["Wladimir Putin"]})
    assert editor_client.post(url, data).status_code == 302
    assert putin.aliases.get().name == "Wladimir Putin"
    assert "Added person alias" in putin.history.first().history_change_reason


def test_editor_can_lift_a_link_rejection(editor_client, make_article):
    rejection = LinkRejection.objects.create(article=make_article(), kind="topic", target_id=1)
    url = reverse("admin:articles_linkrejection_delete", args=[rejection.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not LinkRejection.objects.exists()


def test_person_merge_into_the_only_selected_person_does_nothing(editor_client, make_person):
    putin = make_person()
    data = {"action": "merge_persons", "_selected_action": [putin.pk], "apply": "1"}
    response = editor_client.post(PERSONS, {**data, "target": putin.pk, "confirm": "1"})
    assert response.status_code == 302
    assert list(Person.objects.all()) == [putin]


def test_person_merge_offers_only_the_selected_persons(editor_client, make_person):
    putin, short = make_person("Vladimir Putin"), make_person("Putin")
    stranger = make_person("Angela Merkel")
    data = {"action": "merge_persons", "_selected_action": [putin.pk, short.pk]}

    choose = editor_client.post(PERSONS, data)
    offered = list(choose.context["form"].fields["target"].queryset)
    assert offered == [short, putin]
    html = choose.content.decode()
    assert "Vladimir Putin (0 articles)" in html and "Angela Merkel" not in html

    outside = editor_client.post(PERSONS, {**data, "apply": "1", "target": stranger.pk})
    assert "Merge into" in outside.content.decode() and outside.context["form"].errors
    assert Person.objects.count() == 3


def test_person_merge_refuses_a_selection_too_long_to_pick_from(editor_client, make_person):
    persons = [make_person(f"Person {n}") for n in range(MERGE_LIMIT + 1)]
    data = {"action": "merge_persons", "_selected_action": [p.pk for p in persons]}
    response = editor_client.post(PERSONS, data, follow=True)
    assert f"Select at most {MERGE_LIMIT} persons" in response.content.decode()
    assert Person.objects.count() == MERGE_LIMIT + 1
