"""Folding one-word persons into the full name they resolve to, after each imported file."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.benchmarks.import_bench import reset_imported_rows
from articles.choices import Origin, ReviewReason
from articles.ingest.persist.locking import file_transaction
from articles.ingest.persist.surnames import fold_surnames, newest_person_pk
from articles.ingest.persist.suspects import refresh_suspicion
from articles.models import Article, ArticlePerson, Person, PersonAlias
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
    assert fold_surnames(newest) == {full.pk}
    assert not Person.objects.filter(pk=lone_putin.pk).exists()
    assert list(full.article_links.values_list("count", flat=True)) == [2]
    assert not PersonAlias.objects.filter(key="putin").exists()


def test_fold_surnames_leaves_an_ambiguous_surname(lone_putin, make_person):
    make_person("Alexander Putin")
    newest = newest_person_pk()
    make_person("Vladimir Putin")
    assert fold_surnames(newest) == set()
    assert Person.objects.filter(pk=lone_putin.pk).exists()


def test_fold_surnames_leaves_a_person_an_editor_linked(lone_putin, make_person, make_article):
    ArticlePerson.objects.create(article=make_article(), person=lone_putin, origin=Origin.EDITOR)
    newest = newest_person_pk()
    make_person("Vladimir Putin")
    assert fold_surnames(newest) == set()


def test_fold_surnames_looks_only_at_persons_created_since(lone_putin, make_person):
    make_person("Vladimir Putin")
    assert fold_surnames(newest_person_pk()) == set()


def test_a_fold_in_a_later_file_takes_the_older_article_off_the_queue(
    make_person, make_article, country
):
    """The older article was queued for a lone one-word name; once a later file folds it into
    the full name, its reasons are the ones a run that met the full name first would give."""
    older = make_article()
    older.country_links.create(country=country("UA"), count=1)
    lone = make_person("Prigozhin")
    ArticlePerson.objects.create(article=older, person=lone, count=1)
    refresh_suspicion([lone.pk])
    Article.objects.filter(pk=older.pk).refresh_review_reasons(queue=True)
    older.refresh_from_db()
    assert (older.needs_review, older.review_reasons) == (True, ReviewReason.LOW_CONFIDENCE)

    with file_transaction():
        newer = make_article()
        full = make_person("Yevgeny Prigozhin")
        ArticlePerson.objects.create(article=newer, person=full, count=2)

    older.refresh_from_db()
    assert list(older.person_links.values_list("person", flat=True)) == [full.pk]
    assert (older.needs_review, older.review_reasons) == (False, "")


def test_an_editors_place_on_the_queue_survives_a_later_fold(make_person, make_article):
    older = make_article()
    ArticlePerson.objects.create(article=older, person=make_person("Prigozhin"), count=1)
    Article.objects.filter(pk=older.pk).publish()  # off the queue by hand, reasons and all
    with file_transaction():
        make_person("Yevgeny Prigozhin")
    older.refresh_from_db()
    assert (older.needs_review, older.review_reasons) == (False, "")


def import_in_order(folder: Path, names: list[str], scratch: Path) -> dict:
    """Import the files one by one in this order (one run each) and snapshot the result."""
    for name in names:
        target = scratch / name
        shutil.copy(folder / name, target)
        out = io.StringIO()
        call_command("import_seeds", str(target), "--json", stdout=out, stderr=io.StringIO())
        assert json.loads(out.getvalue())["totals"]["failed_files"] == set()
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
