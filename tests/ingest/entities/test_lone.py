"""``lone.kept``: a one-word name stays only where the article uses it as a person's."""

import pytest

from articles.ingest.entities.lone import kept
from articles.ingest.records import PersonMention


def names_kept(text: str, *mentions: PersonMention) -> list[str]:
    return [mention.name for mention in kept(mentions, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Okonjo said the budget would pass.",
        "The budget will pass, Okonjo told reporters.",
        "The budget will pass, according to Okonjo.",
        "President Okonjo signed the budget.",
        "Okonjo's government passed the budget.",
        "Okonjo, who leads the party, backed the budget.",
        "Okonjo, a farmer from the north, told reporters the budget would pass.",
        "Okonjo, a 34-year-old mother of three I met in the unit, cannot pay.",
        "I met 34-year-old Okonjo in the unit.",
    ],
)
def test_lone_word_used_as_a_persons_name_is_kept(text):
    assert names_kept(text, PersonMention("Okonjo")) == ["Okonjo"]


@pytest.mark.parametrize(
    "text",
    [
        "Veltrion will build the plant near the lake.",
        "Tourists flocked to Veltrion on Sunday.",
        "Veltrion shares fell; Veltrion’s “plan” was dropped.",
    ],
)
def test_lone_word_never_used_as_a_persons_name_goes(text):
    assert names_kept(text, PersonMention("Veltrion")) == []


def test_lone_english_word_opening_sentences_needs_more_than_an_auxiliary():
    text = "Voters stayed home. Turnout was about 13 per cent."
    assert names_kept(text, PersonMention("Turnout")) == []
    assert names_kept("Okonjo was re-elected.", PersonMention("Okonjo")) == ["Okonjo"]


def test_lone_rule_keeps_full_names_first_names_and_registry_persons():
    text = "Veltrion, Marc and Ana Okonjo came."
    mentions = (
        PersonMention("Ana Okonjo"),
        PersonMention("Marc"),
        PersonMention("Veltrion", known_as="Tomas Veltrion"),
    )
    assert names_kept(text, *mentions) == ["Ana Okonjo", "Marc", "Veltrion"]


def test_lone_rule_keeps_famous_persons_named_by_surname_alone():
    text = "The Relevance of Lenin’s “Imperialism” Today\n\nAn essay on the book."
    assert names_kept(text, PersonMention("Lenin")) == ["Lenin"]
    assert names_kept(text.replace("Lenin", "Veltrion"), PersonMention("Veltrion")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Nguyen, who runs trips out of Veltrion, said visitors were fewer.",
        "Rock from the Veltrion by a probe is young. Veltrion's far side is old.",
        "Tourists in Veltrion said the season was short.",
    ],
)
def test_lone_word_written_as_a_place_or_thing_goes(text):
    assert names_kept(text, PersonMention("Veltrion")) == []


@pytest.mark.parametrize(
    "text",
    [
        "Protesters gathered in Okonjo's home town. Okonjo said he would listen.",
        "The Okonjo government fell. Okonjo said he would return.",
        "Crowds cheered in Okonjo. President Okonjo said he would return.",
    ],
)
def test_lone_word_as_a_possessive_or_attribute_or_titled_is_still_a_person(text):
    assert names_kept(text, PersonMention("Okonjo")) == ["Okonjo"]


@pytest.mark.parametrize(
    "text",
    [
        "The bridge will start near Askar on the coast. Askar's port is small.",
        "A road from the airport to Whitegrass was open again.",
    ],
)
def test_lone_place_use_outweighs_a_first_names_look(text):
    name = "Askar" if "Askar" in text else "Whitegrass"
    assert names_kept(text, PersonMention(name)) == []


def test_lone_first_name_the_article_also_writes_in_the_plural_goes():
    text = "Norway picks its film for the Oscars. It is the entry for the best feature Oscar."
    assert names_kept(text, PersonMention("Oscar")) == []
    text = "At the Oscars, Oscar said he was proud."  # a person's cue keeps it
    assert names_kept(text, PersonMention("Oscar")) == ["Oscar"]
