import pytest

from articles.ingest.parsers.trailers import read_trailer, source_of


@pytest.mark.parametrize(
    ("line", "title", "source"),
    [
        (
            "The post A Week Long Fight appeared first on PopularResistance.Org.",
            "A Week Long Fight",
            "PopularResistance.Org",
        ),
        (
            "The post Report on the Talks first appeared on Global Voices.",
            "Report on the Talks",
            "Global Voices",
        ),
        (
            "The post Is It Over? first appeared on Dissident Voice.",
            "Is It Over?",
            "Dissident Voice",
        ),
    ],
)
def test_read_trailer_reads_the_post_forms(line, title, source):
    trailer = read_trailer(line)
    assert (trailer.kind, trailer.title, trailer.source) == ("post", title, source)


def test_read_trailer_reads_originally_published_on():
    trailer = read_trailer("This post was originally published on Human rights | The Guardian.")
    assert (trailer.kind, trailer.source) == ("published", "Human rights | The Guardian")


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Taejun Kang for RFA", "Taejun Kang"),
        ("Radio Free Asia", None),
        ("Radio Free Europe/Radio Liberty", None),
        ("Jane Roe", "Jane Roe"),
    ],
)
def test_read_trailer_reads_content_originally_appeared(author, expected):
    trailer = read_trailer(
        f"This content originally appeared on Radio Free Asia and was authored by {author}."
    )
    assert trailer.original_source == "Radio Free Asia"
    assert trailer.author == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Continue reading…", "continue"),
        ("Continue reading...", "continue"),
        ("This article was originally published in Italian on Grandangolo.", "note"),
        ("This story was first published by a partner.", "note"),
    ],
)
def test_read_trailer_reads_markers_and_notes(line, kind):
    assert read_trailer(line).kind == kind


def test_read_trailer_leaves_ordinary_paragraphs_alone():
    assert read_trailer("The post office in the village closed in 1998.") is None
    assert read_trailer("This post was a long time coming, she said.") is None


def test_source_of_prefers_originally_published_on():
    trailers = (
        read_trailer("The post X appeared first on Site A."),
        read_trailer("This post was originally published on Site B."),
    )
    assert source_of(trailers) == "Site B"
    assert source_of(trailers[:1]) == "Site A"
