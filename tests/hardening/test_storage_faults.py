"""The disk says no: full mid-import, read-only, failing reads, a migration that cannot finish.

Each gives a clear error and leaves only whole articles. (tests/core/library/test_store.py
already covers `PRAGMA query_only`, `max_page_count` and a version-1 migration that works.)
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.core import library as lib
from desktop.core.library import schema, store
from desktop.core.library.store import DB_NAME
from tests.core.library.test_store import _make_v1_library
from tests.hardening import corpus
from tests.hardening.conftest import assert_untouched, snapshot


class FlakyConnection:
    """An SQLite connection whose `execute` fails as told: the disk filling up mid-transaction."""

    def __init__(self, conn: sqlite3.Connection, fail: Callable[[str], bool]) -> None:
        self._conn = conn
        self._fail = fail

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if self._fail(sql):
            raise sqlite3.OperationalError("database or disk is full")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"{i:02}.txt"
        path.write_text(f"Article number {i}. {corpus.ENGLISH}\n\nIts second paragraph, {i} of {count}.", "utf-8")
        paths.append(path)
    return paths


def test_disk_full_in_the_middle_of_an_article(seeded: lib.Library, tmp_path: Path) -> None:
    """The third article's search row does not fit: it is rolled back whole, the first two stay."""
    files = _articles(tmp_path / "in", 5)
    before = snapshot(seeded)
    inserts = []

    def third_doc_insert(sql: str) -> bool:
        if sql.startswith("INSERT INTO doc"):
            inserts.append(sql)
            return len(inserts) == 3
        return False

    real = seeded._conn
    seeded._conn = FlakyConnection(real, third_doc_insert)  # type: ignore[assignment]
    try:
        with pytest.raises(lib.LibraryStorageError, match="is full; the last change was not saved"):
            lib.import_paths(seeded, files, workers=0)
    finally:
        seeded._conn = real
    after = snapshot(seeded)
    assert_untouched(before, after, added=2)
    assert {lib.original_bytes(seeded, row[0]) for row in after.rows[-2:]} == {f.read_bytes() for f in files[:2]}
    # Once there is room again the same import stores the rest, and only the rest.
    summary = lib.import_paths(seeded, files)
    assert len(summary.already) == 2 and len(summary.added) == 3
    assert_untouched(after, snapshot(seeded), added=3)


def test_disk_full_while_indexing_keeps_articles_and_indexes_them_later(
        library_dir: Path, tmp_path: Path) -> None:
    files = _articles(tmp_path / "in", 3)
    library = lib.open_library(library_dir)
    real = library._conn
    library._conn = FlakyConnection(real, lambda sql: sql.startswith("INSERT INTO fts"))  # type: ignore[assignment]
    try:
        with pytest.raises(lib.LibraryStorageError, match="is full"):
            lib.import_paths(library, files)
    finally:
        library._conn = real
        library.close()
    # Stored but not searchable yet: the next open indexes what is queued.
    with lib.open_library(library_dir) as reopened:
        state = snapshot(reopened)
        assert state.integrity == "ok" and len(state.rows) == state.doc == state.fts == 3
        assert {h.article_id for h in lib.search(reopened, "second paragraph")} == {1, 2, 3}


def test_a_file_the_disk_fails_to_read(seeded: lib.Library, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    files = _articles(tmp_path / "in", 3)
    real_open = open

    def failing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.fspath(file) == str(files[1]):
            raise OSError(errno.EIO, "Input/output error", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    before = snapshot(seeded)
    summary = lib.import_paths(seeded, files, workers=0)
    assert len(summary.added) == 2
    [failure] = summary.failed
    assert failure.source == str(files[1]) and failure.reason == "the file could not be read (Input/output error)"
    assert_untouched(before, snapshot(seeded), added=2)


def _read_only_connect(monkeypatch: pytest.MonkeyPatch) -> None:
    """Open the library file through SQLite's read-only mode: what a read-only folder or disk gives.

    As root, chmod does not make a file read-only; SQLite's own mode fails writes the same way.
    """
    real_connect = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database).endswith(DB_NAME):
            return real_connect(f"{Path(database).as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(store.sqlite3, "connect", connect)


def test_read_only_library_reads_but_refuses_writes_clearly(library_dir: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    files = _articles(tmp_path / "in", 2)
    with lib.open_library(library_dir) as library:
        lib.import_paths(library, files[:1])
        before = snapshot(library)
        # Keep a reader open so the WAL index stays: the read-only opener can then read it.
        _read_only_connect(monkeypatch)
        try:
            read_only = lib.open_library(library_dir)
        except lib.LibraryStorageError as error:  # SQLite could not even read it: also clear
            assert "cannot be written" in str(error)
            return
        with read_only:
            assert [r.id for r in lib.all_articles(read_only)] == [1]
            with pytest.raises(lib.LibraryStorageError, match="cannot be written"):
                lib.import_paths(read_only, files[1:])
            with pytest.raises(lib.LibraryStorageError, match="cannot be written"):
                lib.set_user_fields(read_only, 1, notes="x")
        assert snapshot(library) == before


def test_new_library_in_a_read_only_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _read_only_connect(monkeypatch)
    where = tmp_path / "library"
    with pytest.raises(lib.LibraryStorageError, match="cannot be written"):
        lib.open_library(where)
    assert not (where / DB_NAME).exists()


def test_migration_that_runs_out_of_disk_leaves_the_old_library(library_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Half of the upgrade is done when the disk fills: all of it is undone; the backup was made first."""
    _make_v1_library(library_dir)
    real_step = schema.MIGRATIONS[1]

    def step_then_full(conn: sqlite3.Connection) -> None:
        real_step(conn)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(schema, "MIGRATIONS", (schema.MIGRATIONS[0], step_then_full))
    with pytest.raises(lib.LibraryStorageError, match="is full"):
        lib.open_library(library_dir)
    conn = sqlite3.connect(library_dir / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
    assert "user_tags" not in columns  # the ALTER TABLEs were rolled back too
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert len(list(library_dir.glob(f"{DB_NAME}.v1-*.bak"))) == 1
    monkeypatch.undo()
    with lib.open_library(library_dir) as library:  # room again: the upgrade goes through
        assert lib.article(library, 3).meta.title == "My own title"


def test_backup_that_cannot_be_written_stops_the_migration(library_dir: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _make_v1_library(library_dir)
    monkeypatch.setattr(schema, "backup_path", lambda path, version: library_dir / "missing" / "x.bak")
    with pytest.raises(lib.LibraryError) as caught:
        lib.open_library(library_dir)
    assert str(caught.value)  # a message, whatever SQLite's wording
    conn = sqlite3.connect(library_dir / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
