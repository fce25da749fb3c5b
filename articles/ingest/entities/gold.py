"""Reading the hand-annotated entity gold files: pure functions, no Django.

A gold file maps a readable key to one article, given in one of three ways:

- seed lines: ``file``, ``line_start``, ``line_end`` (read from the seeds folder; trailers are
  dropped, the "The post … appeared first on" title is used);
- a dump of its own: ``dump`` (relative to the gold file) and ``anchor``, text found in exactly
  one item the real parser makes of that dump (its title, summary or body);
- inline: ``title`` and ``text``.

Each entry lists ``persons`` (mentioned), ``authors``, ``photographers`` (both optional) and
``countries`` (ISO alpha-2). A name written ``A|B`` is one person who may be stored in either
form (a spelling variant, or the fuller form another article gives).
"""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from articles.ingest.errors import IngestError
from articles.ingest.parsers import parse_document
from articles.ingest.reader import read_document
from articles.ingest.records import ParsedItem
from articles.normalise import name_key

_POST_TITLE = re.compile(r"^The post (?P<title>.+?) (?:first appeared|appeared first) on .+$")
_TRAILER = re.compile(
    r"^(?:This post was originally published on|This content originally appeared on"
    r"|By [^.]{1,60}$|Continue reading|Source$)"
)
_MAX_DUMP_BYTES = 10_000_000
# The roles whose names count as the article's persons.
PERSON_LISTS = ("persons", "authors", "photographers")


@dataclass(frozen=True)
class GoldArticle:
    key: str
    item: ParsedItem
    # One entry per person (mentions, authors and photographers): the accepted spellings.
    persons: tuple[tuple[str, ...], ...]
    countries: frozenset[str]
    dump: Path | None = None  # the dump the importer reads it from (None: inline text only)
    photographers: tuple[tuple[str, ...], ...] = ()  # also among ``persons``


class GoldError(ValueError):
    """A gold file that cannot be read: the message names the file (and entry, or line)."""


def item_from_lines(lines: Sequence[str], entry: dict) -> ParsedItem:
    """The ParsedItem a parser would make of these seed lines (bullets, trailers removed)."""
    title, kept = "", []
    for raw in lines:
        line = raw.strip().removeprefix("•").strip()
        if match := _POST_TITLE.match(line):
            title = title or match["title"]
        elif line and not _TRAILER.match(line):
            kept.append(line)
    if not title and kept:
        title = kept.pop(0)
    return _item(title, "\n\n".join(kept), entry)


def _item(title: str, body: str, entry: dict) -> ParsedItem:
    return ParsedItem(
        title=title,
        summary="",
        body=body,
        line_start=entry.get("line_start", 1),
        line_end=entry.get("line_end", 1),
        section=entry.get("section", ""),
        authors=tuple(entry.get("credited", entry.get("authors", ()))),
    )


@dataclass(frozen=True)
class GoldEntry:
    """One entry of a gold file and the item its text makes (any annotation kind)."""

    key: str
    entry: dict
    item: ParsedItem
    dump: Path | None  # the dump the importer reads it from (None: inline text only)


def load_gold(path: Path, seeds_dir: Path) -> list[GoldArticle]:
    """Read an entity gold file; seed-line entries read their text from ``seeds_dir``."""
    return [_gold_article(found) for found in read_entries(path, seeds_dir)]


def read_entries(path: Path, seeds_dir: Path) -> list[GoldEntry]:
    """Every entry of a gold file ``{"articles": {key: entry, …}}`` with its item."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["articles"].items()
    except OSError as error:
        raise GoldError(f"{path}: cannot read it ({error.strerror or error}).") from error
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}:{error.lineno}: not JSON ({error.msg}).") from error
    except (KeyError, TypeError, AttributeError) as error:
        raise GoldError(f'{path}: expected {{"articles": {{key: entry, …}}}}.') from error
    texts = _Texts(seeds_dir, path.parent)
    return [_entry(path, key, entry, texts) for key, entry in entries]


def _entry(path: Path, key: str, entry: dict, texts: "_Texts") -> GoldEntry:
    try:
        return GoldEntry(key, entry, *_entry_item(entry, texts))
    except OSError as error:
        raise GoldError(f"{path}: entry {key}: cannot read {error.filename}.") from error
    except (KeyError, TypeError, AttributeError) as error:
        raise GoldError(
            f"{path}: entry {key}: needs `text`, `dump` and `anchor`, or `file`, "
            f"`line_start` and `line_end` ({error!r} is missing or wrong)."
        ) from error
    except (IngestError, LookupError) as error:
        raise GoldError(f"{path}: entry {key}: {error}") from error


class _Texts:
    """Seed lines and parsed dumps, each file read once."""

    def __init__(self, seeds_dir: Path, gold_dir: Path):
        self.seeds_dir, self.gold_dir = seeds_dir, gold_dir
        self.lines: dict[str, list[str]] = {}
        self.items: dict[Path, tuple[ParsedItem, ...]] = {}

    def seed_lines(self, name: str) -> list[str]:
        if name not in self.lines:
            self.lines[name] = (self.seeds_dir / name).read_text(encoding="utf-8").split("\n")
        return self.lines[name]

    def dump_items(self, dump: Path) -> tuple[ParsedItem, ...]:
        if dump not in self.items:
            self.items[dump] = parse_document(read_document(dump, _MAX_DUMP_BYTES)).items
        return self.items[dump]


def _entry_item(entry: dict, texts: _Texts) -> tuple[ParsedItem, Path | None]:
    """The entry's item and the dump it comes from (None for inline text)."""
    if "dump" in entry:
        dump = texts.gold_dir / entry["dump"]
        return anchored_item(texts.dump_items(dump), entry["anchor"]), dump
    if "text" in entry:
        return _item(entry.get("title", ""), entry["text"], entry), None
    lines = texts.seed_lines(entry["file"])
    item = item_from_lines(lines[entry["line_start"] - 1 : entry["line_end"]], entry)
    return item, texts.seeds_dir / entry["file"]


def _gold_article(found: GoldEntry) -> GoldArticle:
    entry = found.entry
    names = [name for role in PERSON_LISTS for name in entry.get(role, ())]
    # A person both mentioned and credited is one person of the article.
    persons = {name_key(name.split("|")[0]): tuple(name.split("|")) for name in names}
    countries = frozenset(entry.get("countries", ()))
    credited = tuple(tuple(name.split("|")) for name in entry.get("photographers", ()))
    return GoldArticle(
        found.key, found.item, tuple(persons.values()), countries, found.dump, credited
    )


def anchored_item(items: Sequence[ParsedItem], anchor: str) -> ParsedItem:
    """The one item whose title, summary or body holds ``anchor``; LookupError otherwise."""
    found = [item for item in items if anchor in item.text_for_entities()]
    if len(found) != 1:
        raise LookupError(f"anchor {anchor!r} is in {len(found)} parsed items of its dump, not 1")
    return found[0]
