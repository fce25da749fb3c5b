"""Cutting a bullet dump into raw bullets: ``Category:`` headers, bullet lines, indented bodies.

A bullet line is a ``•`` (or ``▪``, ``‣``, ``◦``, ``●``) at any indentation, or a ``*`` / ``-``
no deeper than the first bullet of the file, so that a ``- list`` inside an indented body stays
body text. Tabs count as four columns.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import pairwise

from articles.ingest.parsers.blocks import Block, split_blocks
from articles.normalise import clean_spaces

# At the margin, never in a body. The name ends at its last non-space: greedy, since a lazy
# name before ``\s*$`` retries the trailing spaces at every character (quadratic).
CATEGORY = re.compile(r"^Category:\s*+(?P<name>\S(?:.*\S)?)\s*$")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[•▪‣◦●]|[*-](?=[ \t]))[ \t]*(?P<text>\S.*)$")
_ROUND_MARKS = "•▪‣◦●"
_TAB_WIDTH = 4


@dataclass(frozen=True)
class RawBullet:
    """One bullet: its first line (the bullet) and every block up to the next bullet or header."""

    start: int
    section: str
    blocks: tuple[Block, ...]

    @property
    def end(self) -> int:
        return self.blocks[-1].end


@dataclass(frozen=True)
class Scan:
    bullets: tuple[RawBullet, ...]
    stray_lines: tuple[int, ...]  # non-blank lines outside any bullet (first line of each run)
    # Where the text stops looking like bullets for good: a line at the margin after the last
    # bullet, in a file that indents its bullet bodies. None when the layout holds to the end.
    tail_start: int | None = None


def bullet_text(line: str, width: int | None) -> str | None:
    """The text after the bullet mark, or None when ``line`` does not open a bullet."""
    match = _BULLET.match(line)
    if not match:
        return None
    if match.group("mark") in _ROUND_MARKS or width is None:
        return match.group("text")
    return match.group("text") if _columns(match.group("indent")) <= width else None


def bullet_width(lines: list[str]) -> int | None:
    """How deep the file indents its bullets: the first round bullet, else the shallowest mark."""
    depths = [
        (m.group("mark") not in _ROUND_MARKS, _columns(m.group("indent")))
        for m in filter(None, map(_BULLET.match, lines))
    ]
    return min(depths)[1] if depths else None


def scan_bullets(lines: list[str]) -> Scan:
    """Cut the lines at every header and bullet line; headers set the section of what follows.

    When the file indents its bullet bodies, a bullet ends at the first line back at the margin:
    text from there to the next header or bullet is outside any bullet (stray), and after the
    last bullet it is where the layout changed (``tail_start``), never part of a body.
    """
    width = bullet_width(lines)
    heads = [n for n, line in enumerate(lines, 1) if _is_head(line, width)]
    margin = _margin_lines(lines, heads) if _indents_bodies(lines, heads) else []
    bullets: list[RawBullet] = []
    stray = _stray(lines, 1, heads[0] if heads else len(lines) + 1)
    section, tail_start = "", None
    for head, following in pairwise([*heads, len(lines) + 1]):
        line = lines[head - 1]
        if category := CATEGORY.match(line):
            section = clean_spaces(category.group("name"))
            stray += _stray(lines, head + 1, following)
            continue
        end = _first_between(margin, head, following)
        chunk = [bullet_text(line, width) or "", *lines[head : end - 1]]
        bullets.append(RawBullet(head, section, tuple(split_blocks(chunk, head))))
        if end < following and following > len(lines):
            tail_start = end
        elif end < following:
            stray += _stray(lines, end, following)
    return Scan(tuple(bullets), tuple(stray), tail_start)


def _indents_bodies(lines: list[str], heads: list[int]) -> bool:
    """Whether any non-blank line after the first header or bullet is indented."""
    after = lines[heads[0] :] if heads else []
    return any(line[:1] in (" ", "\t") and line.strip() for line in after)


def _first_between(numbers: list[int], after: int, before: int) -> int:
    """The first of the sorted ``numbers`` strictly between the two, else ``before``."""
    index = bisect_right(numbers, after)
    return numbers[index] if index < len(numbers) and numbers[index] < before else before


def _margin_lines(lines: list[str], heads: list[int]) -> list[int]:
    """Non-blank lines at the margin after the first head that are no header or bullet."""
    taken = set(heads)
    first = heads[0] if heads else len(lines)
    return [
        n
        for n, line in enumerate(lines[first:], first + 1)
        if n not in taken and line.strip() and line[:1] not in (" ", "\t")
    ]


def _is_head(line: str, width: int | None) -> bool:
    return bool(CATEGORY.match(line)) or bullet_text(line, width) is not None


def _stray(lines: list[str], first: int, stop: int) -> list[int]:
    """First line numbers of text runs between ``first`` and ``stop`` (exclusive)."""
    return [block.start for block in split_blocks(lines[first - 1 : stop - 1], first)]


def _columns(indent: str) -> int:
    return len(indent.expandtabs(_TAB_WIDTH))
