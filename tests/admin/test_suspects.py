"""The suspects queue (merge into the suggestion, not a person) and the name blocks."""

import pytest
from django.urls import reverse

from articles.choices import ReviewReason, Suspicion
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import (
    Article,
    ArticleCountry,
    ArticlePerson,
    LinkRejection,
    Person,
    PersonAlias,
    PersonBlock,
)
from tests.admin.helpers import queries_for
from tests.test_counts import assert_exact

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:articles_suspectperson_changelist")
BLOCKS = reverse("admin:articles_personblock_changelist")


def merge_url(person) -> str:
    return reverse("admin:articles_suspect_merge", args=[person.pk])


def reject_url(person) -> str:
    return reverse("admin:articles_suspect_reject", args=[person.pk])


@pytest.fixture
def suspects(make_person, make_article, country):
    """Zelensky (a duplicate of Volodymyr Zelenskyy) and Keys, each in an article on review."""
    rows = {name: make_person(name) for name in ["Volodymyr Zelenskyy", "Zelensky", "Keys"]}
    ua = country("UA")
    for name, person in rows.items():
        article = make_article(f"About {name}")
        ArticlePerson.objects.create(article=article, person=person)
        ArticleCountry.objects.create(article=article, country=ua)
    refresh_suspicion()
    Article.objects.refresh_review_reasons(queue=True)
    return {name: Person.objects.get(pk=person.pk) for name, person in rows.items()}


def test_queue_lists_suspects_with_reason_and_suggestion(editor_client, suspects, make_person):
    make_person("Ada Lovelace")  # no articles
    page = editor_client.get(QUEUE).content.decode()
    assert 'Volodymyr Zelenskyy</a></td><td class="field-reasons">' not in page
    for name in ["Zelensky", "Keys", "Ada Lovelace"]:
        assert f">{name}</a>" in page
    assert "likely duplicate, single word" in page and "no articles" in page
    assert "Merge into Volodymyr Zelenskyy" in page and "Not a person" in page
    only_duplicates = editor_client.get(f"{QUEUE}?reason={Suspicion.DUPLICATE}")
    assert [p.name for p in only_duplicates.context["cl"].result_list] == ["Zelensky"]


def test_queue_queries_do_not_grow_with_rows(editor_client, make_person, make_article):
    def grow(n):
        for i in range(n):
            full = make_person(f"Given{n}x{i} Surname{n}x{i}")
            ArticlePerson.objects.create(article=make_article(), person=full)
            make_person(f"Surname{n}x{i}")
        refresh_suspicion()

    grow(3)
    few = queries_for(editor_client, QUEUE)
    grow(30)
    assert queries_for(editor_client, QUEUE) == few <= 10


def test_merge_into_suggestion_in_one_click(editor_client, suspects):
    zelensky, kept = suspects["Zelensky"], suspects["Volodymyr Zelenskyy"]
    article = Article.objects.get(title="About Zelensky")
    # A likely duplicate is listed, not a review reason (it depends on what came first).
    assert article.review_reasons == ReviewReason.LOW_CONFIDENCE
    answer = editor_client.post(merge_url(zelensky))
    assert answer.status_code == 302 and answer["Location"] == QUEUE
    assert not Person.objects.filter(pk=zelensky.pk).exists()
    assert Person.objects.get(pk=kept.pk).article_count == 2
    assert PersonAlias.objects.get(person=kept).name == "Zelensky"
    article.refresh_from_db()  # the full name, not a one-word duplicate: off the queue
    assert (article.needs_review, article.review_reasons) == (False, "")
    assert_exact()


def test_not_a_person_rejects_links_blocks_the_name_and_deletes(editor_client, suspects, editor):
    keys = suspects["Keys"]
    keys.aliases.create(name="KEYS band")
    article = Article.objects.get(title="About Keys")
    answer = editor_client.post(reject_url(keys))
    assert answer.status_code == 302
    assert not Person.objects.filter(pk=keys.pk).exists()
    assert LinkRejection.objects.filter(article=article, kind="person", target_id=keys.pk).exists()
    blocks = PersonBlock.objects.order_by("name")
    assert [(b.name, b.created_by) for b in blocks] == [("KEYS band", editor), ("Keys", editor)]
    assert_exact()


def test_bulk_actions_merge_and_reject(editor_client, suspects):
    selected = [suspects["Zelensky"].pk, suspects["Keys"].pk]
    data = {"action": "merge_suggested", "_selected_action": selected}
    assert editor_client.post(QUEUE, data).status_code == 302
    assert Person.objects.filter(pk=suspects["Keys"].pk).exists()  # no suggestion: kept
    data = {"action": "not_a_person", "_selected_action": [suspects["Keys"].pk]}
    assert editor_client.post(QUEUE, data).status_code == 302
    assert list(Person.objects.values_list("name", flat=True)) == ["Volodymyr Zelenskyy"]
    assert_exact()


def test_viewer_sees_the_queue_but_may_not_act(viewer_client, suspects):
    page = viewer_client.get(QUEUE).content.decode()
    assert ">Keys</a>" in page and "Not a person" not in page
    for url in (merge_url(suspects["Zelensky"]), reject_url(suspects["Keys"])):
        assert viewer_client.post(url).status_code == 403
    data = {"action": "not_a_person", "_selected_action": [suspects["Keys"].pk]}
    viewer_client.post(QUEUE, data)
    assert Person.objects.count() == 3 and not PersonBlock.objects.exists()


def test_queue_actions_need_a_post(editor_client, suspects):
    assert editor_client.get(reject_url(suspects["Keys"])).status_code == 405
    assert Person.objects.filter(pk=suspects["Keys"].pk).exists()


def test_queue_offers_no_plain_delete(editor_client, suspects):
    assert b'value="delete_selected"' not in editor_client.get(QUEUE).content


def test_editor_lifts_a_block_viewer_may_not(editor_client, viewer, client):
    PersonBlock.objects.block(["Keys"])
    block = PersonBlock.objects.get()
    assert b"Keys" in editor_client.get(BLOCKS).content
    delete = reverse("admin:articles_personblock_delete", args=[block.pk])
    client.force_login(viewer)
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert PersonBlock.objects.exists()


def test_editor_lifts_a_block(editor_client):
    PersonBlock.objects.block(["Keys"])
    delete = reverse("admin:articles_personblock_delete", args=[PersonBlock.objects.get().pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not PersonBlock.objects.exists()


def test_block_list_queries_do_not_grow_with_rows(editor_client, editor):
    PersonBlock.objects.block([f"Name {i}" for i in range(3)], editor)
    few = queries_for(editor_client, BLOCKS)
    PersonBlock.objects.block([f"Other {i}" for i in range(30)], editor)
    assert queries_for(editor_client, BLOCKS) == few <= 8


def test_person_change_form_edits_the_wikidata_id(editor_client, make_person):
    from tests.admin.helpers import form_data

    first, second = make_person("Ada Lovelace"), make_person("Grace Hopper")
    url = reverse("admin:articles_person_change", args=[second.pk])
    data = form_data(editor_client.get(url).content.decode())
    assert editor_client.post(url, {**data, "wikidata_id": ["Q7259"]}).status_code == 302
    assert Person.objects.get(pk=second.pk).wikidata_id == "Q7259"
    url = reverse("admin:articles_person_change", args=[first.pk])
    data = form_data(editor_client.get(url).content.decode())
    taken = editor_client.post(url, {**data, "wikidata_id": ["Q7259"]})
    assert (
        taken.status_code == 200
        and "Another person has this Wikidata id." in taken.content.decode()
    )
    bad = editor_client.post(url, {**data, "wikidata_id": ["7259"]})
    assert bad.status_code == 200 and Person.objects.get(pk=first.pk).wikidata_id == ""


def test_desk_home_links_the_suspects_queue_with_its_size(editor_client, suspects):
    home = editor_client.get(reverse("admin:index")).content.decode()
    assert QUEUE in home and "2 person(s) look wrong" in home


def test_not_a_person_is_in_the_articles_history(editor_client, suspects):
    editor_client.post(reject_url(suspects["Keys"]))
    article = Article.objects.get(title="About Keys")
    assert (
        article.history.first().history_change_reason == "removed person link Keys (not a person)"
    )


def test_renaming_a_suspect_judges_it_again(editor_client, suspects):
    from tests.admin.helpers import form_data

    keys = suspects["Keys"]
    url = reverse("admin:articles_person_change", args=[keys.pk])
    data = form_data(editor_client.get(url).content.decode())
    assert editor_client.post(url, {**data, "name": ["Alicia Keys"]}).status_code == 302
    assert Person.objects.get(pk=keys.pk).suspicion_codes == []
