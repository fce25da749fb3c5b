"""Names the model tagged together with the role noun that opens their sentence.

Mid-sentence a role is lower case ("said farmer Ana Lima"); opening a sentence it is capitalised,
and the model may take it into the entity ("Farmer Ana Lima", often tagged ORG). The titles of
``names`` are stripped wherever they stand; a role noun is ordinary English, so it is cut only
where a sentence starts and a first name follows it.
"""

import re

from articles.ingest.entities import lexicon
from articles.ingest.entities.gazetteer import is_given_name
from articles.ingest.entities.names import KOREAN_GIVEN_NAME, has_org_word
from articles.ingest.entities.spans import Span, opens_sentence

_WORD = re.compile(r"\S+")
# A name word: capitalised letters, maybe joined by hyphens or apostrophes ("Jean-Luc", "O'Neil").
_NAME_WORD = re.compile(r"[A-Z][^\W\d_]*(?:[-’'][A-Z]?[^\W\d_]+)*")
# The name after the role: a first name and up to two more words (a lone first name joins the
# full name the model tagged next to it: "Farmer Ana" beside "Lima Costa").
_NAME_WORDS = (1, 3)
_NAMED_AFTER = re.compile(r",|\s+(?:said|says|told|added)\b")


def after_role(span: Span, text: str) -> Span | None:
    """The person's name after a common noun opening the sentence, in a span tagged whole
    ("Nurse Ana Lima said" → "Ana Lima"), or None."""
    if not opens_sentence(text, span.start):
        return None
    words = list(_WORD.finditer(span.text))
    role, rest = words[0].group(), [word.group() for word in words[1:]]
    if not (_NAME_WORDS[0] <= len(rest) <= _NAME_WORDS[1]) or has_org_word(rest):
        return None
    if not lexicon.is_noun(role) or is_given_name(role):
        return None
    if len(rest) == 1 and KOREAN_GIVEN_NAME.fullmatch(rest[0]):
        return None  # a Korean surname that is an English word too: "Park Min-seo", "Song Ji-ho"
    # "Marie-Claire" is known as "Marie"; a first name the dictionary lacks ("Farmer Akosua
    # Mensah") passes when neither word is English.
    if not is_given_name(rest[0].split("-")[0]) and not _foreign_full_name(rest, span, text):
        return None
    if not all(_NAME_WORD.fullmatch(word) for word in rest):
        return None
    start = span.start + words[1].start()
    return Span(span.text[words[1].start() :], "PERSON", start, span.end)


def _foreign_full_name(words: list[str], span: Span, text: str) -> bool:
    """Two or three words none of which is an English word, then a comma or a verb of speech
    (as a person is named): a name the dictionary lacks."""
    if not 2 <= len(words) <= 3 or not _NAMED_AFTER.match(text, span.end):
        return False
    return not any(lexicon.is_noun(word) or lexicon.is_verb_or_adjective(word) for word in words)
