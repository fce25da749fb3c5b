"""ParsedItem ↔ Article: one conversion both ways, and the limits the model sets."""

import pytest

from articles.ingest.persist.items import item_from_article, stored_articles
from articles.ingest.records import PersonMention


@pytest.mark.django_db
def test_item_from_article_gives_back_the_imported_item(save, extracted):
    value = extracted(
        body="The strike went on.",
        section="Labour",
        source="Dissident Voice",
        original_source="Radio Free Asia",
        authors=("Dewi Lestari",),
        persons=[PersonMention("Dewi Lestari", 1, "author")],
        line_start=4,
        line_end=9,
    )
    article, _ = save(value)
    assert item_from_article(stored_articles([article.pk]).get()) == value.item
