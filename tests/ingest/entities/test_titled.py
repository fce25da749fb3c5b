"""``titled.missed_names``: names after a capitalised title that the model tagged nothing for."""

import pytest

from articles.ingest.entities.spans import Span
from articles.ingest.entities.titled import missed_names


def found(text: str, spans: tuple[Span, ...] = ()) -> list[str]:
    return [span.text for span in missed_names(text, spans)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Nursultan Aliyev-Tokhtarov opened the plant.", ["Nursultan Aliyev-Tokhtarov"]),
        ("Governor Adebayo Ogunleye-Bankole said roads were shut.", ["Adebayo Ogunleye-Bankole"]),
        ("King Mswati III addressed the nation.", ["Mswati III"]),
        ("Prime Minister Ana Lúcia da Costa resigned.", ["Ana Lúcia da Costa"]),
    ],
)
def test_missed_names_after_a_title(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Biden said so.",  # one word: the model's to judge
        "Minister Of State Affairs Bureau met.",  # an organisation word
        "The Prime Minister Office Building Fund closed.",  # a Title Case run goes on
        "the president Nursultan Aliyev said.",  # a lower-case title is no title
    ],
)
def test_missed_names_leave_other_runs(text):
    assert found(text) == []


def test_missed_names_skip_what_the_model_tagged_a_person():
    text = "President Nursultan Aliyev spoke."
    tagged = Span("Nursultan Aliyev", "PERSON", 10, 26)
    assert found(text, (tagged,)) == []
