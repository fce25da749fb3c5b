"""Folding one-word persons into the full name they resolve to, after each imported file."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.benchmarks.import_bench import reset_imported_rows
from articles.choices import Origin
from articles.ingest.persist.surnames import fold_surnames, newest_person_pk
from articles.models import ArticlePerson, Person, PersonAlias
from tests.ingest.snapshots import database_snapshot

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def lone_putin(make_person, make_article):
    person = make_person("Putin")
    ArticlePerson.objects.create(article=make_article(), person=person, count=2)
    return person


def test_fold_surnames_merges_a_lone_surname_into_the_new_full_name(lone_putin, make_person):
    newest = newest_person_pk()
    full = make_person("Vladimir Putin")
    assert fold_surnames(newest) == 1
    assert not Person.objects.filter(pk=lone_putin.pk).exists()
    assert list(full.article_links.values_list("count", flat=True)) == [2]
    assert not PersonAlias.objects.filter(key="putin").exists()


def test_fold_surnames_leaves_an_ambiguous_surname(lone_putin, make_person):
    make_person("Alexander Putin")
    newest = newest_person_pk()
    make_person("Vladimir Putin")
    assert fold_surnames(newest) == 0
    assert Person.objects.filter(pk=lone_putin.pk).exists()


def test_fold_surnames_leaves_a_person_an_editor_linked(lone_putin, make_person, make_article):
    ArticlePerson.objects.create(article=make_article(), person=lone_putin, origin=Origin.EDITOR)
    newest = newest_person_pk()
    make_person("Vladimir Putin")
    assert fold_surnames(newest) == 0


def test_fold_surnames_looks_only_at_persons_created_since(lone_putin, make_person):
    make_person("Vladimir Putin")
    assert fold_surnames(newest_person_pk()) == 0


def import_in_order(folder: Path, names: list[str], scratch: Path) -> dict:
    """Import the files one by one in this order (one run each) and snapshot the result."""
    for name in names:
        target = scratch / name
        shutil.copy(folder / name, target)
        out = io.StringIO()
        call_command("import_seeds", str(target), "--json", stdout=out, stderr=io.StringIO())
        assert json.loads(out.getvalue())["totals"]["failed_files"] == 0
    return database_snapshot()


@pytest.mark.slow
@pytest.mark.django_db
def test_import_seeds_gives_the_same_persons_in_any_file_order(tmp_path):
    names = sorted(path.name for path in SEEDS.glob("*.txt"))
    forward = import_in_order(SEEDS, names, tmp_path)
    reset_imported_rows()
    assert import_in_order(SEEDS, names[::-1], tmp_path) == forward
    reset_imported_rows()
    middle_out = names[len(names) // 2 :] + names[: len(names) // 2]
    assert import_in_order(SEEDS, middle_out, tmp_path) == forward
