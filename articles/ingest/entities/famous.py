"""Famous persons the news names by surname alone ("Lenin", "Prigozhin", "Putin’s regime").

A reviewed list (``data/famous_persons.txt``: heads of state and government, officials, war
figures, business leaders, historical figures, athletes and artists; general knowledge) of the
words by which each is named alone. It does two things the article's own cues cannot: a lone
word of the list is kept as a person without a title or a verb of speech (``lone``), and the
extractor looks for the list's words where the model tagged nothing, through the same
automaton and context rules as the registry (``registry.PersonRegistry``). Words that are also
places, companies or common English words are left out of the list by review.
"""

from functools import cache
from pathlib import Path

from articles.ingest.records import RegistryPerson
from articles.normalise import name_key

FAMOUS_FILE = Path(__file__).with_name("data") / "famous_persons.txt"


@cache
def famous_names() -> tuple[str, ...]:
    """The list's names, read once a process."""
    lines = FAMOUS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def famous_keys() -> frozenset[str]:
    """Name keys of the list's names."""
    return frozenset(name_key(name) for name in famous_names())


def registry_persons() -> tuple[RegistryPerson, ...]:
    """The list as registry persons of one word each, for the automaton."""
    return tuple(RegistryPerson(name) for name in famous_names())
