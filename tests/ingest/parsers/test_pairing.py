from articles.ingest.parsers.blocks import split_blocks
from articles.ingest.parsers.pairing import CAPTION, HEADLINE, SUMMARY, label_blocks, pair_blocks


def _labels(text):
    return label_blocks(split_blocks(text.split("\n")))


def test_label_blocks_alternates_headlines_and_summaries_without_final_stops():
    text = (
        "Teachers in Kenya suspend nationwide strike after government agrees to hire interns\n\n"
        "The union says the deal is a first step\n\n"
        "Farmers protest wheat import scandal\n\n"
        "Thousands of farmers rallied in Lahore, accusing officials of importing grain"
    )
    assert _labels(text) == [HEADLINE, SUMMARY, HEADLINE, SUMMARY]


def test_label_blocks_finds_two_captions_in_a_row():
    text = (
        "Break the silence on oil workers' deaths\n\nSmoke rises over the city\n\n"
        "Flowers on the Caspian shore\n\n"
        "Oil workers and their families are demanding answers about offshore safety.\n\n"
        "Revenge of a bank worker\n\nSaboteur from Office Space\n\n"
        "An IT worker was jailed last week for downing the bank's network."
    )
    assert _labels(text) == [HEADLINE, CAPTION, CAPTION, SUMMARY, HEADLINE, CAPTION, SUMMARY]


def test_pair_blocks_leaves_a_final_headline_without_summary():
    text = "First story\n\nA summary of the first story, in full.\n\nSecond story"
    items = pair_blocks(split_blocks(text.split("\n")))
    assert items[-1].headline.text == "Second story" and items[-1].summary == ()


def test_label_blocks_takes_a_credit_line_for_a_caption_after_a_long_caption():
    body = "Officials said the museum had kept its objects in rooms without cooling for decades."
    text = (
        "Paintings leave Nukus for the first time\n\n"
        'A visitor in front of Ana Kirsanova-Lebedeva\'s "Caravan at Khiva" at the Louvre in '
        "Abu Dhabi\n\n"
        "Photo: Rashid al-Mansoori/AFP\n\n"
        f"{body}\n\n"
        "Ports reopen after the storm\n\n"
        "(Reuters/Ana Lima)\n\n"
        f"{body}"
    )
    assert _labels(text) == [HEADLINE, CAPTION, CAPTION, SUMMARY, HEADLINE, CAPTION, SUMMARY]
