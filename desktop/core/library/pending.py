"""Opening a library, and the batch step of an import (`index_pending`).

An import stores each article in its own transaction but leaves two things to a
batch every `INDEX_BATCH` articles: adding them to the full-text index, and
writing their grouping keys (held in memory until then) to the library's
tables. A killed import leaves a batch undone; opening the library does it.
"""

from __future__ import annotations

import os

from desktop.core.library.grouping import settle
from desktop.core.library.store import DEFAULT_BUSY_TIMEOUT, Library, connect_library


def open_library(folder: str | os.PathLike[str] | None = None, *,
                 busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Library:
    """Open (creating or migrating as needed) the library in `folder`.

    `folder` defaults to `default_library_dir()` (`$PALIMPSEST_LIBRARY` or the
    user data folder).
    """
    library = connect_library(folder, busy_timeout=busy_timeout)
    try:
        index_pending(library)  # what an import killed between two batches left
    except BaseException:
        library.close()
        raise
    return library


def index_pending(library: Library) -> int:
    """Do the batch step for every article stored but not yet indexed; returns how many."""
    with library.reading() as conn:
        if conn.execute("SELECT 1 FROM unindexed UNION ALL SELECT 1 FROM held_articles LIMIT 1"
                        ).fetchone() is None:
            return 0
    with library.writing() as conn:
        return settle(conn)
