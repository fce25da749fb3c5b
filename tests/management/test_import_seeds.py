"""import_seeds end to end: real files, real parsers, real extractor, the test database."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from articles.ingest import pipeline
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
    assert totals["created"] == Article.objects.count() > 50
    assert totals["skipped"] >= 1  # the seeds hold bullets with trailers only
    assert {f["layout"] for f in seeded["files"]} and all(f["layout"] for f in seeded["files"])
    assert Source.objects.filter(name="PopularResistance.Org").exists()


@pytest.mark.slow
def test_import_seeds_again_changes_nothing(seeded):
    """No article is created or changed again. The registry the first import filled (persons
    named by two articles) may find more mentions of them on the second, which updates those
    links' counts and evidence once; from then on nothing changes."""
    report = run_import(SEEDS)
    assert report["totals"]["created"] == 0 and report["totals"]["updated"] == 0
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


LINKED = ("persons_linked", "countries_linked", "topics_linked")


def test_import_seeds_dry_run_counts_the_links_a_real_run_adds(db):
    sample = ROOT / "tests" / "samples" / "paragraphs.txt"
    dry = run_import(sample, "--dry-run")["totals"]
    real = run_import(sample)["totals"]
    assert sum(dry[key] for key in LINKED) > 0
    assert {key: dry[key] for key in LINKED} == {key: real[key] for key in LINKED}
    again = run_import(sample, "--dry-run")["totals"]
    assert [again[key] for key in LINKED] == [0, 0, 0]  # nothing new to link


def test_import_seeds_dry_run_verbose_lists_titles_and_entities(db):
    sample = ROOT / "tests" / "samples" / "paragraphs.txt"
    out = io.StringIO()
    call_command(
        "import_seeds", str(sample), "--dry-run", "-v", "2", stdout=out, stderr=io.StringIO()
    )
    text = out.getvalue()
    assert f"would link: {sample}:1: Harbour pilots in Rotterdam walk out over pensions" in text
    assert "countries: NL" in text and "persons: Arundhati Roy (author)" in text
    quiet = io.StringIO()
    call_command("import_seeds", str(sample), "--dry-run", stdout=quiet, stderr=io.StringIO())
    assert "would link:" not in quiet.getvalue() and "links to add:" in quiet.getvalue()


SAMPLES = ROOT / "tests" / "samples"
BAD_SAMPLES = [
    "empty.txt", "whitespace_only.txt", "binary.bin", "bad_utf8.txt", "control_chars.txt",
    "cut_multibyte.txt", "unknown.csv", "unknown.json", "unknown_code.txt", "single_word.txt",
    "prose_lines.txt", "truncated_bullets.txt", "truncated_pairs.txt", "truncated_paragraphs.txt",
]  # fmt: skip


@pytest.fixture
def stored_sample(db):
    """A database that already holds one good dump, to show a bad one changes nothing."""
    run_import(SAMPLES / "pairs.txt")
    return snapshot()


@pytest.mark.parametrize("name", BAD_SAMPLES)
def test_import_seeds_bad_file_fails_and_leaves_database_unchanged(stored_sample, name):
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("import_seeds", str(SAMPLES / name), stdout=io.StringIO(), stderr=err)
    assert snapshot() == stored_sample
    message = err.getvalue().strip()
    assert message.startswith(f"error: {SAMPLES / name}") and len(message.splitlines()) == 1


def test_import_seeds_oversized_file_is_refused(stored_sample):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(SAMPLES / "bullets.txt"), "--max-bytes", "100", stderr=err)
    assert "bullets.txt" in err.getvalue()
    assert snapshot() == stored_sample


@pytest.mark.django_db
def test_import_seeds_other_files_still_import_when_one_is_bad(tmp_path):
    shutil.copy(SAMPLES / "pairs.txt", tmp_path / "good.txt")
    shutil.copy(SAMPLES / "bad_utf8.txt", tmp_path / "bad.txt")
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_seeds", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Article.objects.filter(provenance_file="good.txt").exists()
    assert not Article.objects.filter(provenance_file="bad.txt").exists()


@pytest.mark.django_db
def test_import_seeds_accepts_bom_and_crlf():
    report = run_import(SAMPLES / "bom_crlf.txt", SAMPLES / "bullets_tabs_crlf.txt")
    assert report["totals"]["failed_files"] == 0 and report["totals"]["created"] > 0


@pytest.mark.django_db
def test_import_seeds_missing_path_is_reported(tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path / "nope.txt"), stdout=io.StringIO(), stderr=err)
    assert "nope.txt" in err.getvalue()


@pytest.mark.django_db
def test_import_seeds_database_error_is_one_line_and_other_files_import(tmp_path, monkeypatch):
    shutil.copy(SAMPLES / "bullets.txt", tmp_path / "a_refused.txt")
    shutil.copy(SAMPLES / "pairs.txt", tmp_path / "b_good.txt")
    save_chunk = pipeline.save_chunk

    def refuse(chunk, document, linker, report):
        save_chunk(chunk, document, linker, report)
        if document.name == "a_refused.txt":
            raise IntegrityError("duplicate key value violates unique constraint\nDETAIL: …")

    monkeypatch.setattr(pipeline, "save_chunk", refuse)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 of 2 file"):
        call_command("import_seeds", str(tmp_path), stdout=io.StringIO(), stderr=err)
    errors = [line for line in err.getvalue().splitlines() if line.startswith("error:")]
    where = f"error: {tmp_path / 'a_refused.txt'}:3: the database refused an item of lines 3-"
    reason = "(duplicate key value violates unique constraint); nothing of this file was stored"
    assert len(errors) == 1 and errors[0].startswith(where) and errors[0].endswith(reason)
    assert not Article.objects.filter(provenance_file="a_refused.txt").exists()
    assert Article.objects.filter(provenance_file="b_good.txt").exists()


@pytest.mark.django_db
def test_import_seeds_prints_a_note_for_each_cut_field(tmp_path):
    outlet = "Outlet " * 40
    text = (SAMPLES / "bullets.txt").read_text()
    text = text.replace("published on PopularResistance.Org.", f"published on {outlet}.", 1)
    (tmp_path / "dump.txt").write_text(text)
    out = io.StringIO()
    call_command("import_seeds", str(tmp_path), stdout=out, stderr=io.StringIO())
    notes = [line for line in out.getvalue().splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and notes[0].startswith(f"note: {tmp_path / 'dump.txt'}:3: source name")
