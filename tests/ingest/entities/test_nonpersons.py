"""``nonpersons``: places spelled without the gazetteer's accents or joined by hyphens, and
common words capitalised only because they open a sentence. Invented sentences, one per rule."""

import pytest

from articles.ingest.entities.nonpersons import context_reason, lexicon_reason, outlet_keys
from articles.ingest.entities.spans import Span

OUTLETS = outlet_keys([])
PLACE = "place or region"
OPENING = "common word opening a sentence"
NAMED_ORGANISATION = "named as an organisation or a people"


def context(name: str, text: str) -> str | None:
    start = text.index(name)
    return context_reason(name, Span(name, "PERSON", start, start + len(name)), text)


@pytest.mark.parametrize("name", ["Sekondi-Takoradi", "Pointe-Noire"])
def test_lexicon_reason_takes_a_hyphenated_town_as_a_whole_name(name):
    assert lexicon_reason(name, OUTLETS) == PLACE


@pytest.mark.parametrize("name", ["Anne-Marie", "Okonjo-Iweala", "Clinton"])
def test_lexicon_reason_keeps_hyphenated_names_and_one_word_towns(name):
    assert lexicon_reason(name, OUTLETS) is None


@pytest.mark.parametrize("name", ["Philippine Red Cross", "Kenya Red Cross"])
def test_lexicon_reason_takes_a_national_society_of_a_listed_organisation(name):
    assert lexicon_reason(name, OUTLETS) == "organisation"


def test_context_reason_finds_a_state_spelled_without_the_gazetteers_accent():
    text = "Bihar votes next month. Rice growers in Assam and Bihar burned straw."
    assert context("Bihar", text) == PLACE


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Mudslides", "Mudslides buried three villages overnight."),
        ("Torrential", "Rain fell all week.\n\nTorrential rain cut the road again."),
        ("Rescuers", "  • Rescuers dug through the night, officials said."),
        ("Gunmen", "Gunmen stormed a school in the north."),
        ("Mudslides", "Deadly Mudslides Hit Hill Towns\n\nMudslides buried three villages."),
        ("Witnesses", "Witnesses said the bus caught fire."),  # a plural may speak too
        ("Inflation", "Prices rose.\n\nInflation reached a record in May."),
        ("Deadly", "The dam held. “Deadly floods are rare here,” the mayor said."),
    ],
)
def test_context_reason_rejects_a_common_word_that_only_opens_sentences(name, text):
    assert context(name, text) == OPENING


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Grant", "Grant said the vote would wait."),  # a first name
        ("Adams", "Adams said the vote would wait."),  # a plural of a first name
        ("Wells", "Wells resigned. Ministers thanked Wells for his work."),  # a name mid-sentence
        ("Okonjo", "Okonjo said the vote would wait."),  # no English word
        ("Verity", "Verity said the vote would wait."),  # an abstract noun, and a first name
        ("Lincoln", "Lincoln said the vote would wait."),  # a noun of the index, as a name
        ("Bush", "The vote was close. Bush said he would wait."),  # a verb, but one who speaks
    ],
)
def test_context_reason_keeps_names_opening_sentences(name, text):
    assert context(name, text) is None


ORGANISATION = "organisation, by what follows it"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Zorbo", "Zorbo drivers blocked the ring road. They said Zorbo had cut fares."),
        ("Zorbo", "Riders said the Zorbo app crashed."),
        ("Partido Verde", "Partido Verde leader Ana Lima said the vote was stolen."),
        ("Partido Verde", "Partido Verde deputy leader Ana Lima resigned."),
        ("Verde", "Verde lawmakers walked out of the chamber."),
        ("Verde", "The Verde party won two seats."),
    ],
)
def test_context_reason_finds_an_organisation_by_the_noun_after_it(name, text):
    assert context(name, text) == ORGANISATION


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Peskov", "Putin spokesman Peskov denied it. Peskov shares an office."),  # a verb
        ("Lima", "Ana Lima said drivers were angry."),  # the noun is not right after the name
        ("Lima", "Lima, the party’s leader, resigned."),  # a comma between
        ("Lima", "Lima leader of the opposition for a decade, resigned."),  # no name follows
        ("Lima", "Lima voters backed him. Lima supporters cheered."),  # persons have those too
    ],
)
def test_context_reason_keeps_persons_before_such_nouns(name, text):
    assert context(name, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Aid trucks reached the road to Dar-Kebira on Friday.",
        "Families fled from Dar-Kebira. Shelling resumed near Dar-Kebira.",
    ],
)
def test_context_reason_takes_a_hyphenated_word_after_prepositions_of_place_for_a_place(text):
    assert context("Dar-Kebira", text) == PLACE


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Jean-Marc", "The prize went to Jean-Marc."),  # a first name leads it
        ("Okafor-Bassey", "Ngozi Okafor-Bassey spoke. Praise went to Okafor-Bassey."),
    ],
)
def test_context_reason_keeps_hyphenated_names_written_elsewhere_or_led_by_a_first_name(name, text):
    assert context(name, text) is None


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("Diego Andrade", "Tour operator Diego Andrade said prices rose.", None),
        ("Maria Lopez", "The cruise operator Maria Lopez told reporters so.", None),
        # No verb of speech, or no first name: the noun before still makes it a company's.
        ("Diego Andrade", "Shares in tour operator Diego Andrade fell.", NAMED_ORGANISATION),
        ("Velora Lines", "The ferry operator Velora Lines said it would sail.", NAMED_ORGANISATION),
    ],
)
def test_context_reason_takes_a_first_name_and_surname_that_speak_for_a_person(name, text, reason):
    assert context(name, text) == reason


def last_context(name: str, text: str) -> str | None:
    start = text.rindex(name)
    return context_reason(name, Span(name, "PERSON", start, start + len(name)), text)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # A noun of organisations right before another mention of the word.
        ("Koriva", "the label behind the girl group Koriva was fined. Koriva, who toured, left."),
        # What the name is, in apposition after it: an ensemble, a village, a school.
        ("Nabila", "Nabila, the orchestra of young women who fled, played in Vienna."),
        ("Tamsel", "Tamsel, a village of 300 people, voted to close its school."),
        # A place's part after its possessive ("the town's old Rione Terra").
        ("Pirello Alto", "Ana Lima, 79, who was born in the town's old Pirello Alto, said so."),
        # A place's first words between "in" and the rest the model kept ("in Nor Lípez").
        ("Lípez", "a cooperative in Nor Lípez said the plants used too much water."),
    ],
)
def test_context_reason_finds_ensembles_villages_and_parts_of_places(name, text):
    assert last_context(name, text) is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Koriva", "the girl group Koriva was fined. Koriva said the fine was unfair."),  # speaks
        ("Nabila", "Nabila, the orchestra's conductor, bowed."),  # a role in it
        ("Ana Lima", "Ana Lima, the village mayor, said no."),  # a role after the noun
        ("Ana Lima", "the city's own Ana Lima won again."),  # a first name opens it
        ("Okafor", "a speech in Mr Okafor’s office was cancelled."),  # a title between
        ("Okafor", "a meeting in Ana Okafor’s office was cancelled."),  # a first name between
    ],
)
def test_context_reason_keeps_persons_beside_those_nouns(name, text):
    assert last_context(name, text) is None


def test_context_reason_takes_a_name_before_locks_as_a_place():
    text = "The ship passes through the Agua Clara locks. (Reuters/Ana Lima)"
    assert context("Agua Clara", text) is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # Characters of a series or play, cued after the name or by the role before it.
        ("Koray Bey", "The drama follows a widow; the villain, Koray Bey, is played by Ali Er."),
        ("Jarvik", "The new play follows a ferry crew, with Jarvik as a shipowner who flees."),
        ("Arni Dalsson", "The series returns as detective Arni Dalsson, now a father."),
        # A tragedy staged, a character cast in it.
        ("Jarvik", "The tragedy, Ana Lima in the title role, has Jarvik as a shipowner."),
        # A story's people introduced by first name, in love, or judged as characters.
        ("Narin", "The novel follows a king to a Yazidi girl, Narin, on the Tigris."),
        ("Arvo", "The novel follows Arvo, a boy born in a slum who learns to read."),
        ("Folake", "The novel follows a bookseller who finds notes by his late wife, Folake."),
        ("Nilay", "The series follows a gardener who falls in love with Princess Nilay."),
        ("Uncle Barto", "The novel follows a mill. Uncle Barto, its fixer, is the best villain."),
        # The title role of a work the article quotes by name.
        ("Mirelle", "a new production of “Mirelle”. Ana Lima sang Lady Mirelle at last."),
        # Animals named after their noun or in apposition.
        ("Khar Salkhi", "the boy won on a grey stallion called Khar Salkhi, he said."),
        ("Bodo", "Bodo, a camel from the north, sold for little."),
        ("Ana Grey", "She watched a chimpanzee she named Ana Grey strip leaves."),
        # A character from a work.
        ("Luffy", "Protesters waved flags of Luffy from the Japanese manga “One Piece”."),
    ],
)
def test_context_reason_finds_characters_roles_and_animals(name, text):
    assert last_context(name, text) is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Ana Lima", "The drama follows a widow. Ana Lima, a bull rider, said she liked it."),
        ("Ana Lima", "The film follows a widow. Ana Lima said so, as well as Ana Lima's aide."),
        ("Mirelle", "the minister praised “Mirelle”. Mirelle Okafor said thanks."),  # no work
        # A full name after a kin word in a story: news gives relatives so, stories rarely.
        ("Ana Lima", "The play follows him. He sang for his mother, Ana Lima, nightly."),
        ("Noreen", "Noreen, a woman of 87, said the post office mattered."),  # no story
        # The actor who plays the part is a person ("is played by").
        ("Cem Aydın", "The series follows a widow; the villain is played by actor Cem Aydın."),
    ],
)
def test_context_reason_keeps_persons_near_those_cues(name, text):
    assert context(name, text) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Ellery", "The hedge fund Ellery, which opposed the deal, declined to comment."),
        ("Likoni", "Hamisi Juma, a clearing agent from Likoni, denied the charges."),
        ("Sarvam-Vaani", "He said the model, called Sarvam-Vaani, was trained on chips."),
        ("Tamsel", "They live in a village called Tamsel near the coast."),
        ("Genna", "Pilgrims reached Lalibela for Genna, the Ethiopian Orthodox Christmas."),
        (
            "Zhong Kui",
            "The studio behind the action game showed it. The new game follows Zhong Kui.",
        ),
    ],
)
def test_context_reason_finds_things_by_which_origins_names_and_appositions(name, text):
    assert last_context(name, text) is not None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Nawaf Salam", "He later named Nawaf Salam, a judge, as prime minister."),
        ("Ana Lima", "The government named Ana Lima as envoy."),
        ("Ana Lima", "A young woman called Ana Lima, who runs a shop, said so."),
        ("Ana Lima", "A letter from Ana Lima arrived."),  # "from" after no person's noun
        ("Ana Lima", "Dr Ana Lima, an internist at the hospital, said so."),  # a role at one
        ("Ana Okafor", "the backing of the party of Ana Okafor, which won."),  # the party's "which"
    ],
)
def test_context_reason_keeps_persons_named_by_someone_or_from_something(name, text):
    assert last_context(name, text) is None


def test_context_reason_takes_a_name_after_a_coastal_avenue_word_as_a_place():
    text = "flooding the hotel strip along the Costera Ana Alemán last night."
    assert context("Ana Alemán", text) is not None


def test_context_reason_takes_a_ship_after_its_noun():
    assert context("Nuyina", "on the deck of the icebreaker Nuyina in Hobart.") is not None


def test_context_reason_takes_the_end_of_a_two_word_town_for_a_place():
    text = "Ana Lima, a nurse who commutes from Johor Bahru, said the ride was smooth."
    assert last_context("Bahru", text) is not None
    assert last_context("Lima", "Kenya's Lima said so.") is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Patsy", "Ana Lima found his boat, the Miss Patsy, upside down."),
        ("La Santé", "Ana Lima left La Santé prison in Paris on Monday."),
        ("Agrofex", "He moved his shares in the Agrofex chemicals and food group into a trust."),
        ("Manuela", "He was often photographed with Manuela, his three-legged dog."),
    ],
)
def test_context_reason_finds_boats_prisons_groups_and_pets(name, text):
    assert last_context(name, text) is not None


def test_context_reason_reads_no_organisation_noun_across_a_line_break():
    text = (
        "Papua New Guinea needs hospitals before a rugby team\nPrime Minister James Marape spoke."
    )
    assert context("James Marape", text) is None
