"""Bytes → text: size limit, binary and encoding checks, BOM, line endings, provenance.

Every refusal raises ``UnreadableDump`` (or ``TruncatedDump`` for a file cut inside a
multi-byte character) with a one-line message naming the file, the line when it applies,
and what to do about it.
"""

import hashlib
import re
from pathlib import Path

from articles.ingest.errors import TruncatedDump, UnreadableDump
from articles.ingest.records import Document

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
# Control bytes that never occur in text (tab, line feed, form feed and carriage return do).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r") + b"\x7f"
# Above this share of control bytes a file is binary, even without a NUL byte.
_MAX_CONTROL_SHARE = 0.10
_BOM = "\ufeff"


def read_document(path: str | Path, max_bytes: int) -> Document:
    """Read one dump as UTF-8 text with "\\n" line endings, or raise ``UnreadableDump``."""
    file = Path(path)
    raw = _read_bytes(file, str(path), max_bytes)
    _refuse_binary(raw, str(path))
    text = _decode(raw, str(path))
    if not text.strip():
        raise UnreadableDump(str(path), "the file holds only white space; nothing to import")
    return Document(
        name=file.name,
        path=str(path),
        text=_normalise_line_endings(text),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def _read_bytes(file: Path, shown: str, max_bytes: int) -> bytes:
    """The raw bytes, after checking (before reading) that the file exists, is regular and fits."""
    if not file.is_file():
        raise UnreadableDump(shown, "not a regular file; give the path of a .txt dump")
    size = file.stat().st_size
    if size > max_bytes:
        raise UnreadableDump(
            shown,
            f"the file is {size} bytes, over the {max_bytes}-byte limit; "
            "split the dump or raise NEWSDB_MAX_DUMP_BYTES",
        )
    if size == 0:
        raise UnreadableDump(shown, "the file is empty; nothing to import")
    return file.read_bytes()


def _refuse_binary(raw: bytes, shown: str) -> None:
    """Refuse NUL bytes and files made mostly of control characters."""
    if b"\x00" in raw:
        line = _line_of_offset(raw, raw.index(b"\x00"))
        raise UnreadableDump(shown, "binary data (a NUL byte); give a plain-text dump", line)
    controls = sum(raw.count(bytes([b])) for b in _CONTROL_BYTES)
    if controls > _MAX_CONTROL_SHARE * len(raw):
        raise UnreadableDump(shown, "binary data (control characters); give a plain-text dump")


def _decode(raw: bytes, shown: str) -> str:
    """Strict UTF-8 with an optional BOM; name the line of the first bad byte."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = _line_of_offset(raw, error.start)
        if error.end == len(raw) and "unexpected end" in error.reason:
            raise TruncatedDump(
                shown,
                "the file ends inside a multi-byte UTF-8 character (cut short); "
                "fetch the complete dump",
                line,
            ) from None
        raise UnreadableDump(
            shown,
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); re-save the file as UTF-8",
            line,
        ) from None
    return text.removeprefix(_BOM)


def _line_of_offset(raw: bytes, offset: int) -> int:
    """The 1-based line holding byte ``offset``, whatever the line endings."""
    return len(_LINE_BREAK.findall(raw, 0, offset)) + 1


def _normalise_line_endings(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
