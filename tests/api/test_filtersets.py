"""The FilterSets called directly: which rows each filter keeps, and which input it refuses."""

import pytest
from django.http import QueryDict

from articles.api.filtersets import (
    ArticleFilterSet,
    CountryFilterSet,
    PersonFilterSet,
    SourceFilterSet,
    StatsFilterSet,
    TopicFilterSet,
)
from articles.models import Article, Country, CountryAlias, Person, PersonAlias, Source, Topic
from tests.api.conftest import link


def query(data: dict) -> QueryDict:
    """``data`` as a request's query string gives it: a list value is a repeated parameter."""
    params = QueryDict(mutable=True)
    for name, value in data.items():
        params.setlist(name, value if isinstance(value, list) else [value])
    return params


def articles(**data) -> list[str]:
    """Titles the ArticleFilterSet keeps for ``data``, in its order; the data must be valid."""
    filterset = ArticleFilterSet(data=query(data), queryset=Article.objects.all())
    assert filterset.is_valid(), filterset.errors
    return [article.title for article in filterset.qs]


def kept(**data) -> set[str]:
    return set(articles(**data))


def errors(filterset_class, queryset, **data) -> dict:
    filterset = filterset_class(data=query(data), queryset=queryset)
    assert not filterset.is_valid()
    return filterset.errors


def test_article_filterset_without_data_keeps_all_newest_first(corpus):
    assert articles() == ["US vote", "Front line", "Gas prices", "Kyiv talks"]


def test_article_filterset_country_matches_any_code_by_default(corpus):
    assert kept(country="UA") == {"Kyiv talks", "Front line"}
    assert kept(country=["UA", "US"]) == {"Kyiv talks", "Front line", "US vote"}
    assert kept(country="ru,us") == {"Kyiv talks", "Gas prices", "US vote"}
    assert kept(country=["UA", "RU"], country_match="any") == {
        "Kyiv talks",
        "Gas prices",
        "Front line",
    }


def test_article_filterset_country_match_all_needs_every_code(corpus):
    assert kept(country=["UA", "RU"], country_match="all") == {"Kyiv talks"}
    assert kept(country="UA,RU,US", country_match="all") == set()
    assert kept(country=["UA", "ua"], country_match="all") == {"Kyiv talks", "Front line"}


@pytest.mark.parametrize("value", ["ZZ", "UA,ZZ"])
def test_article_filterset_country_unknown_code_is_an_error_naming_it(corpus, value):
    found = errors(ArticleFilterSet, Article.objects.all(), country=value)
    assert found["country"] == ["ZZ is not a known country code."]


def test_article_filterset_country_match_alone_filters_nothing(corpus):
    assert len(kept(country_match="all")) == 4


@pytest.mark.parametrize("value", ["UKR", "U", "1A", "U A"])
def test_article_filterset_country_refuses_what_is_not_alpha_2(corpus, value):
    assert "country" in errors(ArticleFilterSet, Article.objects.all(), country=value)


def test_article_filterset_country_match_refuses_other_words(corpus):
    found = errors(ArticleFilterSet, Article.objects.all(), country="UA", country_match="most")
    assert "country_match" in found


def test_article_filterset_person_by_id_or_slug(corpus):
    putin, zelensky = corpus["persons"]["putin"], corpus["persons"]["zelensky"]
    assert kept(person=str(putin.pk)) == {"Kyiv talks", "Gas prices"}
    assert kept(person=zelensky.slug) == {"Kyiv talks", "Front line"}


def test_article_filterset_person_counts_authors_too(corpus, make_person):
    author = make_person("Caitlin Johnstone")
    link(corpus["articles"]["vote"], person=author, role="author")
    assert kept(person=author.slug) == {"US vote"}


@pytest.mark.parametrize("value", ["nobody", "0", "99999999999999999999", "-1", "١٢"])
def test_article_filterset_person_unknown_is_an_error_naming_it(corpus, value):
    found = errors(ArticleFilterSet, Article.objects.all(), person=value)
    assert value in found["person"][0]


def test_article_filterset_topic_by_slug(corpus):
    assert kept(topic="war") == {"Kyiv talks", "Front line"}
    assert kept(topic="energy") == {"Gas prices"}
    for unknown in ("War", "peace"):  # slugs are lower case
        assert "topic" in errors(ArticleFilterSet, Article.objects.all(), topic=unknown)


def test_article_filterset_source_by_slug(corpus):
    assert kept(source="the-guardian") == {"Gas prices", "US vote"}
    assert "source" in errors(ArticleFilterSet, Article.objects.all(), source="The Guardian")


def test_article_filterset_section_exact(corpus):
    assert kept(section="World") == {"Kyiv talks", "Front line"}
    assert kept(section="Wor") == set()


def test_article_filterset_status_and_provenance_file(corpus):
    assert kept(status="reviewed") == {"US vote"}
    assert kept(provenance_file="a.txt") == {"Kyiv talks", "Front line"}
    assert "status" in errors(ArticleFilterSet, Article.objects.all(), status="lost")


def test_article_filterset_created_after_is_inclusive(corpus):
    # "Gas prices" was created at 2026-01-02T00:00Z exactly
    assert kept(created_after="2026-01-02T00:00:00Z") == {"Gas prices", "Front line", "US vote"}
    assert kept(created_after="2026-01-02T00:00:01Z") == {"Front line", "US vote"}


def test_article_filterset_created_before_is_exclusive(corpus):
    assert kept(created_before="2026-01-02") == {"Kyiv talks"}
    assert kept(created_before="2026-01-02T00:00:01Z") == {"Kyiv talks", "Gas prices"}


def test_article_filterset_created_window_and_zone_offset(corpus):
    assert kept(created_after="2026-01-02", created_before="2026-01-04") == {
        "Gas prices",
        "Front line",
    }
    # 2026-01-03T01:00+02:00 is 2026-01-02T23:00Z: "Front line" (Jan 3, 00:00Z) is after it
    assert kept(created_after="2026-01-03T01:00:00+02:00") == {"Front line", "US vote"}


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-01-32"])
def test_article_filterset_created_refuses_what_is_not_a_date(corpus, value):
    found = errors(ArticleFilterSet, Article.objects.all(), created_after=value)
    assert "created_after" in found


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", {"US vote"}),
        ("1", {"US vote"}),
        ("TRUE", {"US vote"}),
        ("false", {"Kyiv talks", "Gas prices", "Front line"}),
        ("0", {"Kyiv talks", "Gas prices", "Front line"}),
        ("", {"Kyiv talks", "Gas prices", "Front line", "US vote"}),
    ],
)
def test_article_filterset_needs_review(corpus, value, expected):
    assert kept(needs_review=value) == expected


@pytest.mark.parametrize("value", ["yes", "no", "2", "on"])
def test_article_filterset_needs_review_refuses_other_words(corpus, value):
    assert "needs_review" in errors(ArticleFilterSet, Article.objects.all(), needs_review=value)


def test_article_filterset_filters_combine_with_and(corpus):
    assert kept(country="UA", topic="war", source="dissident-voice") == {
        "Kyiv talks",
        "Front line",
    }
    assert kept(country="RU", topic="war") == {"Kyiv talks"}
    assert kept(topic="energy", section="World") == set()


@pytest.fixture
def searchable(make_article):
    """A title hit, a summary hit, a body hit and a miss for the word "drought"."""
    make_article("Drought in the Sahel", summary="Farmers wait for rain.")
    make_article("Farm news", summary="The drought is over, say farmers.")
    make_article("Weather", summary="Dry weeks ahead.", body="A long drought is forecast.")
    make_article("Election results", summary="Counting continues.")


def test_article_filterset_search_keeps_matches_best_first(searchable):
    assert articles(search="drought") == ["Drought in the Sahel", "Farm news", "Weather"]


def test_article_filterset_search_needs_every_word(searchable):
    assert kept(search="drought farmers") == {"Drought in the Sahel", "Farm news"}
    assert kept(search="drought election") == set()


def test_article_filterset_search_is_case_insensitive(searchable):
    assert kept(search="DROUGHT") == {"Drought in the Sahel", "Farm news", "Weather"}


def test_article_filterset_blank_search_filters_nothing(searchable):
    assert len(kept(search="   ")) == 4


def test_article_filterset_search_ordering_can_be_chosen(searchable):
    newest_first = ["Weather", "Farm news", "Drought in the Sahel"]
    assert articles(search="drought", ordering="-created") == newest_first
    assert articles(search="drought", ordering="title") == sorted(newest_first)


def test_article_filterset_ordering(corpus):
    assert articles(ordering="created") == ["Kyiv talks", "Gas prices", "Front line", "US vote"]
    assert articles(ordering="-title") == ["US vote", "Kyiv talks", "Gas prices", "Front line"]
    # relevance means nothing without a search: the default order instead
    assert articles(ordering="relevance") == articles()


def test_article_filterset_ordering_refuses_unknown_names(corpus):
    assert "ordering" in errors(ArticleFilterSet, Article.objects.all(), ordering="random")


def test_stats_filterset_filters_like_the_articles_but_has_no_ordering(corpus):
    assert "ordering" not in StatsFilterSet.base_filters
    filterset = StatsFilterSet(data={"country": "UA", "topic": "war"}, queryset=Article.objects)
    assert filterset.is_valid(), filterset.errors
    assert {a.title for a in filterset.qs} == {"Kyiv talks", "Front line"}


def entities(filterset_class, queryset, **data) -> list[str]:
    filterset = filterset_class(data=data, queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return [str(row) for row in filterset.qs]


def persons(**data) -> list[str]:
    counted = Person.objects.with_article_counts()
    return entities(PersonFilterSet, counted, **data)


def test_person_filterset_search_by_name_part_or_alias(corpus, make_person):
    make_person("Vladimir Zelensky-Putin")  # a name holding both
    PersonAlias.objects.create(person=corpus["persons"]["putin"], name="Vova")
    assert persons(search="putin") == ["Vladimir Putin", "Vladimir Zelensky-Putin"]
    assert persons(search="  VOVA ") == ["Vladimir Putin"]
    assert persons(search="vladimir") == ["Vladimir Putin", "Vladimir Zelensky-Putin"]
    assert persons(search="Merkel") == []


def test_person_filterset_search_lists_a_person_once_for_several_aliases(corpus):
    putin = corpus["persons"]["putin"]
    PersonAlias.objects.create(person=putin, name="V. Putin")
    PersonAlias.objects.create(person=putin, name="W. Putin")
    assert persons(search="putin") == ["Vladimir Putin"]


def test_person_filterset_ordering_by_name_and_count(corpus, make_person):
    make_person("Angela Merkel")
    link(corpus["articles"]["vote"], person=corpus["persons"]["zelensky"])
    assert persons(ordering="name") == ["Angela Merkel", "Vladimir Putin", "Volodymyr Zelensky"]
    assert persons(ordering="-name")[0] == "Volodymyr Zelensky"
    assert persons(ordering="-count") == ["Volodymyr Zelensky", "Vladimir Putin", "Angela Merkel"]
    assert persons(ordering="count")[0] == "Angela Merkel"


def test_person_filterset_ordering_refuses_unknown_fields(corpus):
    found = errors(PersonFilterSet, Person.objects.all(), ordering="slug")
    assert "ordering" in found


def codes(**data) -> set[str]:
    counted = Country.objects.with_article_counts()
    filterset = CountryFilterSet(data=data, queryset=counted)
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("code", flat=True))


def test_country_filterset_search_by_name_code_or_active_alias(db, country):
    CountryAlias.objects.create(country=country("FR"), text="Zzyzx Hexagon")
    CountryAlias.objects.create(country=country("DE"), text="Zzyzx Bund", is_active=False)
    assert "UA" in codes(search="ukra")
    assert "UA" in codes(search="ua")  # the code, in any case
    assert "GT" in codes(search="ua")  # Guatemala, by name
    assert "FR" not in codes(search="ua")
    assert codes(search="zzyzx") == {"FR"}  # the inactive alias matches nothing


def test_country_filterset_search_matches_a_code_only_whole(db, country):
    CountryAlias.objects.filter(country=country("GB")).delete()  # "Britain", "Birmingham" …
    assert "GB" in codes(search="gb")
    assert "GB" not in codes(search="b")  # "United Kingdom" has no "b"; the code is not cut


def test_country_filterset_ordering_by_code_and_count(corpus):
    by_count = CountryFilterSet(
        data={"ordering": "-count"},
        queryset=Country.objects.with_article_counts(),
    ).qs
    assert [c.code for c in by_count[:3]] in (["RU", "UA", "US"], ["UA", "RU", "US"])
    by_code = CountryFilterSet(data={"ordering": "code"}, queryset=Country.objects.all()).qs
    assert by_code.first().code == "AD"


def topics(**data) -> list[str]:
    """Among the topics the tests make (the taxonomy's have keywords)."""
    return entities(TopicFilterSet, Topic.objects.filter(keywords=""), **data)


def test_topic_filterset_search_by_name_or_slug(corpus, make_topic):
    make_topic("Oil and gas")
    assert topics(search="ENERGY") == ["Energy"]
    assert topics(search="and-gas") == ["Oil and gas"]  # the slug
    assert topics(search="peace") == []


def test_topic_filterset_parent_by_slug(corpus, make_topic):
    war = corpus["topics"]["war"]
    Topic.objects.create(name="Sieges", parent=war)
    Topic.objects.create(name="Drones", parent=war)
    assert topics(parent="war") == ["Drones", "Sieges"]
    assert topics(parent="energy") == []
    assert topics(parent="war", search="dron") == ["Drones"]


def test_source_filterset_search_by_name_part_and_ordering(corpus, make_source):
    make_source("Guardian Weekly")
    counted = Source.objects.with_article_counts()
    found = entities(SourceFilterSet, counted, search="guardian", ordering="-name")
    assert found == ["The Guardian", "Guardian Weekly"]
    by_count = entities(SourceFilterSet, counted, ordering="count")
    assert by_count[0] == "Guardian Weekly"
    assert entities(SourceFilterSet, counted, search="dissident") == ["Dissident Voice"]
