"""Finding the article files in what a user dropped or opened: files and folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

#: Told about a folder that could not be listed: its path and the reason for the user.
FolderErrorHandler = Callable[[str, str], None]

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm",
                      ".xhtml", ".shtml"})


def discover_files(paths: Iterable[str | os.PathLike[str]], *,
                   on_error: FolderErrorHandler | None = None) -> Iterator[Path]:
    """Every article file named in `paths` or inside the folders among them.

    Files named directly are always yielded (the user chose them). Folders are
    walked without following symbolic links (so a link loop cannot trap us),
    skipping hidden entries and files whose ending is not an article's. A
    folder that cannot be listed is skipped and reported to `on_error`.
    """
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            yield from _walk(path, on_error)
        else:
            yield path


def _walk(folder: Path, on_error: FolderErrorHandler | None) -> Iterator[Path]:
    def report(error: OSError) -> None:
        if on_error is not None:
            where = os.fsdecode(error.filename) if error.filename else str(folder)
            on_error(where, f"the folder could not be read ({error.strerror or error})")

    for root, dirs, files in os.walk(folder, followlinks=False, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            yield Path(root) / name
