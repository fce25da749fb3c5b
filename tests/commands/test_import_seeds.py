"""import_seeds end to end: real files, real parsers, real extractor, the test database."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticlePerson, LinkRejection, Person, Source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def run_import(*args) -> dict:
    out = io.StringIO()
    call_command("import_seeds", *map(str, args), "--json", stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def snapshot() -> dict:
    """Everything an import can change, in comparable form."""
    return {
        "articles": sorted(Article.objects.values_list("fingerprint", "title", "updated_at")),
        "persons": Person.objects.count(),
        "sources": Source.objects.count(),
        "person_links": ArticlePerson.objects.count(),
    }


@pytest.fixture
def seeded(db):
    return run_import(SEEDS)


@pytest.mark.slow
def test_import_seeds_imports_every_seed_file(seeded):
    totals = seeded["totals"]
    assert totals["files"] == len(list(SEEDS.glob("*.txt")))
    assert totals["failed_files"] == 0
    assert totals["created"] == Article.objects.count() > 100
    assert totals["skipped"] >= 1  # the seeds hold bullets with trailers only
    assert {f["layout"] for f in seeded["files"]} and all(f["layout"] for f in seeded["files"])
    assert Source.objects.filter(name="PopularResistance.Org").exists()


@pytest.mark.slow
def test_import_seeds_again_changes_nothing(seeded):
    before = snapshot()
    report = run_import(SEEDS)
    assert report["totals"]["created"] == 0 and report["totals"]["updated"] == 0
    assert snapshot() == before


@pytest.mark.slow
def test_import_seeds_keeps_editor_corrections(seeded):
    article = Article.objects.filter(person_links__isnull=False).first()
    article.title = "Corrected headline"
    article.status = Article.Status.PUBLISHED
    article.mark_edited("title", "status")
    article.save()
    link = article.person_links.first()
    LinkRejection.objects.create(article=article, kind="person", target_id=link.person_id)
    link.delete()
    run_import(SEEDS)
    article.refresh_from_db()
    assert article.title == "Corrected headline"
    assert article.status == Article.Status.PUBLISHED
    assert not article.person_links.filter(person_id=link.person_id).exists()


@pytest.mark.slow
def test_import_seeds_dry_run_writes_nothing(db):
    out = io.StringIO()
    call_command("import_seeds", str(SEEDS), "--dry-run", stdout=out, stderr=io.StringIO())
    assert Article.objects.count() == 0
    assert "would create" in out.getvalue()


@pytest.mark.parametrize(
    "name, content",
    [
        ("empty.txt", b""),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 50),
        ("latin1.txt", "Caf\xe9 workers strike\n\nThe caf\xe9 closed.\n".encode("latin-1")),
    ],
)
@pytest.mark.django_db
def test_import_seeds_bad_file_fails_alone_and_leaves_database_unchanged(tmp_path, name, content):
    good = tmp_path / "good.txt"
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[2], good)
    bad = tmp_path / name
    bad.write_bytes(content)
    before = snapshot()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("import_seeds", str(bad), stdout=io.StringIO(), stderr=err)
    assert snapshot() == before
    assert name in err.getvalue()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Article.objects.filter(provenance_file="good.txt").exists()
    assert not Article.objects.filter(provenance_file=name).exists()


@pytest.mark.django_db
def test_import_seeds_missing_path_is_reported(tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path / "nope.txt"), stdout=io.StringIO(), stderr=err)
    assert "nope.txt" in err.getvalue()
