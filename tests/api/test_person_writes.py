"""A person's optional Wikidata id: in the API output, editable by editors (PATCH)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError

from articles.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_editor_api(editor_api):
    """An editor's token (the editor holds ``change_person``, as the Editor group does)."""
    return editor_api


def url(person) -> str:
    return f"/api/persons/{person.pk}/"


def test_person_output_has_the_wikidata_id(api, make_person):
    person = make_person()
    Person.objects.filter(pk=person.pk).update(wikidata_id="Q7747")
    assert api.get(url(person)).json()["wikidata_id"] == "Q7747"
    assert api.get("/api/persons/").json()["results"][0]["wikidata_id"] == "Q7747"


def test_editor_sets_and_clears_the_wikidata_id(person_editor_api, make_person):
    person = make_person()
    answer = person_editor_api.patch(url(person), {"wikidata_id": "Q7747"}, format="json")
    assert answer.status_code == 200 and answer.json()["wikidata_id"] == "Q7747"
    assert Person.objects.get(pk=person.pk).wikidata_id == "Q7747"
    person_editor_api.patch(url(person), {"wikidata_id": ""}, format="json")
    assert Person.objects.get(pk=person.pk).wikidata_id == ""


def test_patch_changes_only_the_wikidata_id(person_editor_api, make_person):
    person = make_person()
    data = {"wikidata_id": "Q1", "name": "Someone Else", "slug": "x"}
    assert person_editor_api.patch(url(person), data, format="json").status_code == 200
    person.refresh_from_db()
    assert (person.name, person.slug, person.wikidata_id) == (
        "Vladimir Putin",
        "vladimir-putin",
        "Q1",
    )


@pytest.mark.parametrize("value", ["42", "Q", "Q0", "q42", "Q42x", "P31"])
def test_wikidata_id_must_be_q_and_a_number(person_editor_api, make_person, value):
    person = make_person()
    answer = person_editor_api.patch(url(person), {"wikidata_id": value}, format="json")
    assert answer.status_code == 400
    assert Person.objects.get(pk=person.pk).wikidata_id == ""


def test_wikidata_id_is_unique_when_set(person_editor_api, make_person):
    first, second, _third = (make_person(name) for name in ["A One", "B Two", "C Three"])
    person_editor_api.patch(url(first), {"wikidata_id": "Q42"}, format="json")
    answer = person_editor_api.patch(url(second), {"wikidata_id": "Q42"}, format="json")
    assert answer.status_code == 400
    assert Person.objects.filter(wikidata_id="").count() == 2  # blank is not a value: many
    duplicate = Person(name="D Four", wikidata_id="Q42")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_only_editors_set_the_wikidata_id(api, reader_api, editor, editor_api, make_person):
    person = make_person()
    assert api.patch(url(person), {"wikidata_id": "Q1"}, format="json").status_code in (401, 403)
    assert reader_api.patch(url(person), {"wikidata_id": "Q1"}, format="json").status_code == 403
    editor.user_permissions.remove(Permission.objects.get(codename="change_person"))
    assert editor_api.patch(url(person), {"wikidata_id": "Q1"}, format="json").status_code == 403
    assert Person.objects.get(pk=person.pk).wikidata_id == ""
    assert api.delete(url(person)).status_code in (401, 403, 405)
