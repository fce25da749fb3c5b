"""``cut_names.complete``: person spans the model cut mid-name grow over the words it left out."""

import pytest

from articles.ingest.entities.cut_names import complete, ends_a_place
from articles.ingest.entities.persons import clean_name
from articles.ingest.entities.spans import Span

PLACES = frozenset({"Kenyan", "Moscow"})


def grown(text: str, cut: str, others: tuple[tuple[str, str], ...] = ()) -> str:
    """The text of the completed span for ``cut`` (a PERSON span at its first occurrence)."""
    spans = [_span(text, word, label) for word, label in others]
    return complete(_span(text, cut, "PERSON"), text, spans, PLACES.__contains__).text


def _span(text: str, word: str, label: str) -> Span:
    start = text.index(word)
    return Span(word, label, start, start + len(word))


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("a delegation led by Hans van der Berg of the union.", "Hans van", "Hans van der Berg"),
        ("Union head Kim Sung-ho walked out.", "Kim Sung", "Kim Sung-ho"),
        ("Minister Maria Fernanda Espinosa Garcés said.", "Maria Fernanda Espinosa",
         "Maria Fernanda Espinosa Garcés"),
        ("voters elected Tuilaepa Sailele Malielegaoi again.", "Sailele Malielegaoi",
         "Tuilaepa Sailele Malielegaoi"),
        ("the regional governor Ivan Fedorov said.", "Ivan", "Ivan Fedorov"),  # two spans
        ("the deputy Aida Asanbek kyzy voted against.", "Aida Asanbek", "Aida Asanbek kyzy"),
        ("the envoy Rustam Karim oglu arrived.", "Rustam Karim", "Rustam Karim oglu"),
        ("the cabinet of KR Dahal Bista fell.", "Dahal Bista", "KR Dahal Bista"),  # initials
        ("a novel by J.K. Marlowe Reyes sold.", "Marlowe Reyes", "J.K. Marlowe Reyes"),
        # Particles, then a surname, even a town's or a word of organisations.
        ("envoy André Moura do Lago said.", "André Moura", "André Moura do Lago"),
        ("rider Mathieu van der Poel won.", "Mathieu", "Mathieu van der Poel"),
        ("writer Tomás Ferreira dos Santos said.", "Tomás Ferreira", "Tomás Ferreira dos Santos"),
        ("Judge Ana Cristina dos Reis Moura ruled.", "Ana Cristina", "Ana Cristina dos Reis Moura"),
        # A smaller town's name next to a name, a first name before it.
        ("Minister Vladimir Padrino López spoke.", "Vladimir Padrino", "Vladimir Padrino López"),
        ("the director, Salem Humaid Karimi, spoke.", "Humaid Karimi", "Salem Humaid Karimi"),
    ],
)  # fmt: skip
def test_complete_takes_the_name_words_the_model_left_out(text, cut, expected):
    assert grown(text, cut) == expected


def test_complete_joins_a_one_word_org_span_before_the_name():
    text = "parliament elected Tuilaepa Sailele's ally as speaker."
    assert grown(text, "Sailele", (("Tuilaepa", "ORG"),)) == "Tuilaepa Sailele"


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("Prime Minister Keir Starmer said.", "Keir Starmer"),  # a title before
        ("Slovakia’s Robert Fico said.", "Robert Fico"),  # a possessive before
        ("Yesterday Fico said no.", "Fico"),  # a sentence's first word, no given name
        ("Kenyan Godfrey Otieno said.", "Godfrey Otieno"),  # a demonym
        ("talks with Putin Moscow later denied.", "Putin"),  # a place after
        ("Meloni Meets Macron In Rome", "Meloni"),  # a Title Case heading line
        # a Title Case run inside a sentence
        ("The post Orbán Blocks New Sanctions Package appeared first.", "Orbán"),
        ("Ivan Fedorov on Monday said.", "Ivan Fedorov"),  # a weekday
        ("Ivan Fedorov Foundation said.", "Ivan Fedorov"),  # an organisation word
    ],
)  # fmt: skip
def test_complete_keeps_the_span_where_the_next_word_is_no_name_word(text, cut):
    assert grown(text, cut) == cut


def test_complete_does_not_cross_a_tagged_place():
    text = "a call with Ana Lima Brasília later denied."
    assert grown(text, "Ana Lima", (("Brasília", "GPE"),)) == "Ana Lima"


def test_complete_grows_only_person_spans_past_particles():
    text = "the Hans van der Berg Foundation."
    assert complete(_span(text, "Hans van", "ORG"), text, [], PLACES.__contains__).text == (
        "Hans van der Berg"
    )


def test_complete_takes_no_other_lower_case_word_after_the_name():
    assert grown("the deputy Aida Asanbek voted against.", "Aida Asanbek") == "Aida Asanbek"


def test_ends_a_place_when_a_tagged_place_and_particles_come_before():
    text = "The mayor of Ponte da Barca said the bridge held."
    person, place = _span(text, "Barca", "PERSON"), _span(text, "Ponte", "GPE")
    assert ends_a_place(person, text, [place, person])


@pytest.mark.parametrize(
    ("text", "before", "label"),
    [
        ("President Lula da Silva spoke.", "Lula", "PERSON"),  # a name's particle
        ("The mayor of Ponte da Barca said.", "Ponte", "ORG"),  # no place tagged before
        ("They left Ponte for Barca today.", "Ponte", "GPE"),  # no particle between
    ],
)
def test_ends_a_place_not_without_a_place_and_a_particle(text, before, label):
    after = text.split()[text.split().index(before) + 2].strip(".")
    person = _span(text, after, "PERSON")
    assert not ends_a_place(person, text, [_span(text, before, label), person])


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("a visit by US Ana Lima Souza ended.", "Ana Lima Souza"),  # an abbreviation of its own
        ("Moscow said. KR Dahal Bista left.", "Dahal Bista"),  # a sentence starts: no "of KR"
    ],
)
def test_complete_takes_no_abbreviation_for_initials(text, cut):
    assert grown(text, cut) == cut


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("the Minister for Education Aoife Kinsella said.", "Aoife Kinsella"),  # a portfolio
        ("the Secretary of Defence Tomas Reyes said.", "Tomas Reyes"),
        ("Provincial transport MEC Lindiwe Dube said.", "Lindiwe Dube"),  # an acronym
    ],
)
def test_complete_leaves_the_end_of_a_title_before_a_name(text, cut):
    assert grown(text, cut) == cut


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("the singer Anne Morel de France won.", "Anne Morel"),  # a country after the particle
        ("the mayor Ana Lima de Campo Grande said.", "Ana Lima"),  # a Title Case run
        ("the law Maria da Penha Law passed.", "Maria"),  # a word of English after the particle
        ("the Save Victoria Park campaign grew.", "Victoria Park"),  # a verb, not a first name
    ],
)
def test_complete_leaves_countries_runs_and_verbs(text, cut):
    assert grown(text, cut) == cut


def test_complete_still_takes_a_first_name_after_of():
    assert grown("the mother of Sarah Lindqvist said.", "Lindqvist") == "Sarah Lindqvist"


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ('Jerwin "Bagyo" Dela Cruz won the title.', "Dela Cruz", 'Jerwin "Bagyo" Dela Cruz'),
        ("Ebrahim “Ebie” Moosa, who patrolled the beach, died.", "Moosa", "Ebrahim “Ebie” Moosa"),
    ],
)
def test_complete_takes_a_first_name_before_a_quoted_nickname(text, cut, expected):
    assert grown(text, cut) == expected


def test_clean_name_drops_the_nickname_inside_a_name():
    assert clean_name('Jerwin "Bagyo" Dela Cruz') == "Jerwin Dela Cruz"


def test_complete_takes_a_surname_with_its_arabic_particle():
    text = "Minister Yousif Ebrahim al-Mahmood said the bridge would open."
    assert grown(text, "Yousif Ebrahim") == "Yousif Ebrahim al-Mahmood"


@pytest.mark.parametrize(
    ("text", "cut", "expected"),
    [
        ("Rain fell. Tahmina Akhter Chowdhury, who heads it, spoke.", "Akhter Chowdhury",
         "Tahmina Akhter Chowdhury"),
        ("Rain fell. Wideline Pierre-Louis, a market trader, spoke.", "Pierre-Louis",
         "Wideline Pierre-Louis"),
    ],
)  # fmt: skip
def test_complete_takes_a_first_name_opening_a_sentence_about_the_person(text, cut, expected):
    assert grown(text, cut) == expected


def test_complete_leaves_an_english_word_opening_the_sentence():
    assert grown("Rain fell. Made Chowdhury, who heads it, spoke.", "Chowdhury") == "Chowdhury"


def test_complete_leaves_a_hyphenated_role_opening_the_sentence():
    text = "Rain fell. Leg-spinner Tanveer Sandhu, who bowled, took five."
    assert grown(text, "Tanveer Sandhu") == "Tanveer Sandhu"


def test_complete_takes_two_surnames_the_model_tagged_as_one_though_english():
    text = "Prosecutor Ana Beatriz dos Santos Lima said so."
    assert grown(text, "Ana Beatriz") == "Ana Beatriz"  # "lima" is an English noun
    grown_text = grown(text, "Ana Beatriz", (("Santos Lima", "ORG"),))
    assert grown_text == "Ana Beatriz dos Santos Lima"


def test_complete_overrides_the_models_place_on_an_unknown_first_name_before_a_cue():
    text = "Rain fell.\n\nTahmina Akhter Chowdhury, who heads the unit, spoke."
    assert grown(text, "Akhter Chowdhury", (("Tahmina", "GPE"),)) == "Tahmina Akhter Chowdhury"
    other = "Rain fell.\n\nKenyan Akhter Chowdhury, who heads the unit, spoke."
    assert grown(other, "Akhter Chowdhury", (("Kenyan", "NORP"),)) == "Akhter Chowdhury"


def test_complete_takes_a_citys_name_as_a_second_surname_after_a_particle():
    text = "Judge Mário de Souza Moscow wrote that the firm knew."
    assert grown(text, "Mário de Souza") == "Mário de Souza Moscow"
    assert grown("Flights from Ana Lima to Moscow left.", "Ana Lima") == "Ana Lima"


def test_complete_takes_a_first_name_before_a_middle_name():
    text = "On Saturdays at the club, Dieudonné Mbuyi Kalonji plays the guitar."
    assert grown(text, "Kalonji") == "Dieudonné Mbuyi Kalonji"
    assert grown("On Saturdays the Matonge Mbuyi Kalonji band plays.", "Kalonji") != (
        "Matonge Mbuyi Kalonji"
    )


def test_complete_takes_two_surnames_after_a_first_name():
    text = "Analyst Gonzalo Ibáñez Reyes of Banco Santander said prices would rise."
    assert grown(text, "Gonzalo") == "Gonzalo Ibáñez Reyes"
    assert grown("Fans of Ana Lima Sunday Market came.", "Ana") != "Ana Lima Sunday"


def test_complete_overrides_the_models_place_on_a_clear_first_name():
    text = "Justice Natalia Ángel Cabo wrote the ruling."
    assert grown(text, "Ángel Cabo", (("Natalia", "GPE"),)) == "Natalia Ángel Cabo"


def test_complete_takes_two_surnames_after_a_title_and_a_first_name():
    text = "Village headman Ratu Josefa Nakoroi Vunidilo, 67, said the move was hard."
    assert grown(text, "Ratu Josefa") == "Ratu Josefa Nakoroi Vunidilo"


@pytest.mark.parametrize(
    ("text", "cut", "others", "expected"),
    [
        # Two first names joined by a hyphen, the model keeping the second.
        ("Per-Olof Henriksson, who chairs the council, said.", "Olof Henriksson", (),
         "Per-Olof Henriksson"),
        # A word the model tagged a people, between a title and the name.
        ("Captain Iosefo Tuidraki Masi scored twice.", "Tuidraki Masi", (("Iosefo", "NORP"),),
         "Iosefo Tuidraki Masi"),
        # A first name at the end of an organisation the model tagged before the name.
        ("Mexico’s Carlos Alberto Ramírez Ochoa said.", "Alberto Ramírez Ochoa",
         (("Mexico’s Carlos", "ORG"),), "Carlos Alberto Ramírez Ochoa"),
        # Two surnames after a first name of two words, then a lower-case word.
        ("mayor Juan Eduardo Vera Sanhueza had campaigned.", "Juan Eduardo", (),
         "Juan Eduardo Vera Sanhueza"),
        # "wa" joins a Kikuyu name as "van" joins a Dutch one.
        ("His daughter, Wanjiku wa Ngũgĩ, announced it.", "Wanjiku", (), "Wanjiku wa Ngũgĩ"),
        ("Ngũgĩ wa Thiong'o, who wrote in Gikuyu, dies.", "Ngũgĩ", (), "Ngũgĩ wa Thiong'o"),
        # Catalan "i" and Malay "binti" join surnames; "Ma." is Maria's abbreviation.
        ("Jordi Puigvert i Soler, a fan, said.", "Jordi Puigvert", (), "Jordi Puigvert i Soler"),
        ("nurse Nurul Ain binti Kamarudin said.", "Nurul Ain", (), "Nurul Ain binti Kamarudin"),
        ("Justice Ma. Theresa Aquino-Villanueva said.", "Theresa Aquino-Villanueva", (),
         "Ma. Theresa Aquino-Villanueva"),
        # Two first names before the surnames the model kept.
        ("the council of Peine. Ana María Tejerina Flores, its president, said.",
         "Tejerina Flores", (), "Ana María Tejerina Flores"),
        # Every word after a title, up to the surname the model kept.
        ("drug war. Father Rommel Sabado Lacsamana, who runs a group, led a prayer.",
         "Lacsamana", (), "Rommel Sabado Lacsamana"),
        # A ruling family's name after a patronym.
        ("Sheikh Mohammed bin Abdulrahman Al Thani said.", "Mohammed bin Abdulrahman", (),
         "Mohammed bin Abdulrahman Al Thani"),
        # The honorific before one name belongs to it.
        ("since Sheikh Hasina fled to India.", "Hasina", (), "Sheikh Hasina"),
        # A city's name as a second surname, then a verb.
        ("Chief executive Verónica Sepúlveda Moscow said.", "Verónica", (),
         "Verónica Sepúlveda Moscow"),
    ],
)  # fmt: skip
def test_complete_takes_hyphenated_first_names_titled_words_and_city_surnames(
    text, cut, others, expected
):
    assert grown(text, cut, others) == expected


@pytest.mark.parametrize(
    ("text", "cut", "others"),
    [
        ("the anti-Putin rally grew.", "Putin", ()),  # a prefix, no first name
        ("striker Iosefo Tuidraki Masi scored.", "Tuidraki Masi", (("Iosefo", "NORP"),)),  # a role
        ("Chief executive Verónica Sepúlveda Moscow later.", "Verónica", ()),  # no verb after
        ("the Health Services Abu Jafor said.", "Abu Jafor", (("the Health Services", "ORG"),)),
        ("mayor Juan Eduardo Vera Sanhueza Dam had.", "Juan Eduardo", ()),  # a longer run
        ("The post Juan Eduardo Blocks New Rules appeared.", "Juan Eduardo", ()),  # English
    ],
)  # fmt: skip
def test_complete_keeps_spans_without_those_cues(text, cut, others):
    assert grown(text, cut, others) == cut
