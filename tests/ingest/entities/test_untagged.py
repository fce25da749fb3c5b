"""``untagged.name_spans``: full names the model tagged nothing for, by shape and context."""

import pytest

from articles.ingest.entities.spans import Span
from articles.ingest.entities.untagged import introduced_names, name_spans


def found(text: str, spans: tuple[Span, ...] = ()) -> list[str]:
    return [span.text for span in name_spans(text, spans)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("the mayor of Ribeira, Anselmo Toural, said the port would reopen.", "Anselmo Toural"),
        (
            "The board appointed Odile Marie Okafor-Bassey as its chair.",
            "Odile Marie Okafor-Bassey",
        ),
        ("Local teacher Jean-Marc Obiang said classes had stopped.", "Jean-Marc Obiang"),
        ("The fine was paid by Tomasz Wierzbicki.", "Tomasz Wierzbicki"),
    ],
)
def test_name_spans_finds_a_full_name_where_a_person_is_named(text, name):
    assert found(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Anselmo Toural to reopen the port.",  # a sentence's start, no cue before or after
        "the mayor of Ribeira, Anselmo Toural and his aides left.",  # no cue after
        "they sailed past Grace Falls, a cliff.",  # a verb and a plural noun
        "fans of Tomasz Wierzbicki Ode To Autumn Leaves, mostly young, met.",  # a longer run
        "the song Ave Lovely, released in May, sold well.",  # an adjective
        "Tickets for Marta Ruiz Thursday, the organisers said.",  # a weekday
        "fans of Odile Toural Museum, mostly young, met.",  # a word of organisations
    ],
)
def test_name_spans_leaves_runs_that_are_no_names_or_not_where_names_stand(text):
    assert found(text) == []


def test_name_spans_leaves_heading_lines():
    text = "Report Blames Odile Toural, Again\n\nThe report, by Odile Toural, was late."
    assert [span.start for span in name_spans(text, ())] == [text.index("Odile Toural,", 40)]


def test_name_spans_skips_what_the_model_tagged():
    text = "the mayor of Ribeira, Anselmo Toural, said."
    start = text.index("Anselmo")
    assert found(text, (Span("Anselmo", "ORG", start, start + 7),)) == []


def _org(text: str, words: str) -> tuple[Span, ...]:
    start = text.index(words)
    return (Span(words, "ORG", start, start + len(words)),)


def test_name_spans_takes_an_org_span_between_a_role_noun_and_a_verb_of_saying():
    text = "Harbour master Anselmo Toural said the port would reopen."
    assert found(text, _org(text, "Anselmo Toural")) == ["Anselmo Toural"]


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Anselmo Toural said to fall.",  # a preposition, not a role noun
        "Harbour master Anselmo Toural, a firm, lost money.",  # no verb of saying
    ],
)
def test_name_spans_trusts_the_models_org_elsewhere(text):
    assert found(text, _org(text, "Anselmo Toural")) == []


@pytest.mark.parametrize(
    "later",
    [
        "Toural, a former teacher, won easily.",
        "Toural's allies cheered.",
        "Toural said she would serve.",
    ],
)
def test_name_spans_takes_a_full_name_the_text_names_again_by_surname(later):
    text = f"Anselmo Toural is mayor since Tuesday.\n\n{later}"
    assert found(text) == ["Anselmo Toural"]


@pytest.mark.parametrize(
    "later",
    [
        "Toural voters cheered.",  # the word as an adjective
        "Anselmo Toural Jr was there.",  # only inside a longer name
        "Mr Vega met Toural Ruiz.",  # followed by another capitalised word
    ],
)
def test_name_spans_wants_the_surname_alone_as_a_person_is_named(later):
    text = f"Anselmo Toural is mayor since Tuesday. {later}"
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rates held. Odile Toural, a member of the board, saw no case for a cut.",
        "Rates held. Anselmo Toural, an economist at Nomura, expects a rise.",
        "Rates held. Anselmo Toural, the former central bank governor, was freed.",
    ],
)
def test_name_spans_takes_a_sentence_opening_name_before_a_role_apposition(text):
    assert found(text)[0].endswith("Toural")
    # ... even where the model tagged the surname alone as an organisation or a place
    assert found(text, _org(text, "Toural"))[0].endswith("Toural")


@pytest.mark.parametrize(
    "text",
    [
        "Rates held. Odile Toural, a company whose chief resigned, fell.",  # not a person's role
        "Rates held. Odile Toural, a new fund, opened.",
    ],
)
def test_name_spans_wants_a_persons_role_in_the_apposition(text):
    assert found(text) == []


def test_name_spans_role_apposition_does_not_override_a_longer_tag():
    text = "Rates held. Odile Toural, a member of the board, spoke."
    assert found(text, _org(text, "Rates held. Odile Toural")) == []


def test_name_spans_takes_a_sentence_opening_name_before_a_verb_in_the_past():
    assert found("Odile Mwape-Chanda scored three times in Rabat.") == ["Odile Mwape-Chanda"]
    assert found("Grace Church hosted the vigil.") == []  # an English word after the first name
    assert found("Odile Mwape-Chanda will score.") == []


def test_name_spans_reads_past_a_role_opening_the_run_and_an_english_first_name():
    assert found("Curator Dilnoza Yusupova-Khamraeva said the museum was old.") == [
        "Dilnoza Yusupova-Khamraeva"
    ]
    assert found("Rain fell.\n\nGrace Mwape-Chanda scored three times.") == ["Grace Mwape-Chanda"]
    assert found("Rates fell. Vikram Nair-Pillai, a marine insurance broker, said so.") == [
        "Vikram Nair-Pillai"
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Markets opened.\n\nMatsuda Keiko, 67, runs a tofu shop.", "Matsuda Keiko"),
        ("Markets opened.\n\nYusleidy Contreras Paredes fries her first arepas at five.",
         "Yusleidy Contreras Paredes"),
        ("Markets opened. Usain Okafor, who won his first title here, came back.", "Usain Okafor"),
    ],
)  # fmt: skip
def test_name_spans_takes_a_name_before_an_age_who_or_a_verb(text, name):
    assert found(text) == [name]


def test_name_spans_wants_no_english_word_for_an_unknown_first_name():
    assert found("Markets opened.\n\nGolden Harvest, 67, runs a shop.") == []


def test_name_spans_takes_a_full_name_whose_surname_speaks_though_tagged_alone():
    text = "Prosecutors charged mayor Gergely Karacsony with fraud. Karacsony said no."
    assert found(text, _org(text, "Karacsony")) == ["Gergely Karacsony"]


def introduced(text: str, spans: tuple[Span, ...] = ()) -> list[str]:
    return [span.text for span in introduced_names(text, spans)]


@pytest.mark.parametrize(
    ("text", "spans", "names"),
    [
        ("Temuulen, 9, who won the race, said he did not feel the helmet.", (), ["Temuulen"]),
        ("Noreen, 87, who lives alone, told us.", (), ["Noreen"]),
        # The model's place on a first name is its slip: an age outweighs it.
        ("Benjamín, 9, whose parents farm mussels.", (Span("Benjamín", "GPE", 0, 8),),
         ["Benjamín"]),
        # An age before, or a person's noun and "named".
        ("the home discharged 34 year-old Rhiannon to a care home.", (), ["Rhiannon"]),
        ("Gioia, an eleven-year-old ball girl, ran.", (), ["Gioia"]),
        ("Agency chief Suharyanto said roads were cut.", (), ["Suharyanto"]),
        ("he pulled a nine-year-old girl, Putri, from the rubble.", (), ["Putri"]),
        ("Nine-year-old Žiga, who helps his grandfather, spoke.", (), ["Žiga"]),  # an accent
        ("where veteran defender Danilo headed in a corner.", (), ["Danilo"]),
        ("a similar case for a young man named Karol in Poland.", (), ["Karol"]),
        # The first name of a full name written elsewhere stands for it.
        ("Batbayar Ganzorig grew up there. Batbayar, 24, lost.", (), ["Batbayar Ganzorig"]),
    ],
)  # fmt: skip
def test_introduced_names_finds_a_lone_name_before_an_age(text, spans, names):
    assert introduced(text, spans) == names


@pytest.mark.parametrize(
    "text",
    [
        "Uerikua Tjiriange, 67, a retired nurse, spoke.",  # a longer name: the runs' case
        "Kenya, 12, and Uganda, 9, won medals.",  # the gazetteer's places
        "Section, 12, of the law.",  # an English word
        "Ana Okafor said. Okafor, 40, left.",  # the model's PERSON stands
        "a small village called Tamsel lies north.",  # no person's noun before "called"
        "a young man named Karol Nowak spoke.",  # a longer name: the runs' case
    ],
)
def test_introduced_names_leaves_places_words_and_longer_names(text):
    spans = (Span("Okafor", "PERSON", text.find("Okafor, 40"), text.find("Okafor, 40") + 6),)
    assert introduced(text, spans if "Okafor, 40" in text else ()) == []


@pytest.mark.parametrize(
    ("text", "spans", "name"),
    [
        # A doer's noun ending the apposition: a person's role, listed or not.
        ("the carer Siti Rahmawati Nugroho, a caregiver from Java, said so.",
         (Span("Rahmawati Nugroho", "ORG", 15, 32),), "Siti Rahmawati Nugroho"),
        # A doer's noun before a clear first name opens no name; a past verb after it acts.
        ("Soprano Karita Mattila sang the part.", (), "Karita Mattila"),
        # A whole run the model took for an organisation, no English word in it, before "who".
        ("Parliament impeached Andry Rajoelina, who had fled.",
         (Span("Andry Rajoelina", "ORG", 21, 36),), "Andry Rajoelina"),
        # A role noun in lower case right before the run.
        ("for fielding midfielder Teboho Mokoena while he was banned.", (), "Teboho Mokoena"),
        ("rock drill operator Nomvula Sithole said so.", (), "Nomvula Sithole"),  # a doer
        ("Nikola Simunovic, a fan from Zagreb, went.", (), "Nikola Simunovic"),
        ("Ole-Johan Karlsen Eide, whose family fished there, spoke.", (), "Ole-Johan Karlsen Eide"),
        ("In Mutoko, Tendai Mutasa has planted maize three times.", (), "Tendai Mutasa"),
        # A whole run the model took for a building, before "who".
        ("Agnes Nabulo Wekesa, who farms two acres, said so.",
         (Span("Agnes Nabulo Wekesa", "FAC", 0, 19),), "Agnes Nabulo Wekesa"),
    ],
)  # fmt: skip
def test_name_spans_reads_doers_and_persons_the_model_tagged_otherwise(text, spans, name):
    assert found(text, spans) == [name]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Rahmawati Nugroho, a border town, flooded.", ()),  # the doer's noun ends no phrase
        ("We met Agnes Nabulo Wekesa yesterday at noon.",
         (Span("Agnes Nabulo Wekesa", "FAC", 7, 26),)),  # no "who" or age after
    ],
)  # fmt: skip
def test_name_spans_leaves_runs_without_those_cues(text, spans):
    assert found(text, spans) == []
