"""Filter values that name rows: unknown ones are a 400, merged persons resolve, counts bounded."""

import pytest

from articles.api.references import MAX_VALUES
from articles.models import Country
from tests.api.conftest import link

URLS = ["/api/articles/", "/api/stats/"]


def errors(response) -> dict:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["status"] == 400 and body["code"] == "invalid"
    return body["errors"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XX", "XX is not a known country code."),
        ("country=UA,xx", "xx is not a known country code."),
        ("country=USA", "USA is not an ISO 3166-1 alpha-2 code."),
        ("person=nobody-here", "nobody-here is not a known person id or slug."),
        ("person=99999", "99999 is not a known person id or slug."),
        ("topic=nope", "nope is not a known topic slug."),
        ("source=nope", "nope is not a known source slug."),
    ],
)
def test_references_unknown_value_is_a_400_naming_it(api, corpus, url, query, message):
    name = query.split("=")[0]
    assert errors(api.get(f"{url}?{query}")) == {name: [message]}


def test_references_name_every_unknown_value_once(api, corpus):
    response = api.get("/api/articles/?person=a,vladimir-putin,b&person=a&topic=nope")
    assert errors(response) == {
        "person": [
            "a is not a known person id or slug.",
            "b is not a known person id or slug.",
        ],
        "topic": ["nope is not a known topic slug."],
    }


def test_references_known_values_match_any(api, corpus):
    def titles(query):
        response = api.get(f"/api/articles/?{query}")
        assert response.status_code == 200, response.content
        return {row["title"] for row in response.json()["results"]}

    assert titles("country=ua") == {"Kyiv talks", "Front line"}
    assert titles("topic=war,energy") == {"Kyiv talks", "Gas prices", "Front line"}
    assert titles("source=the-guardian&source=dissident-voice") == {
        "Kyiv talks",
        "Gas prices",
        "Front line",
        "US vote",
    }
    putin = corpus["persons"]["putin"]
    assert titles(f"person={putin.pk},volodymyr-zelensky") == {
        "Kyiv talks",
        "Gas prices",
        "Front line",
    }


def test_references_bracketed_array_names_are_ignored(api, corpus):
    # ``country[]=`` is not a parameter of this API: ignored, like any other unknown name
    response = api.get("/api/articles/?country[]=XX")
    assert response.status_code == 200 and len(response.json()["results"]) == 4


@pytest.mark.parametrize(
    ("name", "plural"),
    [("country", "countries"), ("person", "persons"), ("topic", "topics"), ("source", "sources")],
)
def test_references_over_the_limit_is_a_400(api, corpus, name, plural):
    values = ",".join(["x"] * (MAX_VALUES + 1))
    message = f"At most {MAX_VALUES} {plural} in one filter ({MAX_VALUES + 1} given)."
    assert errors(api.get(f"/api/articles/?{name}={values}")) == {name: [message]}


def codes(count: int) -> list[str]:
    return list(Country.objects.order_by("code").values_list("code", flat=True)[:count])


@pytest.mark.parametrize("count", [30, 60])
def test_references_stats_with_many_countries_is_a_400(api, corpus, count):
    query = "&".join(f"country={code}" for code in codes(count))
    found = errors(api.get(f"/api/stats/?{query}&country_match=all"))
    assert found == {"country": [f"At most {MAX_VALUES} countries in one filter ({count} given)."]}


@pytest.mark.parametrize("match", ["all", "any"])
def test_references_stats_at_the_limit_answers(api, corpus, match):
    chosen = ["UA", "RU", *[code for code in codes(20) if code not in ("UA", "RU")]][:MAX_VALUES]
    response = api.get(f"/api/stats/?country={','.join(chosen)}&country_match={match}")
    assert response.status_code == 200
    assert response.json()["article_count"] == (0 if match == "all" else 3)


@pytest.fixture
def merged(corpus, make_person):
    """A duplicate "Zelensky" linked to an article, then merged into Volodymyr Zelensky."""
    duplicate = make_person("Zelensky")
    link(corpus["articles"]["gas"], person=duplicate)
    old = {"slug": duplicate.slug, "id": duplicate.pk}
    duplicate.merge_into(corpus["persons"]["zelensky"])
    return old


@pytest.mark.parametrize("key", ["slug", "id"])
def test_references_merged_person_resolves_to_the_person_kept(api, corpus, merged, key):
    kept = corpus["persons"]["zelensky"]
    response = api.get(f"/api/articles/?person={merged[key]}&page_size=2")
    assert response.status_code == 200
    titles = {row["title"] for row in response.json()["results"]}
    assert titles == {"Front line", "Gas prices"}  # the two newest of the kept person's three
    canonical = f"person={kept.slug if key == 'slug' else kept.pk}"
    assert f'?page_size=2&{canonical}>; rel="canonical"' in response["Link"]
    assert 'rel="next"' in response["Link"]
    stats = api.get(f"/api/stats/?person={merged[key]}")
    assert stats.json()["article_count"] == 3 and 'rel="canonical"' in stats["Link"]


def test_references_live_person_has_no_canonical_link(api, corpus, merged):
    response = api.get("/api/articles/?person=volodymyr-zelensky")
    assert response.status_code == 200 and "Link" not in response


def test_references_merged_twice_resolves_to_the_last_person_kept(api, corpus, merged):
    zelensky, putin = corpus["persons"]["zelensky"], corpus["persons"]["putin"]
    zelensky.merge_into(putin)  # a curation mistake, but a consistent one
    response = api.get(f"/api/articles/?person={merged['slug']}")
    assert len(response.json()["results"]) == 3
    assert "person=vladimir-putin" in response["Link"]
    assert api.get(f"/api/articles/?person={zelensky.slug}").status_code == 200


def test_references_topics_parent_unknown_is_a_400(api, corpus):
    assert errors(api.get("/api/topics/?parent=nope")) == {
        "parent": ["nope is not a known topic slug."]
    }


def test_references_odd_characters_are_named_as_given(api, corpus):
    assert errors(api.get("/api/articles/?topic=100%25%25s")) == {
        "topic": ["100%%s is not a known topic slug."]
    }
