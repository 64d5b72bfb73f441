"""Finding the article files in what a user dropped or opened: files and folders."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm",
                      ".xhtml", ".shtml"})


def discover_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every article file named in `paths` or inside the folders among them.

    Files named directly are always yielded (the user chose them). Folders are
    walked without following symbolic links (so a link loop cannot trap us),
    skipping hidden entries and files whose ending is not an article's.
    """
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or Path(name).suffix.lower() not in SUFFIXES:
                continue
            yield Path(root) / name
