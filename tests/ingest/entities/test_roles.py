"""``roles.after_role``: the name after a role noun that opens its sentence, in one span."""

import pytest

from articles.ingest.entities.names import is_common_word
from articles.ingest.entities.persons import clean_name
from articles.ingest.entities.roles import after_role
from articles.ingest.entities.spans import Span


def span_of(words: str, text: str, label: str = "ORG") -> Span:
    start = text.index(words)
    return Span(words, label, start, start + len(words))


@pytest.mark.parametrize(
    ("words", "text", "name"),
    [
        ("Nurse Ana Lima", "The ward closed. Nurse Ana Lima said it was full.", "Ana Lima"),
        ("Shopkeeper Rahul Devgan", "Shopkeeper Rahul Devgan lost his stall.", "Rahul Devgan"),
        (
            "Pilot Marie-Claire Dubois",
            "  • Pilot Marie-Claire Dubois landed.",
            "Marie-Claire Dubois",
        ),
        # A first name the dictionary lacks: no English word, and named as a person is.
        ("Courier Obiageli Nwankwo", "Courier Obiageli Nwankwo, 31, said so.", "Obiageli Nwankwo"),
    ],
)
def test_after_role_keeps_the_name_after_a_role_opening_the_sentence(words, text, name):
    found = after_role(span_of(words, text), text)
    assert found is not None and found.text == name and found.label == "PERSON"
    assert text[found.start : found.end] == name


@pytest.mark.parametrize(
    ("words", "text"),
    [
        ("Nurse Ana Lima", "He thanked Nurse Ana Lima."),  # mid-sentence: a capital means more
        ("Grace Ana Lima", "Grace Ana Lima spoke."),  # a first name, not a role
        ("Nurse Okoro", "Nurse Okoro spoke."),  # a surname alone: "Nurse" may be a title
        ("Harbour Okoro Bassey", "Harbour Okoro Bassey reopened."),  # no first name follows
        ("Harbour Quay Okoro", "Harbour Quay Okoro, the port, shut."),  # an English word
        ("Pilot Anna Mills Trust", "Pilot Anna Mills Trust grew."),  # an organisation word
        ("Park Min-seo", "Park Min-seo, who runs a bakery, said so."),  # a Korean surname
    ],
)
def test_after_role_leaves_other_spans(words, text):
    assert after_role(span_of(words, text), text) is None


def test_persons_in_keeps_the_name_the_model_tagged_with_its_role(persons_in):
    # The model tags "Nurse Sacha Moreau" ORG; "Sacha" is a first name of either gender.
    assert persons_in("The ward closed. Nurse Sacha Moreau said it was full.") == {
        "Sacha Moreau": 1
    }


def test_persons_in_drops_the_role_from_a_name_the_model_split(persons_in):
    # The model tags "Farmer Jaswinder" and "Singh Gill" apart.
    text = "The harvest failed. Farmer Jaswinder Singh Gill said he had sold his land."
    assert set(persons_in(text)) == {"Jaswinder Singh Gill"}


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Chief Felix Anyanwu-Obi", "Felix Anyanwu-Obi"),  # an honorific title
        ("Coach Ana Lima", "Ana Lima"),
        ("Dutchman Ricardo van der Lugt", "Ricardo van der Lugt"),  # a demonym as a noun
    ],
)
def test_clean_name_drops_honorifics_and_demonym_nouns(raw, name):
    assert clean_name(raw) == name


def test_demonym_nouns_are_no_names():
    assert is_common_word("Welshman", "") and is_common_word("Frenchwomen", "")
    assert not is_common_word("Welsh", "")


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Ratu Josefa Nakoroi Vunidilo", "Josefa Nakoroi Vunidilo"),  # a Fijian chiefly title
        ("Trader Omar Sabah al-Jubouri", "Omar Sabah al-Jubouri"),
        ("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim"),
    ],
)
def test_clean_name_drops_chiefly_titles_and_trades(raw, name):
    assert clean_name(raw) == name
