"""Evidence in the article representation: ``article[field][start:end]`` is each mention."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.ingest.entities.variants import variant_key
from articles.models import ArticleCountry, ArticlePerson

URL = "/api/articles/"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def assert_evidence_holds(article: dict) -> int:
    """Every evidence of every person and country reads as its mention; how many there are."""
    seen = 0
    for person in article["persons"]:
        assert len(person["evidence"]) == person["mentions"], person
        for where in person["evidence"]:
            text = article[where["field"]][where["start"] : where["end"]]
            # The mention as written: the person's name or part of it, maybe in another
            # spelling ("Zelensky" for the stored "Volodymyr Zelenskyy").
            words = set(map(variant_key, text.split()))
            named = set(map(variant_key, person["name"].split()))
            assert text and (words <= named or variant_key(text) == variant_key(person["name"])), (
                person["name"],
                text,
            )
            seen += 1
    for country in article["countries"]:
        assert len(country["evidence"]) == country["mentions"], country
        for where in country["evidence"]:
            text = article[where["field"]][where["start"] : where["end"]]
            assert text and text == text.strip() and text[0].isalpha(), (country["name"], text)
            seen += 1
    return seen


@pytest.mark.slow
@pytest.mark.django_db
def test_every_seed_article_s_evidence_points_at_its_mentions(api):
    call_command("import_seeds", str(SEEDS), stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    exported = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(exported) > 50
    assert sum(assert_evidence_holds(article) for article in exported) > 500
    first = exported[0]
    assert api.get(f"{URL}{first['id']}/").json()["persons"] == first["persons"]
    credited = {name for article in exported for name in article["photographers"]}
    assert {"Toby Melville", "Mahmud Hossain Opu"} <= credited
    assert not credited & {"Reuters", "AP", "AP Photo"}
    mentioned = {p["name"] for article in exported for p in article["persons"]}
    assert not mentioned & {"Toby Melville", "Mahmud Hossain Opu"}


@pytest.mark.parametrize("links", [1, 40])
def test_article_detail_and_list_queries_stay_constant_with_evidence(
    api, make_article, make_person, country, links, django_assert_num_queries
):
    article = make_article("Evidence everywhere", body="Putin " * 200)
    codes = ["UA", "RU", "US", "FR", "DE", "PL"]
    for n in range(links):
        evidence = [["body", 6 * i, 6 * i + 5] for i in range(n % 5 + 1)]
        ArticlePerson.objects.create(
            article=article,
            person=make_person(f"Putin {n}"),
            count=len(evidence),
            evidence=evidence,
        )
    for code in codes[: min(links, len(codes))]:
        ArticleCountry.objects.create(
            article=article, country=country(code), evidence=[["title", 0, 8]]
        )
    with django_assert_num_queries(1):
        detail = api.get(f"{URL}{article.pk}/").json()
    assert len(detail["persons"]) == links
    assert detail["persons"][0]["evidence"][0] == {"field": "body", "start": 0, "end": 5}
    with django_assert_num_queries(1):
        listed = api.get(f"{URL}?page_size=100").json()["results"]
    assert listed[0]["countries"][0]["evidence"] == [{"field": "title", "start": 0, "end": 8}]
