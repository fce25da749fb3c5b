"""Normalised keys for natural names: one rule, used by the models and the importer alike.

Plain Python (no Django), so the ingestion stages can compute the same keys the database enforces.
"""

import hashlib
import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_NON_WORD = re.compile(r"[^\w]+")


def fold_accents(text: str) -> str:
    """Drop diacritics: "Zelenskyy" and "Zelénskyy" fold to the same letters."""
    if text.isascii():  # nothing to fold (NFKD leaves ASCII as it is), and most text is
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """The comparison key of a name: case, accents, punctuation and spacing folded away.

    "PopularResistance.Org", "popularresistance.org" and "Popular Resistance Org" differ in
    spacing, so the key also drops spaces: the three share ``popularresistanceorg``.
    """
    folded = fold_accents(name.translate(_APOSTROPHES)).casefold()
    return _NON_WORD.sub("", folded.replace("_", ""))


def slug_for(name: str, max_length: int = 100) -> str:
    """An ASCII slug for URLs: lower case words joined by hyphens."""
    ascii_text = fold_accents(name).encode("ascii", "ignore").decode()
    words = _NON_WORD.sub(" ", ascii_text.replace("_", " ")).lower().split()
    slug = "-".join(words)[:max_length].strip("-")
    return slug or "item"


def clean_spaces(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) to one space, trimmed."""
    # str.split() splits on exactly what re's \s matches, several times faster than a sub.
    return " ".join(text.split())


def content_fingerprint(title: str, summary: str, body: str, title_derived: bool = False) -> str:
    """The content hash that makes an article unique: its words, case and spacing folded.

    The title is included only when the dump wrote it: a derived title adds nothing.
    """
    parts = (summary, body) if title_derived else (title, summary, body)
    content = clean_spaces(" ".join(parts)).casefold()
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def words(text: str, sep: str | None = None) -> frozenset[str]:
    """A set of words written as one string (for word lists kept readable in code)."""
    return frozenset(word.strip() for word in text.split(sep) if word.strip())
