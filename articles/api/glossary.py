"""What each response and request field of the API means: the schema's field descriptions.

A field's own ``help_text`` wins; otherwise ``Serializer.field`` (the serializer's name without
``Serializer``, looked up along its classes, so a list item reads its article's entries), then
the plain field name, which holds what a name means wherever it appears (``article_count``).
``tests/api/test_schema.py`` fails on a field without a description and on an unused entry.
"""

FIELDS = {
    # meanings shared by every resource
    "id": "Numeric id: stable, used in URLs and as a filter value.",
    "url": "This row's URL in the API.",
    "name": "Name, as written.",
    "slug": "URL-safe name: the value the article filters take.",
    "article_count": "Number of articles linked to it (in stats: among those the filters select).",
    "mentions": "How many times the article names it.",
    # articles
    "Article.title": "Headline as written, without trailing colon or author (or derived: see "
    "`title_derived`).",
    "Article.summary": "The item's lead: the paragraph under the headline.",
    "Article.body": "The rest of the item's text; lists leave it out unless `include=body`.",
    "Article.authors": "Names of the persons credited with writing the item.",
    "Article.photographers": "Names of the persons a photo credit in the item names "
    "(`(Reuters/Toby Melville)`, `Credit: AP Photo/…`); agencies are left out.",
    "Article.source": "Outlet that published the item (`null` if the dump names none).",
    "Article.original_source": "Outlet the item first appeared in, when the dump credits one.",
    "Article.section": "Section heading the dump filed the item under (empty if none).",
    "Article.topics": "Topics the item is about, strongest first.",
    "Article.persons": "Persons the item names (besides its authors and photographers), most "
    "mentioned first.",
    "evidence": "Where the importer found each mention (empty for a link an editor made).",
    "Evidence.field": "The article field the mention is in: `title`, `summary` or `body`.",
    "Evidence.start": "Offset of the mention's first character in that field (0-based, in "
    "Unicode characters): `article[field][start:end]` is the mention as written.",
    "Evidence.end": "Offset just past the mention's last character.",
    "Article.countries": "Countries the item names, most mentioned first.",
    "Article.dated": "When the events happened, as the text states it (`null` if it does not); "
    "editors may set it.",
    "Article.dated_source": "Who set `dated` (`null` while there is none).",
    "Article.status": "Editorial status: `imported` (as read from a dump), `reviewed` (an editor "
    "checked it), `published`, `withdrawn` (taken back).",
    "Article.needs_review": "The importer flagged the item for an editor (an unsure layout, a "
    "derived title, …).",
    "Article.provenance": "Where the importer found the item.",
    "Article.created_at": "When the item was first imported or created (ISO 8601, UTC).",
    "Article.updated_at": "When the item last changed (ISO 8601, UTC).",
    "Article.story": "The story the item belongs to (`null` until clustered): other outlets' "
    "reports of the same event and its follow-ups.",
    "ArticleWrite.title": "Headline.",
    "ArticleWrite.summary": "The item's lead paragraph.",
    "ArticleWrite.body": "The rest of the item's text.",
    "ArticleWrite.section": "Section heading (free text).",
    "ArticleWrite.status": "Editorial status: `imported`, `reviewed`, `published` or `withdrawn`.",
    "ArticleWrite.needs_review": "`false` takes the item off the review queue.",
    "ArticleWrite.source": "Slug of the outlet that published the item.",
    "ArticleWrite.original_source": "Slug of the outlet the item first appeared in.",
    "Provenance.file": "Dump file name (`api` for an article created through the API).",
    "Provenance.line_start": "First line of the item in the file (1-based; 0 from the API).",
    "Provenance.line_end": "Last line of the item in the file.",
    "Provenance.sha256": "SHA-256 of the dump file (from the API: the content fingerprint).",
    "TopicLink.score": "How surely the item is about the topic, 0 to 1 (1: an editor's choice).",
    "PersonLinkWrite.person": "Id of the person to link.",
    "PersonLinkWrite.role": "`mentioned` (default), `author` or `photographer`.",
    "PersonLinkWrite.mentions": "How many times the article names the person (default 1).",
    "CountryLinkWrite.mentions": "How many times the article names the country (default 1).",
    "TopicLinkWrite.topic": "Id of the topic to link.",
    "TopicLinkWrite.score": "How surely the item is about the topic, 0 to 1 (default 1).",
    # entities
    "Person.aliases": "Other names the importer reads as this person: spelling variants and "
    "the names of persons merged into it.",
    "Source.aliases": "Other names the importer files under this outlet: the names of sources "
    "merged into it, and spellings editors added.",
    "Country.code": "ISO 3166-1 alpha-2 code.",
    "Country.alpha3": "ISO 3166-1 alpha-3 code.",
    "Country.aliases": "Names, demonyms and abbreviations the importer reads as this country.",
    "Topic.parent": "Slug of the parent topic (`null` at the top of the taxonomy).",
    # reports and errors
    "CountryCount.code": "ISO 3166-1 alpha-2 code.",
    "SectionCount.section": "Section heading, as the dumps write it.",
    "Error.status": "HTTP status code.",
    "Error.code": "Machine-readable error code: `invalid`, `not_found`, `throttled`, "
    "`not_authenticated`, `permission_denied`, …",
    "Error.detail": "What went wrong, for humans (the `errors` name each bad parameter).",
}

# What each enum value means, wherever the value appears (filters, fields, their enums).
VALUES = {
    "imported": "as read from a dump; no editor has checked it",
    "reviewed": "an editor checked it",
    "published": "checked and released to readers",
    "withdrawn": "taken back by an editor",
    "mentioned": "the article names the person",
    "author": "the person wrote (or co-wrote) the article",
    "photographer": "a photo credit in the article names the person",
    "any": "articles naming any of the countries (the default)",
    "all": "articles naming every one of the countries",
    "-created": "newest first (the default without `search`)",
    "created": "oldest first",
    "title": "by title, A to Z",
    "-title": "by title, Z to A",
    "relevance": "best match first (the default with `search`; needs it)",
    "updated": "oldest change first: the change feed (the last moments' changes held back)",
    "dated": "by the date of the events, oldest first (dated articles only)",
    "-dated": "by the date of the events, newest first (dated articles only)",
    "name": "by name, A to Z",
    "-name": "by name, Z to A",
    "code": "by ISO code, A to Z",
    "-code": "by ISO code, Z to A",
    "count": "fewest articles first",
    "-count": "most articles first",
    "derived_title": "the dump had no headline: the importer derived the title",
    "suspect_person": "it names a person flagged as a place, outlet, organisation or duplicate",
    "low_confidence": "it names a one-word person once (weak evidence)",
    "no_country": "no country is linked",
    "single_word": "the person's name is one word",
    "place": "the person is named like a place (a country name or alias)",
    "outlet": "the person is named like a news outlet (a source)",
    "organisation": "the person's name has an organisation word (Ministry, Agency, …)",
    "duplicate": "the person is likely a duplicate of another (see `suspected_duplicate`)",
    "no_articles": "no article names the person",
    "-last_seen": "stories with the newest article first (the default)",
    "last_seen": "stories whose latest article is oldest first",
    "-first_seen": "stories that began most recently first",
    "first_seen": "stories that began longest ago first",
    "-size": "largest stories first",
    "size": "smallest stories first",
}


def describe(serializer_class, field_name: str) -> str | None:
    """The glossary's description of ``field_name`` in ``serializer_class`` (``None`` if none)."""
    for cls in serializer_class.__mro__:
        key = f"{cls.__name__.removesuffix('Serializer')}.{field_name}"
        if key in FIELDS:
            return FIELDS[key]
    return FIELDS.get(field_name)
