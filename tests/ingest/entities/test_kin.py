"""``kin.kin_spans``: relatives named after a word of kinship, and what the extractor keeps."""

import pytest

from articles.ingest.entities.kin import kin_spans


def names(text: str) -> list[str]:
    return [span.text for span in kin_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Their daughter Ayanda, 19, wants to study.", ["Ayanda"]),
        ("His wife, Lindiwe, keeps the credit book.", ["Lindiwe"]),
        ("Her sons, Jone and Pita, helped carry the bell.", ["Jone", "Pita"]),
        ("She teaches her daughters, Yesenia and Araceli, who cook.", ["Yesenia", "Araceli"]),
        ("Randy, whose nephew Kian delos Santos was killed, spoke.", ["Kian delos Santos"]),
        ("Her daughters, Khady and Ndèye Fatou, gather oysters.", ["Khady", "Ndèye Fatou"]),
        ("Their sons Áslat and Jovnna drove the herd.", ["Áslat", "Jovnna"]),
    ],
)
def test_kin_spans_take_the_names_after_a_word_of_kinship(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The son of a farmer, he left.",  # no name after the word
        "Sons and Daughters of Liberty marched.",  # no possessive before it
    ],
)
def test_kin_spans_leave_words_of_kinship_without_a_name(text):
    assert names(text) == []


def test_extractor_keeps_relatives_named_by_first_name_alone(persons_in):
    text = (
        "Rosa Kettle runs the stall. Her brother Santiago wants to play football, and their "
        "daughter Ayanda, 19, wants to study accounting."
    )
    found = persons_in(text)
    assert "Santiago" in found and "Ayanda" in found


def test_kin_spans_read_a_possessive_name_before_the_word_of_kinship():
    assert names("Hrytsenko-Koval's husband, Andriy, is a drone operator.") == ["Andriy"]
