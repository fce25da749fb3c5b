"""The article desk: list, filters, change form, inlines, review actions and history."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.admin.templatetags.admin_list import result_headers
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ArticlePerson, ArticleTopic, LinkRejection, Origin, Person
from tests.admin.helpers import form_data, queries_for

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def submit_change_form(client, article, edit=None):
    """Post the article's change form as a browser would, after ``edit(data)``."""
    data = form_data(client.get(change_url(article)).content.decode())
    if edit:
        edit(data)
    data = {k: [v.replace("\n", "\r\n") for v in vs] for k, vs in data.items()}  # as browsers do
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    return response


@pytest.mark.parametrize(
    "query", ["", "?q=Article", "?status__exact=imported&needs_review__exact=0"]
)
def test_article_changelist_queries_do_not_grow_with_rows(
    editor_client, linked_articles, django_assert_max_num_queries, query
):
    articles = linked_articles(5)
    small = queries_for(editor_client, CHANGELIST + query)
    linked_articles(45)
    person = articles[0].persons.first()
    with django_assert_max_num_queries(small):
        queries_for(editor_client, CHANGELIST + query)
    assert small <= 16
    filtered = f"{CHANGELIST}?persons__id__exact={person.pk}&countries__id__exact=1"
    assert queries_for(editor_client, filtered) <= small + 2


def test_article_changelist_shows_counts_and_provenance(editor_client, linked_articles):
    (article,) = linked_articles(1, provenance_file="dump.txt", provenance_line_start=3)
    article.provenance_line_end = 7
    article.save()
    html = editor_client.get(CHANGELIST).content.decode()
    row = html[html.index(f'value="{article.pk}"') :]
    assert '<td class="field-person_count">2</td>' in row
    assert '<td class="field-country_count">1</td>' in row
    assert "dump.txt:3-7" in row


def test_article_changelist_columns_are_compact_with_full_values_on_hover(
    editor_client, make_article, make_source
):
    long_name = "The International Federation of Independent Community Broadcasters"
    make_article(
        source=make_source(long_name),
        section="Environment and climate justice",
        provenance_file="001_2c1f698d6d4569d6.txt",
        provenance_line_start=120,
        provenance_line_end=141,
    )
    html = editor_client.get(CHANGELIST).content.decode()
    cell = re.search(r'<td class="field-source_name">(.*?)</td>', html).group(1)
    assert f'title="{long_name}"' in cell and f">{long_name}<" not in cell
    assert re.search(r">The International[^<]{0,14}…<", cell)
    assert 'title="Environment and climate justice"' in html
    assert 'title="001_2c1f698d6d4569d6.txt:120-141">001_2c1f…:120<' in html
    assert 'id="nav-sidebar"' not in html  # the list's room goes to the columns


def test_article_changelist_filters_by_source_rather_than_sorting(
    editor_client, make_article, make_source
):
    """Sorting a million articles by outlet name sorts them all: the column filters instead."""
    zeta, alpha = make_source("Zeta News"), make_source("Alpha Press")
    make_article("From Z", source=zeta)
    make_article("From A", source=alpha)
    response = editor_client.get(CHANGELIST, {"source__id__exact": alpha.pk})
    assert [a.title for a in response.context["cl"].result_list] == ["From A"]


def test_article_changelist_searches_and_filters(
    editor_client, make_article, make_person, make_source, make_topic, country
):
    source, other_source = make_source("The Guardian"), make_source("Dissident Voice")
    wanted = make_article("Kharkiv shelled", body="Fighting in the city.", source=source)
    ArticlePerson.objects.create(article=wanted, person=make_person("Oleh Synehubov"))
    wanted.countries.add(country("UA"))
    wanted.topics.add(make_topic("War"))
    make_article("Kharkiv again", source=other_source)
    make_article("Elsewhere", body="Kharkiv in the body only", source=source, needs_review=True)

    def titles(query):
        response = editor_client.get(CHANGELIST + query)
        return sorted(a.title for a in response.context["cl"].result_list)

    assert titles("?q=kharkiv") == ["Elsewhere", "Kharkiv again", "Kharkiv shelled"]
    assert titles(f"?q=kharkiv&source__id__exact={source.pk}&needs_review__exact=0") == [
        "Kharkiv shelled"
    ]
    for lookup in ("persons", "countries", "topics"):
        target = getattr(wanted, lookup).get()
        assert titles(f"?{lookup}__id__exact={target.pk}") == ["Kharkiv shelled"]


def test_article_changelist_person_filter_is_an_autocomplete(editor_client, linked_articles):
    linked_articles(3)
    html = editor_client.get(CHANGELIST).content.decode()
    assert 'data-filter-param="persons__id__exact"' in html
    assert "Person 2</a>" not in html  # no link per person: the box searches as you type


def test_article_change_form_queries_do_not_grow_with_links(
    editor_client, make_article, make_person, country, make_topic
):
    def article_with(links):
        article = make_article()
        for i in range(links):
            person = make_person(f"Person {links}-{i}")
            ArticlePerson.objects.create(article=article, person=person)
            article.topics.add(make_topic(f"Topic {links}-{i}"))
        article.countries.add(*[country(code) for code in ["UA", "RU", "US", "FR"][:links]])
        return article

    few = queries_for(editor_client, change_url(article_with(1)))
    many = queries_for(editor_client, change_url(article_with(30)))
    assert few == many <= 12


def test_article_change_form_gives_the_body_room(editor_client, make_article):
    article = make_article(body="A long body.")
    html = editor_client.get(change_url(article)).content.decode()
    assert 'class="desk-reading"' in html and 'rows="24"' in html
    assert "articles/admin/desk.css" in html


def test_article_change_marks_only_changed_fields_edited(editor_client, make_article):
    article = make_article("Wrong title", body="First line.\nSecond line.")

    submit_change_form(editor_client, article, lambda d: d.update(title=["Right title"]))

    assert article.title == "Right title"
    assert article.body == "First line.\nSecond line."
    assert article.edited_fields == ["title"]


def test_article_inline_delete_records_a_rejection(editor_client, make_article, make_person):
    article, putin = make_article(), make_person()
    ArticlePerson.objects.create(article=article, person=putin)

    submit_change_form(
        editor_client, article, lambda d: d.update({"person_links-0-DELETE": ["on"]})
    )

    assert not article.person_links.exists()
    assert LinkRejection.objects.filter(article=article, kind="person", target_id=putin.pk).exists()
    assert article.history.first().history_change_reason == "Removed person Vladimir Putin"


def test_article_inline_add_is_an_editor_link(editor_client, make_article, make_person):
    article, putin = make_article(), make_person()

    def add_person(data):
        data.update(
            {
                "person_links-TOTAL_FORMS": ["1"],
                "person_links-0-person": [str(putin.pk)],
                "person_links-0-role": ["mentioned"],
                "person_links-0-count": ["1"],
                "person_links-0-article": [str(article.pk)],
            }
        )

    submit_change_form(editor_client, article, add_person)

    assert article.person_links.get().origin == Origin.EDITOR
    assert article.edited_fields == []


def test_article_link_history_names_the_persons_old_and_new(
    editor_client, make_article, make_person
):
    article = make_article()
    adams, brown, chen = (make_person(n) for n in ("Alice Adams", "Bob Brown", "Carol Chen"))
    ArticlePerson.objects.create(article=article, person=adams)  # row 0 (ordered by name)
    ArticlePerson.objects.create(article=article, person=brown, count=1)  # row 1

    def delete_adams_change_brown(data):
        data["person_links-0-DELETE"] = ["on"]
        data["person_links-1-person"] = [str(chen.pk)]
        data["person_links-1-count"] = ["3"]

    submit_change_form(editor_client, article, delete_adams_change_brown)

    reason = article.history.first().history_change_reason
    assert reason == "Person Bob Brown → Carol Chen, count 1 → 3; removed person Alice Adams"
    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    assert "Bob Brown → Carol Chen" in history.content.decode()


def test_article_history_reason_is_cut_between_changes(editor_client, make_article, make_person):
    article = make_article()
    for name in (
        "Alexandra Longname-Adams",
        "Bartholomew Longname-Brown",
        "Cordelia Longname-Chen",
    ):
        ArticlePerson.objects.create(article=article, person=make_person(name))

    def delete_all(data):
        data.update({f"person_links-{i}-DELETE": ["on"] for i in range(3)})

    submit_change_form(editor_client, article, delete_all)

    reason = article.history.first().history_change_reason
    assert reason.endswith("; …") or reason.endswith(" …")
    assert len(reason) <= 100 and "Alexandra Longname-Adams" in reason


def post_action(client, action, articles, **extra):
    data = {"action": action, "_selected_action": [a.pk for a in articles], **extra}
    return client.post(CHANGELIST, data)


def test_article_actions_review_and_publish(editor_client, make_article):
    first, second = make_article(needs_review=True), make_article(needs_review=True)
    post_action(editor_client, "mark_reviewed", [first])
    post_action(editor_client, "publish", [second])
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.needs_review) == ("reviewed", False)
    assert (second.status, second.needs_review) == ("published", False)
    assert first.history.first().history_user.username == "edna"


def test_article_action_assign_topic_asks_then_assigns(editor_client, make_article, make_topic):
    articles, topic = [make_article(), make_article()], make_topic()

    page = post_action(editor_client, "assign_topic", articles)
    assert page.status_code == 200 and b"Assign a topic" in page.content
    assert b'data-field-name="topics"' in page.content
    post_action(editor_client, "assign_topic", articles, apply="1", topic=topic.pk)

    links = ArticleTopic.objects.filter(topic=topic)
    assert sorted(links.values_list("article_id", flat=True)) == sorted(a.pk for a in articles)
    assert {link.origin for link in links} == {"editor"}


def test_article_action_remove_person(editor_client, make_article, make_person):
    article, putin = make_article(), make_person()
    ArticlePerson.objects.create(article=article, person=putin)

    post_action(editor_client, "remove_person", [article], apply="1", person=putin.pk)

    assert not article.person_links.exists()
    assert article.rejections.get().target_id == putin.pk


def test_article_history_shows_who_and_what_and_reverts(editor_client, make_article):
    article = make_article("Wrong title")
    submit_change_form(editor_client, article, lambda d: d.update(title=["Right title"]))

    history = editor_client.get(reverse("admin:articles_article_history", args=[article.pk]))
    html = history.content.decode()
    assert "edna" in html and "Wrong title" in html and "Right title" in html

    first = article.history.earliest()
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    data = form_data(editor_client.get(revert_url).content.decode())
    assert editor_client.post(revert_url, data).status_code == 302
    article.refresh_from_db()
    assert article.title == "Wrong title"
    latest = article.history.first()
    assert (latest.history_user.username, latest.history_change_reason) == (
        "edna",
        "reverted to an earlier version",
    )


def test_article_review_queue_is_one_click_from_the_home_page(editor_client, make_article):
    make_article(needs_review=True)
    make_article(needs_review=True)
    make_article()
    home = editor_client.get(reverse("admin:index")).content.decode()
    assert f"{CHANGELIST}?needs_review__exact=1" in home and "2 article(s) need review" in home
    queue = editor_client.get(CHANGELIST, {"needs_review__exact": "1"})
    assert queue.context["cl"].result_count == 2


def test_article_action_carries_select_all_across_its_page(editor_client, make_article, make_topic):
    articles, topic = [make_article() for _ in range(3)], make_topic()
    page = post_action(editor_client, "assign_topic", articles[:1], select_across="1")
    assert (
        b'name="select_across" value="1"' in page.content and b"3 articles selected" in page.content
    )
    post_action(
        editor_client, "assign_topic", articles[:1], select_across="1", apply="1", topic=topic.pk
    )
    assert ArticleTopic.objects.filter(topic=topic).count() == 3


def test_article_history_says_import_and_the_file_for_imported_versions(editor_client):
    sample = Path(__file__).resolve().parents[1] / "samples" / "paragraphs.txt"
    out = io.StringIO()
    call_command("import_seeds", str(sample), "--json", stdout=out, stderr=io.StringIO())
    article = Article.objects.first()
    person = Person.objects.first()

    assert article.history.first().history_change_reason == "import: paragraphs.txt"
    for url in (
        reverse("admin:articles_article_history", args=[article.pk]),
        reverse("admin:articles_person_history", args=[person.pk]),
    ):
        html = editor_client.get(url).content.decode()
        cells = re.findall(r"<td>(.*?)</td>", html, re.S)
        assert "import" in cells and "None" not in cells
    assert (
        "import: paragraphs.txt"
        in editor_client.get(
            reverse("admin:articles_article_history", args=[article.pk])
        ).content.decode()
    )


def test_article_changelist_search_is_full_text(editor_client, make_article):
    make_article("Harbour reopens", body="Ships sail again.")
    make_article("Elsewhere", body="The harbours were closed.")  # the same stem
    make_article("Arbour day", body="Trees.")  # a substring, not a word

    response = editor_client.get(CHANGELIST + "?q=harbour")
    titles = sorted(a.title for a in response.context["cl"].result_list)
    assert titles == ["Elsewhere", "Harbour reopens"]


def test_article_changelist_count_columns_are_not_sortable(editor_client, linked_articles):
    linked_articles(2)
    cl = editor_client.get(CHANGELIST).context["cl"]
    assert cl.show_full_result_count is False
    headers = {h["class_attrib"]: h["sortable"] for h in result_headers(cl)}
    unsorted = ("person_count", "country_count", "source_name")
    assert not any(s for c, s in headers.items() if any(name in c for name in unsorted))
    assert any(s for c, s in headers.items() if "column-title" in c)


def test_article_changelist_lists_each_provenance_file_once(editor_client, make_article):
    for name in ["b.txt", "a.txt", "b.txt"]:
        make_article(provenance_file=name)
    cl = editor_client.get(CHANGELIST).context["cl"]
    (spec,) = [s for s in cl.filter_specs if getattr(s, "field_path", None) == "provenance_file"]
    assert list(spec.lookup_choices) == ["a.txt", "b.txt"]
    chosen = editor_client.get(CHANGELIST + "?provenance_file__exact=b.txt").context["cl"]
    assert chosen.result_count == 2


def test_article_changelist_shows_and_filters_copies(editor_client, make_article):
    original = make_article("Original report")
    copy = make_article("Republished report", duplicate_of=original)
    html = editor_client.get(CHANGELIST).content.decode()
    assert f'href="{change_url(original)}">#{original.pk}</a>' in html
    copies = editor_client.get(f"{CHANGELIST}?duplicate_of__isempty=0").content.decode()
    originals = editor_client.get(f"{CHANGELIST}?duplicate_of__isempty=1").content.decode()
    assert "Republished report" in copies and "Original report" not in copies
    assert "Original report" in originals and "Republished report" not in originals
    assert copy.duplicate_of == original


def test_article_action_not_a_copy_is_kept_as_an_editors_choice(editor_client, make_article):
    copy = make_article("Republished", duplicate_of=make_article("Original"))
    post_action(editor_client, "mark_not_copies", [copy])
    copy.refresh_from_db()
    assert copy.duplicate_of is None and copy.edited_fields == ["duplicate_of"]


def test_article_change_form_sets_duplicate_of_by_id(editor_client, make_article):
    original, article = make_article("Original"), make_article("Later")
    submit_change_form(editor_client, article, lambda d: d.update(duplicate_of=[str(original.pk)]))
    assert article.duplicate_of == original and article.edited_fields == ["duplicate_of"]


def test_article_change_form_sets_the_date_as_the_editor_s(editor_client, make_article):
    article = make_article("Strike", dated="2024-06-24", dated_source="text")

    def edit(data):
        data["dated"] = ["2024-06-20"]

    submit_change_form(editor_client, article, edit)
    assert (str(article.dated), article.dated_source) == ("2024-06-20", "editor")
    assert "dated" in article.edited_fields
    submit_change_form(editor_client, article)  # saved again unchanged: still the editor's
    assert article.dated_source == "editor"
