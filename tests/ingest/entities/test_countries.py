"""Country extraction: aliases, demonyms, cities, word boundaries and context rules."""

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukrainian forces pushed back the attack.", {"UA"}),
        (
            "Talks between Russia and the US stalled; the UK and Britain said little.",
            {"RU", "US", "GB"},
        ),
        ("Shelling hit Kharkiv and Kabul airport was closed.", {"UA", "AF"}),
        ("Palestinians in Gaza and the West Bank marched.", {"PS"}),
        (
            "Seoul said South Korean troops would stay; North Korean soldiers were captured.",
            {"KR", "KP"},
        ),
        ("The U.S. indictment named an Iranian-American journalist.", {"US", "IR"}),
    ],
)
def test_countries_found_by_name_demonym_and_city(countries_in, text, expected):
    assert set(countries_in(text)) == expected


def test_countries_respect_word_boundaries(countries_in):
    found = countries_in("Romania sent aid to Nigeria; let us know. Germany agreed.")
    assert set(found) == {"RO", "NG", "DE"}  # no Oman in Romania, no Niger in Nigeria, no "us"


def test_countries_skip_us_in_capitals_line(countries_in):
    assert countries_in("PLEASE JOIN US AT THE RALLY on Saturday.") == {}


def test_countries_skip_georgia_the_us_state(countries_in):
    found = countries_in("Teachers in Atlanta, Georgia, walked out on Monday.")
    assert "GE" not in found


def test_countries_keep_georgia_the_country_when_confirmed(countries_in):
    found = countries_in("Protesters in Tbilisi said Georgia must stay on its European path.")
    assert found.get("GE") == 2


def test_countries_skip_names_inside_person_names(countries_in):
    found = countries_in(
        "Artist Victoria Gugenheim and psychologist Jordan Peterson spoke on Sunday."
    )
    assert found == {}


def test_countries_skip_demonym_used_as_language(countries_in):
    assert countries_in("This article was originally published in Italian on Sunday.") == {}


def test_countries_count_tells_main_country_from_passing_mention(countries_in):
    found = countries_in("Ukraine said Ukrainian troops held Kyiv. A Polish envoy visited Ukraine.")
    assert list(found) == ["UA", "PL"]
    assert found["UA"] == 4 and found["PL"] == 1


def test_countries_skip_continents_and_blocs(countries_in):
    assert countries_in("Leaders of the EU, NATO and Latin America met in Africa.") == {}


def test_countries_skip_a_state_named_like_a_country(countries_in):
    text = "Floods cut roads in Kogi and Niger states; the Niger State governor asked Abuja."
    assert countries_in(text) == {"NG": 1}


def test_countries_read_a_plural_demonym_of_several_words_whole(countries_in):
    assert countries_in("Thousands of South Sudanese and Papua New Guineans voted.") == {
        "SS": 1,
        "PG": 1,
    }


def test_countries_skip_a_city_in_a_photographers_name(countries_in):
    text = "The minister spoke in Lima on Monday. (Reuters/Santiago Torres)"
    assert countries_in(text) == {"PE": 1}


def test_countries_skip_a_lower_case_state_only_where_a_state_has_the_name(countries_in):
    assert countries_in("Floods hit Mokwa in Niger state; Abuja sent aid.") == {"NG": 1}
    assert countries_in("China state media said the talks went well.") == {"CN": 1}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("An Ohio jury convicted the driver on Friday.", "US"),
        ("Ontario's chief medical officer urged parents to act.", "CA"),
        ("Floods cut roads across Queensland overnight.", "AU"),
        ("Fishermen in Kerala were told to stay ashore.", "IN"),
    ],
)
def test_countries_read_a_state_or_province_as_its_country(countries_in, text, code):
    assert set(countries_in(text)) == {code}


def test_countries_leave_a_state_that_is_a_first_name_in_a_persons_name(countries_in):
    assert countries_in("Virginia Okafor, a nurse, said the ward was full.") == {}
