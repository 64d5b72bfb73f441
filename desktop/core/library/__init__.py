"""The article library: stored articles, their stories (versions), search and import.

Open one with `open_library()`; every function takes the `Library` first. Core
code only: no Qt. The window runs `import_paths` on a worker thread and turns
its callbacks into signals.
"""

from __future__ import annotations

from desktop.core.library.boilerplate import boilerplate_fingerprints
from desktop.core.library.edits import (
    KEEP,
    empty_trash,
    reextract,
    remove,
    restore,
    set_user_fields,
)
from desktop.core.library.errors import (
    LibraryBusyError,
    LibraryError,
    LibraryStorageError,
    NotInLibraryError,
    SearchQueryError,
)
from desktop.core.library.fulltext import search
from desktop.core.library.grouping import merge_stories, move_article, regroup, split_article
from desktop.core.library.importer import CancelCheck, ProgressCallback, import_paths, import_text
from desktop.core.library.listing import (
    all_articles,
    article,
    article_row,
    original_bytes,
    pair_to_compare,
    stories,
    story_date,
    user_fields,
    versions,
)
from desktop.core.library.pending import open_library
from desktop.core.library.records import (
    AlreadyInLibrary,
    ArticleRow,
    ImportedItem,
    ImportFailure,
    ImportSummary,
    SearchHit,
    StoryRow,
    UserFields,
)
from desktop.core.library.schema import SCHEMA_VERSION
from desktop.core.library.store import Library, data_version

__all__ = [
    "KEEP",
    "SCHEMA_VERSION",
    "AlreadyInLibrary",
    "ArticleRow",
    "CancelCheck",
    "ImportFailure",
    "ImportSummary",
    "ImportedItem",
    "Library",
    "LibraryBusyError",
    "LibraryError",
    "LibraryStorageError",
    "NotInLibraryError",
    "ProgressCallback",
    "SearchHit",
    "SearchQueryError",
    "StoryRow",
    "UserFields",
    "all_articles",
    "article",
    "article_row",
    "boilerplate_fingerprints",
    "data_version",
    "empty_trash",
    "import_paths",
    "import_text",
    "merge_stories",
    "move_article",
    "open_library",
    "original_bytes",
    "pair_to_compare",
    "reextract",
    "regroup",
    "remove",
    "restore",
    "search",
    "set_user_fields",
    "split_article",
    "stories",
    "story_date",
    "user_fields",
    "versions",
]
