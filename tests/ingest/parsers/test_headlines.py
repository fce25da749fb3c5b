import pytest

from articles.ingest.parsers.headlines import split_lead


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Nagorno-Karabakh: Victim of Rivalry: The region was lost in a day of fighting.",
            "Nagorno-Karabakh: Victim of Rivalry",
        ),
        (
            "Russia: Who Is He and Why Is He Held?: He was arrested on Monday in Moscow.",
            "Russia: Who Is He and Why Is He Held?",
        ),
        (
            'Nurses say managers ignored warnings: One nurse told reporters: "We begged for help."',
            "Nurses say managers ignored warnings",
        ),
        (
            "Heat grips Spain: Temperatures rose in three cities: Seville, Córdoba and Jaén.",
            "Heat grips Spain",
        ),
        (
            "Rasoul Bodaghi, a teacher, was arrested:\u00a0On December 11, he was taken away.",
            "Rasoul Bodaghi, a teacher, was arrested",
        ),
    ],
)
def test_split_lead_finds_the_colon_that_ends_the_headline(text, title):
    assert split_lead(text).title == title


def test_split_lead_takes_author_then_first_sentence():
    lead = split_lead("George Monbiot: Solidarity is not rage. Protests are spreading. A caption.")
    assert (lead.title, lead.authors) == ("Solidarity is not rage", ("George Monbiot",))
    assert lead.rest == "Protests are spreading. A caption."


@pytest.mark.parametrize(
    "opening", ["Dear friend", "Hello comrades", "Greetings from the editorial collective"]
)
def test_split_lead_skips_salutations(opening):
    lead = split_lead(f"{opening}: We hope you are well. The meeting is on Friday.")
    assert lead.title is None and lead.rest.startswith("We hope you are well")


def test_split_lead_skips_bylines_and_keeps_personal_ones_as_authors():
    assert split_lead("By The Visual Journalism Team: Maps show the advance.").authors == ()
    lead = split_lead("By Jane Roe: Maps show the advance of the army in the north.")
    assert (lead.title, lead.authors) == (None, ("Jane Roe",))


def test_split_lead_ignores_colons_after_the_first_sentence():
    lead = split_lead(
        "Fires spread. Firefighters work near Dhaka. Credit: AP Photo/Jane Roe. More text."
    )
    assert lead.title is None


def test_split_lead_ignores_speech_colons():
    assert split_lead("The minister said: we will not give in to the strikers.").title is None
