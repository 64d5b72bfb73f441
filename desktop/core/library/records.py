"""The small frozen records the library hands to its callers (GUI model, CLI, tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story (versions of one article) as the library list shows it.

    `title` is the newest titled version's effective title (else its first words);
    `date` is the earliest known date of the versions; `imported_at` the latest import.
    """

    id: int
    title: str
    publisher: str | None
    date: dt.date | None
    versions: int
    imported_at: str


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One version in a story, without its text (cheap to list by the thousand).

    `date` is the version's own effective date (user edit, else extracted), None if
    unknown; `story_date` is what a consumer shows for an undated version.
    """

    id: int
    title: str
    publisher: str | None
    date: dt.date | None
    format: str
    path: str | None
    imported_at: str
    sha256: str
    duplicate_of: int | None
    story_id: int = 0
    story_date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class UserFields:
    """What the user set on an article, kept apart from what was extracted (None: not set)."""

    title: str | None = None
    date: dt.date | None = None
    tags: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result. `snippet` is plain text (never HTML); `matches` are
    `(start, end)` ranges of matched words inside it, for the view to style."""

    article_id: int
    story_id: int
    title: str
    snippet: str
    rank: float
    matches: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ImportedItem:
    """A file or text that became a new article (`duplicate_of` set: same text as that one)."""

    source: str
    article_id: int
    story_id: int
    duplicate_of: int | None = None


@dataclass(frozen=True, slots=True)
class AlreadyInLibrary:
    """A file whose exact bytes the library already holds as article `article_id`."""

    source: str
    article_id: int


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """A file that could not be imported, and why (a sentence for the user)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did. `duplicates` are the added articles flagged as duplicate candidates."""

    added: tuple[ImportedItem, ...] = ()
    already: tuple[AlreadyInLibrary, ...] = ()
    failed: tuple[ImportFailure, ...] = ()
    cancelled: bool = False

    @property
    def duplicates(self) -> tuple[ImportedItem, ...]:
        """Added articles whose normalised text equals an earlier article's."""
        return tuple(item for item in self.added if item.duplicate_of is not None)

    @property
    def added_ids(self) -> tuple[int, ...]:
        """Ids of every article this import created."""
        return tuple(item.article_id for item in self.added)
