"""Errors raised while importing a dump, each naming the file (and the line when known)."""


class IngestError(Exception):
    """A dump cannot be imported. The message says where and what to do."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class UnreadableDump(IngestError):
    """Empty, binary, not UTF-8, too large, or not a file."""


class UnknownLayout(IngestError):
    """The text matches none of the known dump layouts."""


class TruncatedDump(IngestError):
    """The dump stops in the middle of an item."""
