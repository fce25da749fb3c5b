"""Evidence: each person and country mention's field offsets, ``item.<field>[start:end]``."""

import pytest

from articles.ingest.entities.evidence import FieldMap
from articles.ingest.limits import FieldLimits, fit_item
from articles.ingest.records import Evidence, ParsedItem
from articles.normalise import name_key


def item(title="", summary="", body="", **fields) -> ParsedItem:
    return ParsedItem(title, summary, body, line_start=1, line_end=1, **fields)


def written(article: ParsedItem, evidence: Evidence) -> str:
    return getattr(article, evidence.field)[evidence.start : evidence.end]


def assert_mentions_as_written(article: ParsedItem, extracted) -> None:
    """Every evidence is inside its field and reads as (part of) the entity's name."""
    for mention in extracted.persons:
        for evidence in mention.evidence:
            text = written(article, evidence)
            assert 0 <= evidence.start < evidence.end <= len(getattr(article, evidence.field))
            assert set(map(name_key, text.split())) <= set(map(name_key, mention.name.split()))
    for mention in extracted.countries:
        assert len(mention.evidence) == mention.count
        for evidence in mention.evidence:
            text = written(article, evidence)
            assert text and text == text.strip() and text[0].isalpha(), (mention, text)


def test_field_map_locates_spans_in_each_field_skipping_empty_ones():
    article = item(title="Alpha beta", body="Gamma delta")  # no summary: title, then body
    text = article.text_for_entities()
    fields = FieldMap(article)
    start = text.index("delta")
    assert fields.locate(start, start + 5) == Evidence("body", 6, 11)
    assert fields.locate(0, 5) == Evidence("title", 0, 5)
    assert fields.locate(6, text.index("Gamma") + 2) is None  # across two fields
    assert fields.locate(3, 3) is None


def test_person_evidence_points_at_each_mention_in_its_field(extract_item):
    article = item(
        title="Macron meets Olaf Scholz in Berlin",
        summary="Emmanuel Macron said on Monday that “Scholz’s plan” was sound.",
        body="Later, Mr. Macron spoke with Scholz again. France and Germany agreed.",
    )
    extracted = extract_item(article)
    assert_mentions_as_written(article, extracted)
    macron = next(m for m in extracted.persons if m.name == "Emmanuel Macron")
    texts = [written(article, e) for e in macron.evidence]
    assert texts == ["Macron", "Emmanuel Macron", "Macron"]
    assert [e.field for e in macron.evidence] == ["title", "summary", "body"]
    assert len(macron.evidence) == macron.count


def test_country_evidence_covers_names_demonyms_and_aliases(extract_item):
    article = item(body="The U.S. and Ukrainian officials met British diplomats in Kyiv.")
    extracted = extract_item(article)
    assert_mentions_as_written(article, extracted)
    found = {m.code: [written(article, e) for e in m.evidence] for m in extracted.countries}
    assert found["US"] == ["U.S."]
    assert found["UA"] == ["Ukrainian", "Kyiv"] or found["UA"] == ["Ukrainian"]
    assert found["GB"] == ["British"]


@pytest.mark.parametrize(
    "body",
    [
        "🇺🇦 Ukraine’s president Volodymyr Zelenskyy met José Álvarez in Kraków, Poland.",
        "«Angela Merkel» visited Ελλάδα and Greece; Ângela Sousa stayed in Portugal.",
        "Emoji 😀😀 first, then Boris Johnson in the United Kingdom and the UK again.",
        "Line one\n\n\nThe French minister   Catherine Colonna   spoke\tto Indian reporters.",
    ],
)
def test_evidence_holds_on_unusual_text(extract_item, body):
    article = item(title="“Quoted” — headline about Russia", summary="Résumé: Putin.", body=body)
    extracted = extract_item(article)
    assert_mentions_as_written(article, extracted)
    assert any(m.evidence for m in extracted.countries)


def test_evidence_refers_to_fields_after_they_are_cut_to_fit(extract_item):
    limits = FieldLimits(title=60, section=10, source_name=50, person_name=50, item_chars=10_000)
    long_title = "Talks between Germany and France " + "went on and on " * 10 + "in Spain"
    fitted, notes = fit_item(item(title=long_title, body="Olaf Scholz flew to Madrid."), limits)
    assert notes and len(fitted.title) <= 60
    extracted = extract_item(fitted)
    assert_mentions_as_written(fitted, extracted)
    assert "ES" not in {
        m.code for m in extracted.countries if any(e.field == "title" for e in m.evidence)
    }  # the cut removed "Spain" from the title: no evidence may point past its end


def test_photographers_have_their_role_and_their_credit_as_evidence(extract_item):
    article = item(
        body="Masih Alinejad spoke in London. (Reuters/Toby Melville). Later, a fire in Dhaka, "
        "Bangladesh. Credit: AP Photo/Mahmud Hossain Opu. Photo by Jane Doe/AFP.",
        captions=("Protesters in Tehran (Photo: Anna Moneymaker/Getty Images)",),
    )
    extracted = extract_item(article)
    credited = {m.name: m for m in extracted.persons if m.role == "photographer"}
    assert set(credited) == {"Toby Melville", "Mahmud Hossain Opu", "Jane Doe", "Anna Moneymaker"}
    assert [written(article, e) for e in credited["Toby Melville"].evidence] == ["Toby Melville"]
    assert credited["Anna Moneymaker"].evidence == ()  # a caption is not stored
    mentioned = {m.name for m in extracted.persons if m.role == "mentioned"}
    assert not mentioned & set(credited)  # a photographer is not a mention
    assert not {"Reuters", "AP", "AP Photo", "AFP", "Getty Images"} & set(credited)
