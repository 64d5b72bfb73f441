"""Errors of the article library, each with a message a user understands."""

from __future__ import annotations

from desktop.core.errors import PalimpsestError


class LibraryError(PalimpsestError):
    """The library could not be opened, read or written. `str(error)` is for the user."""


class LibraryBusyError(LibraryError):
    """Another process held the library's write lock for longer than we wait."""

    def __init__(self, message: str = "library busy, retry") -> None:
        super().__init__(message)


class LibraryStorageError(LibraryError):
    """The disk refused: a read-only folder, a full disk, a damaged database file."""


class NotInLibraryError(LibraryError):
    """An article or story id that the library does not hold (or holds only in the trash)."""


class SearchQueryError(LibraryError):
    """A search query that neither FTS5 nor its quoted fallback can run."""
