from articles.ingest.parsers.sentences import (
    TITLE_LIMIT,
    clip_words,
    derive_title,
    split_sentences,
    strip_credits,
)


def test_split_sentences_splits_glued_full_stops():
    text = 'street fighting.Thousands spent the night there. "Upon arrival" they left.'
    assert split_sentences(text) == [
        "street fighting.",
        "Thousands spent the night there.",
        '"Upon arrival" they left.',
    ]


def test_split_sentences_keeps_abbreviations_initials_and_domains_together():
    text = "The U.S. Army and Mr. Smith met Lt. Gen. Ivanov at PopularResistance.Org today."
    assert split_sentences(text) == [text]


def test_split_sentences_keeps_abbreviated_place_names_whole():
    text = "Mills in Sault Ste. Marie and Mt. Hood closed. Ft. Worth waits."
    assert split_sentences(text) == [
        "Mills in Sault Ste. Marie and Mt. Hood closed.",
        "Ft. Worth waits.",
    ]


def test_strip_credits_removes_photo_credits_only():
    text = "A protest. (Reuters/Toby Melville). Credit: AP Photo/Jane Roe. People (ME/CFS) wait."
    assert strip_credits(text) == "A protest. People (ME/CFS) wait."


def test_derive_title_takes_the_first_sentence_without_its_full_stop():
    assert derive_title("Floods hit the valley. More rain is due.") == "Floods hit the valley"


def test_derive_title_clips_at_a_word_boundary_with_an_ellipsis():
    text = "word " * 60
    title = derive_title(text)
    assert len(title) <= TITLE_LIMIT
    assert title.endswith("word…") and "  " not in title


def test_derive_title_never_stops_mid_phrase_without_an_ellipsis():
    text = (
        "Ukrainian forces say they have repelled an attack on the second city Kharkiv after "
        "fierce clashes with Russian forces near the border overnight. More follows."
    )
    title = derive_title(text)
    assert len(title) <= TITLE_LIMIT
    assert title.endswith("…") and not title.endswith("Russian")


def test_derive_title_prefers_a_clause_boundary():
    text = (
        "Thousands marched through the capital on Saturday demanding a ceasefire in Gaza, "
        "while police said the crowds were far smaller than organisers had claimed. Then."
    )
    assert derive_title(text) == (
        "Thousands marched through the capital on Saturday demanding a ceasefire in Gaza"
    )


def test_clip_words_drops_dangling_little_words_and_commas():
    text = (
        "Workers in the port of Felixstowe voted, after a long and bitter dispute over pay and the"
    )
    clipped = clip_words(text, limit=40)
    assert len(clipped) <= 40
    assert clipped == "Workers in the port of Felixstowe voted"
