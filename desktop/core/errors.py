"""Errors the core raises for bad input, each with a message a user understands."""

from __future__ import annotations


class PalimpsestError(Exception):
    """Base of every error the core reports to a user."""


class LoadError(PalimpsestError):
    """A file could not be read as an article. `str(error)` is the user-facing message."""

    def __init__(self, path: str | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

    def __reduce__(self) -> tuple[type[LoadError], tuple[str | None, str]]:
        # Errors cross to and from worker processes pickled; the default would call
        # __init__ with the message alone.
        return type(self), (self.path, self.reason)


class EmptyFileError(LoadError):
    """The file holds no bytes, or only whitespace."""


class BinaryFileError(LoadError):
    """The file holds binary data (NUL bytes or control characters), not text."""


class TooLargeError(LoadError):
    """The file is bigger than the configured limit."""


class UnreadableFileError(LoadError):
    """The operating system refused to read the file (missing, permissions, a folder, …)."""


class UndecodableError(LoadError):
    """No text encoding fits the file's bytes."""
