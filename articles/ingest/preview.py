"""What a dry run would link: the extraction of each new article, counted and listed (no Django).

The counts are of distinct entities as the extraction names them (a person per name and role, a
country per code, a topic per slug), before names are matched to stored persons and before
editors' rejections apply, so a real import may link a little less.
"""

from articles.ingest.records import ExtractedArticle, FileReport, LinkPreview


def preview_links(extracted: ExtractedArticle) -> LinkPreview:
    """The entities one extracted article would be linked to."""
    persons = dict.fromkeys(
        mention.name if mention.role == "mentioned" else f"{mention.name} ({mention.role})"
        for mention in extracted.persons
    )
    return LinkPreview(
        line=extracted.item.line_start,
        title=extracted.item.title,
        persons=tuple(persons),
        countries=tuple(dict.fromkeys(mention.code for mention in extracted.countries)),
        topics=tuple(dict.fromkeys(match.name for match in extracted.topics)),
    )


def count_new_links(chunk: list[ExtractedArticle], known: set[str], report: FileReport) -> None:
    """Add the links the chunk's new articles (fingerprint not in ``known``) would get to the
    report's ``*_linked`` counters and ``previews``."""
    for extracted in chunk:
        if extracted.fingerprint in known:
            continue
        preview = preview_links(extracted)
        report.previews.append(preview)
        report.persons_linked += len(preview.persons)
        report.countries_linked += len(preview.countries)
        report.topics_linked += len(preview.topics)
