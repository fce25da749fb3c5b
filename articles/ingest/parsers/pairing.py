"""Headline / caption / summary blocks: label each block, then group them into items.

The pair layouts are a sequence of blocks following ``(headline caption* summary more*)+``:
optional short image captions between a headline and its summary, and (rarely) a summary
continued over further paragraphs. Each block gets a score for each role from its shape
(length, final full stop, wrapping, case); the best-scoring labelling that obeys the grammar
wins (Viterbi). Captions and continuations carry a prior penalty, so a plain alternation is
kept unless a block clearly is not a headline or a summary: a caption shifts the parity of
every later block, which the grammar only accepts when the text supports it.

A file that ends with a headline (and perhaps captions) but no summary is truncated: that
ending is allowed with a penalty, and ``PairedItem.summary`` is then empty.
"""

import re
from dataclasses import dataclass
from itertools import islice, pairwise

from articles.ingest.parsers.blocks import (
    Block,
    capitalised_share,
    count_words,
    ends_sentence,
    ends_with_period,
    starts_lower,
)
from articles.ingest.parsers.sentences import iter_sentences

HEADLINE, CAPTION, SUMMARY, MORE = "headline", "caption", "summary", "more"
_NEXT = {
    None: (HEADLINE,),
    HEADLINE: (CAPTION, SUMMARY),
    CAPTION: (CAPTION, SUMMARY),
    SUMMARY: (HEADLINE, MORE),
    MORE: (HEADLINE, MORE),
}
_COMPLETE_ENDINGS = (SUMMARY, MORE)
_TRUNCATED_ENDING_PENALTY = 4.0
_CAPTION_PRIOR = -2.0
_MORE_PRIOR = -3.5
_TITLE_CASE_SHARE = 0.75
_WORD_CAP = 26  # the scores compare word counts with at most 25
_CREDIT_WORDS = re.compile(r"\b(?:image|photo|photograph|picture|credit|via|courtesy)\b", re.I)
# A block that is nothing but a photo credit ("Photo: Ana Lima/AFP", "Credit: AP Photo/…",
# "(Reuters/Ana Lima)") is a caption's, never a headline or a summary.
_CREDIT_LINE = re.compile(
    r"(?:(?:Photo(?:graph)?s?|Pictures?|Images?|Credits?)(?:\s+by)?\s*:|Photo\s+by\b"
    r"|\([^()\n]{1,80}/[^()\n]{1,80}\)\.?$)",
    re.IGNORECASE,
)
_CREDIT_LINE_WORDS = 12
_NEVER = -8.0


@dataclass(frozen=True)
class PairedItem:
    headline: Block
    captions: tuple[Block, ...] = ()
    summary: tuple[Block, ...] = ()  # the summary, then any continued paragraphs

    @property
    def end(self) -> int:
        return (self.summary or self.captions or (self.headline,))[-1].end


def pair_blocks(blocks: list[Block]) -> list[PairedItem]:
    """Group blocks into items by the best labelling under the pair grammar."""
    return _group(blocks, label_blocks(blocks))


def label_blocks(blocks: list[Block]) -> list[str]:
    """The best role for every block (Viterbi over the grammar above, with back-pointers)."""
    best: dict[str | None, float] = {None: 0.0}
    back: list[dict[str, str | None]] = []
    for block in blocks:
        scores = role_scores(block)
        step: dict[str | None, float] = {}
        came_from: dict[str, str | None] = {}
        for previous, total in best.items():
            for role in _NEXT[previous]:
                if role not in step or total + scores[role] > step[role]:
                    step[role], came_from[role] = total + scores[role], previous
        best = step
        back.append(came_from)
    return _trace(back, max(best, key=lambda role: _final_score(role, best[role])))


def _trace(back: list[dict[str, str | None]], last: str | None) -> list[str]:
    roles: list[str] = []
    for came_from in reversed(back):
        roles.append(last)
        last = came_from[last]
    return roles[::-1]


def _final_score(role: str | None, total: float) -> float:
    return total if role in _COMPLETE_ENDINGS else total - _TRUNCATED_ENDING_PENALTY


def role_scores(block: Block) -> dict[str, float]:
    if _is_credit_line(block):
        return {HEADLINE: _NEVER, CAPTION: 2.0, SUMMARY: _NEVER, MORE: _NEVER}
    summary = _summary_score(block)
    return {
        HEADLINE: _headline_score(block),
        CAPTION: _caption_score(block),
        SUMMARY: summary,
        MORE: summary + _MORE_PRIOR,
    }


def _is_credit_line(block: Block) -> bool:
    text = block.text.strip()
    return (
        len(block.lines) == 1
        and count_words(text, _WORD_CAP) <= _CREDIT_LINE_WORDS
        and bool(_CREDIT_LINE.match(text))
    )


def _headline_score(block: Block) -> float:
    text, count = block.text, count_words(block.text, _WORD_CAP)
    score = -6.0 if len(block.lines) > 1 else 0.0
    score -= 3.0 if ends_with_period(text) else 0.0
    score -= 4.0 if count > 25 else 1.0 if count > 18 else 0.0
    score -= 2.0 if _has_two_sentences(text) else 0.0
    score -= 3.0 if starts_lower(text) else 0.0
    return score + (1.0 if capitalised_share(text) >= _TITLE_CASE_SHARE else 0.0)


def _has_two_sentences(text: str) -> bool:
    return next(islice(iter_sentences(text), 1, None), None) is not None


def _summary_score(block: Block) -> float:
    text, count = block.text, count_words(block.text, _WORD_CAP)
    score = 4.0 if len(block.lines) > 1 else 0.0
    score += 2.0 if ends_with_period(text) else 0.0 if ends_sentence(text) else -1.0
    score -= 1.5 if count < 12 and not ends_sentence(text) else 0.0  # a short fragment
    score += (1.5 if count >= 15 else 0.0) + (1.0 if count >= 25 else 0.0)
    score -= 4.5 if count < 6 else 3.0 if count < 8 else 1.0 if count < 12 else 0.0
    score -= 1.5 if capitalised_share(text) >= 0.6 and count < 15 else 0.0
    return score - (1.0 if starts_lower(text) else 0.0)


def _caption_score(block: Block) -> float:
    text, count = block.text, count_words(block.text, _WORD_CAP)
    score = _CAPTION_PRIOR - (6.0 if len(block.lines) > 1 else 0.0)
    score -= 2.0 if ends_with_period(text) else 0.0
    score -= 4.0 if count > 14 else 0.0
    score += 3.0 if starts_lower(text) else 0.0
    return score + (4.0 if _CREDIT_WORDS.search(text) else 0.0)


def _group(blocks: list[Block], roles: list[str]) -> list[PairedItem]:
    """Cut the blocks at every headline (the grammar puts one first)."""
    starts = [index for index, role in enumerate(roles) if role == HEADLINE]
    cuts = pairwise([*starts, len(blocks)])
    return [_paired(blocks[start:end], roles[start:end]) for start, end in cuts]


def _paired(blocks: list[Block], roles: list[str]) -> PairedItem:
    """One headline with its captions and summary blocks, each tuple built once."""
    labelled = list(zip(blocks, roles, strict=True))
    captions = tuple(block for block, role in labelled if role == CAPTION)
    summary = tuple(block for block, role in labelled if role in (SUMMARY, MORE))
    return PairedItem(blocks[0], captions, summary)
