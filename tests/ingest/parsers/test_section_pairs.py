from articles.ingest.parsers import section_pairs


def test_section_pairs_make_the_header_the_section_not_an_article(sample):
    items = section_pairs.parse(sample("section_pairs.txt")).items
    assert [item.section for item in items] == ["Housing", "Housing"]
    assert [(item.line_start, item.line_end) for item in items] == [(2, 4), (6, 8)]
    assert items[0].title == "Tenants in Berlin win a rent freeze after a year of protests"


def test_section_pairs_accept_summaries_without_a_final_full_stop(sample):
    first = section_pairs.parse(sample("section_pairs.txt")).items[0]
    assert first.summary.endswith("a demand of tenant unions since last spring")
    assert first.captions == ()


def test_section_pairs_accept_a_blank_line_under_the_header(document):
    text = "Housing\n\nRents rise again in Lisbon\n\nRents in the capital rose by a fifth.\n"
    (item,) = section_pairs.parse(document(text)).items
    assert (item.section, item.title, item.line_start) == (
        "Housing",
        "Rents rise again in Lisbon",
        3,
    )


def test_section_pairs_start_a_new_section_at_a_later_header(document):
    text = (
        "Science\nRocket reaches orbit\n\n"
        "The launch from the south coast carried 13 satellites to orbit.\n\n"
        "Sport\nGeorgia beat Japan in Tbilisi\n\n"
        "Georgia won 28-19 at home, their first win over a top side this year.\n\n"
        "Kenyans sweep the marathon\n\n"
        "Both the men's and the women's races went to runners from Kenya.\n"
    )
    items = section_pairs.parse(document(text)).items
    assert [(item.section, item.title) for item in items] == [
        ("Science", "Rocket reaches orbit"),
        ("Sport", "Georgia beat Japan in Tbilisi"),
        ("Sport", "Kenyans sweep the marathon"),
    ]
    assert [item.line_start for item in items] == [2, 7, 11]
