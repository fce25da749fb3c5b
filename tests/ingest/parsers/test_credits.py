import pytest

from articles.ingest.parsers.credits import (
    byline_name,
    credited_authors,
    dateline_outlet,
    is_person_name,
    split_author_suffix,
    strip_dateline,
)


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Kabul, Afghanistan (CNN)Afghan President Ashraf Ghani left", "CNN"),
        ("LONDON (Reuters) - Prices rose", "Reuters"),
        ("A U.S. indictment says. (Reuters/Toby Melville).", None),
        ("Sotsialnyi Rukh (SR) is a party", None),
    ],
)
def test_dateline_outlet_reads_datelines_not_credits(text, outlet):
    assert dateline_outlet(text) == outlet


def test_strip_dateline_removes_place_and_outlet():
    assert strip_dateline("TAIPEI, Taiwan – Two soldiers were held.") == "Two soldiers were held."
    assert strip_dateline("Kabul, Afghanistan (CNN)Afghan leaders met.") == "Afghan leaders met."


@pytest.mark.parametrize(
    ("headline", "title", "author"),
    [
        ("A call to action - Jeremy Galloway", "A call to action", "Jeremy Galloway"),
        ("Why it spreads – Ana Lucia Ortega", "Why it spreads", "Ana Lucia Ortega"),
        ("War in Europe - The Final Countdown", "War in Europe - The Final Countdown", None),
        ("Ukraine – Russia", "Ukraine – Russia", None),
        ("Fix the grid - Adaeze Okonkwo-Bello", "Fix the grid", "Adaeze Okonkwo-Bello"),
        ("Clay courts - Marta Ruiz de Velasco", "Clay courts", "Marta Ruiz de Velasco"),
        ("Peace Talks - Four More Capital Words", "Peace Talks - Four More Capital Words", None),
        ("Metro - Noor al-Qahtani", "Metro", "Noor al-Qahtani"),
    ],
)
def test_split_author_suffix_only_takes_personal_names(headline, title, author):
    assert split_author_suffix(headline) == (title, author)


def test_credited_authors_reads_report_and_writes_credits():
    assert credited_authors("She found it. Manisha Ganguly and Juliette Garside report") == (
        "Manisha Ganguly",
        "Juliette Garside",
    )
    assert credited_authors("Strikes begin on Friday, writes Jeremy Galloway.") == (
        "Jeremy Galloway",
    )
    assert credited_authors("Police report a quiet night.") == ()


def test_byline_name_keeps_people_and_drops_teams():
    assert byline_name("By HG") == "HG"
    assert byline_name("By Agnieszka Wiśniewska") == "Agnieszka Wiśniewska"  # Latin Extended-A
    assert byline_name("By The Visual Journalism Team") is None
    assert byline_name("By contrast, the minister said") is None


def test_is_person_name_rejects_kickers_and_groups():
    assert is_person_name("George Monbiot")
    assert not is_person_name("Breaking News")
    assert not is_person_name("Russia")
