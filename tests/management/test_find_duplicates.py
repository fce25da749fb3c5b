import io

import pytest
from django.core.management import call_command

from articles.ingest.copies import BANDS
from articles.models import Article, CopyBand

SUMMARY = (
    "Dock workers in Genoa refused on Monday to load a cargo ship bound for the war zone, "
    "saying the containers held weapons and their union would not take part in the arms trade."
)


def find_duplicates() -> str:
    out = io.StringIO()
    call_command("find_duplicates", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_find_duplicates_marks_copies_among_stored_articles(make_article):
    original = make_article("Genoa dockers refuse arms ship", summary=SUMMARY)
    copy = make_article("Italian port says no", summary=SUMMARY + " Republished with thanks.")
    kept = make_article("Another one", summary=SUMMARY[:150], edited_fields=["duplicate_of"])
    short = make_article("Short", summary="Ships sail again.")
    output = find_duplicates()
    assert "4 article(s) checked, 1 changed; 1 are copies" in output
    for article in (original, copy, kept, short):
        article.refresh_from_db()
    assert copy.duplicate_of == original and kept.duplicate_of is None
    assert original.duplicate_of is None and short.duplicate_of is None
    assert CopyBand.objects.count() == 3 * BANDS  # the short text has none
    assert "0 changed" in find_duplicates()  # idempotent
    assert Article.objects.filter(duplicate_of__isnull=False).count() == 1
