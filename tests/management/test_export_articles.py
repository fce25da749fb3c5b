import csv
import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.models import Article, ArticleCountry, ArticlePerson, ArticleTopic

KEYS = {
    "id", "title", "title_derived", "summary", "body", "authors", "photographers", "source",
    "original_source", "section", "topics", "persons", "countries", "status", "needs_review",
    "review_reasons", "duplicate_of", "duplicates", "dated", "dated_source", "provenance",
    "created_at", "updated_at", "story",
}  # fmt: skip


def export(*args) -> str:
    out = io.StringIO()
    call_command("export_articles", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def linked_article(make_article, make_source, make_person, make_topic, country):
    article = make_article(
        "Strike at the port", source=make_source("Dissident Voice"), section="Labour"
    )
    ArticlePerson.objects.create(
        article=article, person=make_person("Jeremy Galloway"), role="author"
    )
    ArticlePerson.objects.create(article=article, person=make_person("Jill Stein"), count=3)
    ArticleCountry.objects.create(article=article, country=country("US"), count=2)
    ArticleTopic.objects.create(article=article, topic=make_topic("Labour"), score=0.8)
    return article


@pytest.mark.django_db
def test_export_articles_writes_one_json_line_per_article_in_id_order(linked_article, make_article):
    make_article("Second")
    lines = export().splitlines()
    rows = [json.loads(line) for line in lines]
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    first = rows[0]
    assert set(first) == KEYS
    assert first["authors"] == ["Jeremy Galloway"]
    assert first["persons"] == [
        {"id": first["persons"][0]["id"], "name": "Jill Stein", "mentions": 3, "evidence": []}
    ]
    assert first["photographers"] == []
    assert first["countries"] == [
        {"code": "US", "name": "United States", "mentions": 2, "evidence": []}
    ]
    assert first["topics"][0]["slug"] == "labour" and first["topics"][0]["score"] == 0.8
    assert first["source"]["name"] == "Dissident Voice"
    assert first["provenance"]["file"] == "sample.txt"


@pytest.mark.django_db
def test_export_articles_since_keeps_only_recently_updated(make_article):
    old = make_article("Old")
    Article.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=10))
    make_article("New")
    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    titles = [json.loads(line)["title"] for line in export("--since", since).splitlines()]
    assert titles == ["New"]


@pytest.mark.django_db
def test_export_articles_csv_flattens_lists(linked_article):
    rows = list(csv.DictReader(io.StringIO(export("--format", "csv"))))
    assert rows[0]["authors"] == "Jeremy Galloway"
    assert rows[0]["countries"] == "US"
    assert rows[0]["provenance_file"] == "sample.txt"


@pytest.mark.django_db
def test_export_articles_rejects_a_bad_since():
    with pytest.raises(CommandError, match="not an ISO date"):
        export("--since", "last tuesday")


@pytest.mark.django_db
def test_export_articles_runs_a_fixed_number_of_queries(
    make_article, django_assert_max_num_queries
):
    for n in range(30):
        make_article(f"Article {n}")
    with django_assert_max_num_queries(6):
        export()


@pytest.mark.django_db
def test_export_articles_names_copies_and_originals(make_article):
    original = make_article("Original")
    copies = [make_article(f"Copy {n}", duplicate_of=original) for n in range(2)]
    rows = {row["title"]: row for row in map(json.loads, export().splitlines())}
    assert rows["Original"]["duplicates"] == [copy.pk for copy in copies]
    assert rows["Copy 0"]["duplicate_of"] == original.pk
    flat = {row["title"]: row for row in csv.DictReader(io.StringIO(export("--format", "csv")))}
    assert flat["Original"]["duplicates"] == f"{copies[0].pk}; {copies[1].pk}"
    assert (flat["Original"]["duplicate_of"], flat["Copy 1"]["duplicate_of"]) == (
        "",
        str(original.pk),
    )


def test_export_articles_takes_the_api_filters(corpus_for_export):
    titles = [json.loads(line)["title"] for line in export("--country", "UA").splitlines()]
    assert titles == ["Kyiv talks", "Front line"]
    both = export("--country", "UA", "--country", "RU", "--country-match", "all")
    assert [json.loads(line)["title"] for line in both.splitlines()] == ["Kyiv talks"]
    dated = export("--dated-after", "2024-06-01", "--format", "csv")
    assert [row["title"] for row in csv.DictReader(io.StringIO(dated))] == ["Front line"]


@pytest.mark.django_db
def test_export_articles_refuses_a_bad_filter_and_writes_nothing(corpus_for_export):
    out = io.StringIO()
    with pytest.raises(CommandError, match="--country"):
        call_command("export_articles", "--country", "XX", stdout=out)
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_export_articles_reads_in_batches_of_a_fixed_size(make_article, monkeypatch):
    from articles import export as exporting

    for n in range(7):
        make_article(f"Article {n}")
    batches = list(exporting.batches(Article.objects.for_representation(), size=3))
    assert [len(batch) for batch in batches] == [3, 3, 1]
    ids = [article.pk for batch in batches for article in batch]
    assert ids == sorted(ids) and len(set(ids)) == 7


@pytest.fixture
def corpus_for_export(make_article, country):
    kyiv = make_article("Kyiv talks")
    front = make_article("Front line", dated="2024-06-24", dated_source="text")
    make_article("Elsewhere")
    ArticleCountry.objects.create(article=kyiv, country=country("UA"))
    ArticleCountry.objects.create(article=kyiv, country=country("RU"))
    ArticleCountry.objects.create(article=front, country=country("UA"))
