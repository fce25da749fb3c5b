"""``spans.opens_sentence``: is a word's capital the sentence's?"""

import pytest

from articles.ingest.entities.spans import opens_sentence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy rain fell.", True),  # the text's first word
        ("It rained. Heavy rain fell.", True),
        ("It rained.\n\n  • Heavy rain fell.", True),  # a bullet on a new line
        ("He said: “It rained.” Heavy rain fell.", True),  # after a closing quote
        ("They met Mr. Heavy on Monday.", False),  # a title's full stop
        ("They met Ana J. Heavy on Monday.", False),  # an initial's
        ("They met the Heavy family.", False),
    ],
)
def test_opens_sentence_at_starts_only(text, expected):
    assert opens_sentence(text, text.index("Heavy")) is expected
