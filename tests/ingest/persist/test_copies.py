"""Syndicated copies found at import: against the stored corpus, in a chunk, editors kept."""

import pytest

from articles.ingest.persist.catalog import Linker
from articles.ingest.persist.copies import recheck_copies
from articles.ingest.persist.upsert import save_chunk
from articles.ingest.records import FileReport
from articles.models import Article, CopyBand
from tests.ingest.persist.conftest import DOC

SUMMARY = (
    "Dock workers in Genoa refused on Monday to load a cargo ship bound for the war zone, "
    "saying the containers held weapons and their union would not take part in the arms trade."
)
TRAILER = " This article first appeared on Workers Today. Republish it freely with a link."


@pytest.mark.django_db
def test_copy_with_new_headline_and_trailer_points_at_the_first_seen(save, extracted):
    original, _ = save(extracted(title="Genoa dockers refuse arms ship", summary=SUMMARY))
    copy, report = save(
        extracted(title="Italian port says no to weapons", summary=SUMMARY + TRAILER)
    )
    assert copy.duplicate_of == original and original.duplicate_of is None
    assert report.copies == 1
    assert (
        CopyBand.objects.filter(article=copy).count()
        == CopyBand.objects.filter(article=original).count()
        > 0
    )


@pytest.mark.django_db
def test_copy_of_a_copy_points_at_the_original(save, extracted):
    original, _ = save(extracted(title="One", summary=SUMMARY))
    save(extracted(title="Two", summary=SUMMARY + TRAILER))
    third, _ = save(extracted(title="Three", summary=SUMMARY[:140] + TRAILER))
    assert third.duplicate_of == original
    assert sorted(original.duplicates.values_list("title", flat=True)) == ["Three", "Two"]


@pytest.mark.django_db
def test_copies_in_one_chunk_are_found(db, extracted):
    report = FileReport(path="dump.txt")
    values = [
        extracted(title="First", summary=SUMMARY),
        extracted(title="Again", summary=TRAILER + SUMMARY),
    ]
    save_chunk(values, DOC, Linker(), report)
    first, again = (Article.objects.get(title=title) for title in ("First", "Again"))
    assert again.duplicate_of == first and report.copies == 1
    assert again.history.first().duplicate_of_id == first.pk  # saved with a history entry


@pytest.mark.django_db
def test_a_different_article_on_the_same_subject_is_no_copy(save, extracted):
    save(extracted(title="Genoa dockers refuse arms ship", summary=SUMMARY))
    follow_up = (
        "A day after dock workers in Genoa refused to load it, the cargo ship left for Piraeus, "
        "where the port authority said it would be inspected; the union called a rally for Friday."
    )
    other, report = save(extracted(title="Ship leaves Genoa", summary=follow_up))
    assert other.duplicate_of is None and report.copies == 0


@pytest.mark.django_db
def test_an_editors_undo_survives_reimport_and_recheck(save, extracted):
    save(extracted(title="One", summary=SUMMARY))
    copy, _ = save(extracted(title="Two", summary=SUMMARY + TRAILER))
    copy.duplicate_of = None
    copy.mark_edited("duplicate_of")
    copy.save()
    save(extracted(title="Two", summary=SUMMARY + TRAILER))
    recheck_copies(list(Article.objects.order_by("pk")), "find_duplicates")
    copy.refresh_from_db()
    assert copy.duplicate_of is None


@pytest.mark.django_db
def test_recheck_finds_copies_stored_without_bands(save, extracted):
    original, _ = save(extracted(title="One", summary=SUMMARY))
    copy, _ = save(extracted(title="Two", summary=SUMMARY + TRAILER))
    CopyBand.objects.all().delete()
    Article.objects.update(duplicate_of=None)
    changed = recheck_copies(list(Article.objects.order_by("pk")), "find_duplicates")
    copy.refresh_from_db()
    assert changed == 1 and copy.duplicate_of == original
    assert recheck_copies(list(Article.objects.order_by("pk")), "find_duplicates") == 0
