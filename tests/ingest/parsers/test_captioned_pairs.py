from articles.ingest.parsers import captioned_pairs


def test_captioned_pairs_keep_captions_out_of_title_and_summary(sample):
    first, second = captioned_pairs.parse(sample("captioned_pairs.txt")).items
    assert first.title == "Bakers in Lyon strike over night shifts"
    assert first.captions == ("Loaves cooling on a rack", "an empty bakery in the old town")
    assert first.summary.startswith("Bakery workers in Lyon")
    assert "Loaves" not in first.summary and "Loaves" not in first.text_for_entities()
    assert second.captions == ()


def test_captioned_pairs_unwrap_a_hard_wrapped_summary(sample):
    first = captioned_pairs.parse(sample("captioned_pairs.txt")).items[0]
    assert (
        "Lyon have walked out over unpaid night shifts and the loss of their Sunday"
        in first.summary
    )
    assert (first.line_start, first.line_end) == (2, 9)


def test_captioned_pairs_take_the_author_off_the_headline(sample):
    first = captioned_pairs.parse(sample("captioned_pairs.txt")).items[0]
    assert first.authors == ("Claire Dubois",)  # from " - Claire Dubois" and "writes Claire Dubois"


def test_captioned_pairs_keep_a_dash_that_is_not_an_author(document):
    text = "Ukraine - Russia talks stall\n\nNegotiators left Istanbul without a deal on Friday.\n"
    (item,) = captioned_pairs.parse(document(text)).items
    assert item.title == "Ukraine - Russia talks stall" and item.authors == ()


def test_captioned_pairs_tell_a_caption_from_the_next_headline(document):
    text = (
        "Dock strike spreads to Antwerp\n\nCranes idle at the quay\n\n"
        "Dockers in Antwerp joined the strike on Monday, halting most container traffic.\n\n"
        "Rail freight grows in Austria\n\n"
        "Freight volumes on Austrian railways rose by a tenth last year, the operator said.\n"
    )
    items = captioned_pairs.parse(document(text)).items
    assert [item.title for item in items] == [
        "Dock strike spreads to Antwerp",
        "Rail freight grows in Austria",
    ]
    assert items[0].captions == ("Cranes idle at the quay",)
