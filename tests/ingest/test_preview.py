"""preview: what a dry run would link, from the extraction alone."""

from articles.ingest.preview import count_new_links, preview_links
from articles.ingest.records import (
    CountryMention,
    ExtractedArticle,
    FileReport,
    ParsedItem,
    PersonMention,
    TopicMatch,
)


def extracted(fingerprint: str, line: int = 3) -> ExtractedArticle:
    item = ParsedItem(title="Talks resume", summary="", body="", line_start=line, line_end=line)
    return ExtractedArticle(
        item=item,
        fingerprint=fingerprint,
        persons=(
            PersonMention("Ana Lopez", 2),
            PersonMention("Ana Lopez", 1, role="author"),
            PersonMention("Ben Okri"),
        ),
        countries=(CountryMention("FR", 3), CountryMention("DE")),
        topics=(TopicMatch("diplomacy", "Diplomacy", 0.8),),
    )


def test_preview_links_names_each_entity_once_with_authors_marked():
    preview = preview_links(extracted("a"))
    assert (preview.line, preview.title) == (3, "Talks resume")
    assert preview.persons == ("Ana Lopez", "Ana Lopez (author)", "Ben Okri")
    assert (preview.countries, preview.topics) == (("FR", "DE"), ("Diplomacy",))


def test_count_new_links_skips_stored_articles():
    report = FileReport(path="dump.txt")
    count_new_links([extracted("stored"), extracted("new", line=9)], {"stored"}, report)
    assert [p.line for p in report.previews] == [9]
    linked = (report.persons_linked, report.countries_linked, report.topics_linked)
    assert linked == (3, 2, 1)
