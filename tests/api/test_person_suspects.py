"""The suspects queue in the persons API: `suspicion` and `suspected_duplicate`, two filters."""

import pytest

from articles.choices import Suspicion
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import Person
from tests.api.conftest import link

pytestmark = pytest.mark.django_db

URL = "/api/persons/"


@pytest.fixture
def suspects(corpus, make_person):
    """A one-word duplicate of a named person, an organisation, and a person with no articles."""
    short = make_person("Putin")
    link(corpus["articles"]["gas"], person=short)
    agency = make_person("Ministry of Truth")
    link(corpus["articles"]["kyiv"], person=agency)
    lonely = make_person("Ada Lovelace")
    refresh_suspicion()
    return {"short": short, "agency": agency, "lonely": lonely, **corpus["persons"]}


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_person_list_and_detail_say_why_a_person_is_suspect(api, suspects):
    rows = {row["id"]: row for row in api.get(URL).json()["results"]}
    short, putin = suspects["short"], suspects["putin"]
    assert rows[short.pk]["suspicion"] == [Suspicion.DUPLICATE, Suspicion.SINGLE_WORD]
    assert rows[short.pk]["suspected_duplicate"] == putin.pk
    assert rows[suspects["lonely"].pk]["suspicion"] == [Suspicion.NO_ARTICLES]
    assert (rows[putin.pk]["suspicion"], rows[putin.pk]["suspected_duplicate"]) == ([], None)
    detail = api.get(f"{URL}{short.pk}/").json()
    assert detail["suspicion"] == rows[short.pk]["suspicion"]
    assert detail["suspected_duplicate"] == putin.pk


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (Suspicion.DUPLICATE, {"short"}),
        (Suspicion.SINGLE_WORD, {"short"}),
        (Suspicion.ORGANISATION, {"agency"}),
        (Suspicion.NO_ARTICLES, {"lonely"}),
        (Suspicion.PLACE, set()),
    ],
)
def test_suspicion_filter_lists_the_persons_suspected_for_a_reason(api, suspects, code, expected):
    assert ids(api.get(f"{URL}?suspicion={code}")) == {suspects[key].pk for key in expected}


def test_suspect_filter_splits_the_registry(api, suspects):
    queue = {suspects[key].pk for key in ("short", "agency", "lonely")}
    assert ids(api.get(f"{URL}?suspect=true")) == queue
    trusted = {suspects["putin"].pk, suspects["zelensky"].pk}
    assert ids(api.get(f"{URL}?suspect=false")) == trusted


def test_unknown_suspicion_is_a_400(api, suspects):
    assert api.get(f"{URL}?suspicion=vampire").status_code == 400
    assert api.get(f"{URL}?suspect=maybe").status_code == 400


def test_suspicion_is_read_only_even_for_editors(editor_api, suspects):
    short = suspects["short"]
    data = {"suspicion": [], "suspected_duplicate": None, "wikidata_id": "Q1"}
    answer = editor_api.patch(f"{URL}{short.pk}/", data, format="json")
    assert answer.status_code == 200, answer.content
    stored = Person.objects.get(pk=short.pk)
    assert stored.suspected_duplicate_id == suspects["putin"].pk and stored.suspicion


@pytest.mark.parametrize("extra", [0, 25])
def test_suspect_list_queries_are_constant(
    api, suspects, make_person, extra, django_assert_num_queries
):
    for n in range(extra):
        make_person(f"Stray{n}")  # no articles: suspects
    refresh_suspicion()
    with django_assert_num_queries(3):  # count, page, aliases
        assert len(ids(api.get(f"{URL}?suspect=true&page_size=100"))) == extra + 3
    with django_assert_num_queries(3):
        assert len(ids(api.get(f"{URL}?suspicion=no_articles&page_size=100"))) == extra + 1
