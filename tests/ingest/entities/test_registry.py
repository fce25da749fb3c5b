"""Registry-assisted recognition: known persons found where the model misses them, resolved."""

from dataclasses import replace

import pytest

from articles.ingest.entities.registry import PersonRegistry, surname_of
from articles.ingest.extract import Extractor, load_nlp
from articles.ingest.records import ParsedItem, PersonMention, RegistryPerson

KNOWN = (
    RegistryPerson("Keith Kellogg"),
    RegistryPerson("Donald Trump", aliases=("The Donald",)),
    RegistryPerson("Volodymyr Zelenskyy"),
    RegistryPerson("Ursula von der Leyen"),
    RegistryPerson("Boris Johnson"),
    RegistryPerson("Dwayne Johnson"),
    RegistryPerson("Politico"),  # junk that reached the registry: never looked for
)


def accept_all(name):
    return name != "Politico"


@pytest.fixture(scope="module")
def registry():
    return PersonRegistry(KNOWN, accept_all)


def found(registry, text):
    return [candidate.name for candidate in registry.candidates(text, [], [])]


def test_registry_finds_full_names_aliases_and_unique_surnames(registry):
    text = "Kellogg met Donald Trump, whom fans call The Donald, and von der Leyen."
    assert found(registry, text) == ["Kellogg", "Donald Trump", "The Donald", "von der Leyen"]


def test_registry_matches_whole_words_in_their_case_only(registry):
    assert found(registry, "A trumpet, a trump card and Trumpism.") == []


def test_registry_skips_a_word_an_apostrophe_joins_on_but_not_a_possessive(registry):
    assert found(registry, "Flights to Trump'an and Trump’an resumed.") == []
    assert found(registry, "Critics of Trump’s tariffs spoke.") == ["Trump"]


def test_registry_skips_a_surname_in_a_double_barrelled_name(registry):
    assert found(registry, "Faith Ana-Kellogg and Kellogg-Brown won.") == []
    assert found(registry, "The Kellogg al-Kabeer port and Kellogg de Souza Bridge.") == []


def test_registry_never_matches_inside_a_longer_name(registry):
    text = "Ivanka Trump visited Trump Tower; Leyen alone is not hers."
    # Not the registry's Trump: the longer name, a first name before the surname, is its own.
    assert found(registry, text) == ["Ivanka Trump"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crowds cheered Tadej Kellogg's win.", ["Tadej Kellogg"]),
        ("They hailed Recep Tayyip Kellogg on Monday.", ["Recep Tayyip Kellogg"]),
        ("the fall of Sheikh Kellogg’s government.", ["Sheikh Kellogg"]),  # an honorific
        ("The court Sentences Kellogg today.", []),  # an English plural or verb
        ("Envoys met in Kyiv. Kellogg left.", ["Kellogg"]),  # a sentence's start
        ("Talks in Moscow Kellogg said were over.", []),  # a place
    ],
)
def test_registry_takes_the_first_names_the_model_left_out_before_a_known_surname(
    registry, text, expected
):
    assert found(registry, text) == expected


def test_registry_titles_and_weekdays_next_to_a_name_do_not_extend_it(registry):
    text = "President Trump spoke. On Monday Kellogg flew home."
    assert found(registry, text) == ["Trump", "Kellogg"]


def test_registry_keeps_an_ambiguous_surname_only_with_one_full_name_in_the_article(registry):
    assert found(registry, "Johnson said no.") == []
    text = "Boris Johnson spoke first. Later Johnson said no."
    assert found(registry, text) == ["Boris Johnson", "Johnson"]


def test_registry_skips_a_surname_the_article_also_writes_in_lower_case():
    registry = PersonRegistry([RegistryPerson("Ban Ki Moon")], accept_all)
    assert found(registry, "Moon landing: the moon is far.") == []


def test_registry_never_looks_for_rejected_names(registry):
    assert found(registry, "Politico published a story.") == []


def test_registry_resolves_mentions_to_registry_persons(registry):
    mentions = registry.resolve(
        [
            PersonMention("Trump"),  # unique surname
            PersonMention("Zelensky"),  # surname in another spelling
            PersonMention("Vladimir Zelensky"),  # full name in another spelling
            PersonMention("The Donald"),  # alias
            PersonMention("Johnson"),  # two known Johnsons: left to persistence
            PersonMention("Marc"),  # unknown
        ]
    )
    assert [m.known_as for m in mentions] == [
        "Donald Trump",
        "Volodymyr Zelenskyy",
        "Volodymyr Zelenskyy",
        "Donald Trump",
        "",
        "",
    ]
    assert [m.name for m in mentions][:2] == ["Trump", "Zelensky"]  # as written, for scoring


def test_registry_resolves_a_surname_to_the_full_name_before_a_one_word_person():
    known = [RegistryPerson("Zelensky"), RegistryPerson("Volodymyr Zelenskyy")]
    registry = PersonRegistry(known, accept_all)
    assert registry.person_for("Zelensky") == "Volodymyr Zelenskyy"
    assert registry.person_for("Hitler") is None


def test_surname_of_keeps_particles():
    assert surname_of("Ursula von der Leyen") == "von der Leyen"
    assert surname_of("Keith Kellogg") == "Kellogg"


@pytest.fixture(scope="module")
def extractor_with_registry(catalog):
    return Extractor(replace(catalog, persons=KNOWN, outlets=("Kyiv Chronicle",)), load_nlp())


def persons_with(extractor, body):
    return extractor.extract([ParsedItem("", "", body, 1, 1)])[0].persons


def test_extractor_adds_registry_persons_the_model_missed(extractor_with_registry, extract):
    text = "Kellogg is refusing to go along."
    assert "Kellogg" not in {m.name for m in extract(text).persons}  # the model misses it
    found = {m.name: m.known_as for m in persons_with(extractor_with_registry, text)}
    assert found["Kellogg"] == "Keith Kellogg"


def test_extractor_folds_a_short_form_into_the_full_name_of_the_article(extractor_with_registry):
    text = "Volodymyr Zelenskyy arrived in Rome. Zelensky met the Pope on Sunday."
    persons = persons_with(extractor_with_registry, text)
    assert [(m.name, m.known_as) for m in persons] == [
        ("Volodymyr Zelenskyy", "Volodymyr Zelenskyy")
    ]


def test_extractor_never_takes_an_outlet_of_the_source_registry(extractor_with_registry):
    text = "Kyiv Chronicle reported that Keith Kellogg left."
    assert "Kyiv Chronicle" not in {m.name for m in persons_with(extractor_with_registry, text)}
