"""The library's database: opening it, its transactions, and turning SQLite's errors
into messages a user understands.

One `Library` wraps one SQLite connection in WAL mode. Writers take the write
lock at the start of their transaction (`BEGIN IMMEDIATE`) and wait up to
`busy_timeout` seconds for another process to finish; past that they fail with
`LibraryBusyError` and the transaction leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from desktop.core.library.errors import (
    LibraryBusyError,
    LibraryError,
    LibraryStorageError,
    NotInLibraryError,
)
from desktop.core.library.schema import create_held_tables, migrate
from desktop.core.library.textkeys import fold_yo
from desktop.core.settings import default_library_dir

_log = logging.getLogger(__name__)

DB_NAME = "library.sqlite3"
DEFAULT_BUSY_TIMEOUT = 10.0
#: WAL pages between checkpoints during a bulk import (about 32 MB of WAL).
BULK_CHECKPOINT_PAGES = 8000


class Library:
    """An open article library. Thread-safe by a lock; close it (or use `with`) when done."""

    def __init__(self, conn: sqlite3.Connection, folder: Path) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.folder = folder
        self.path = folder / DB_NAME

    def close(self) -> None:
        """Close the connection (checkpointing the WAL if we are the last user)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Many small transactions ahead (an import): checkpoint the WAL less often.

        Each checkpoint syncs the disk; at SQLite's default (every 1000 pages,
        some twenty articles) they cost more than the articles' own commits.
        """
        with self._lock:
            self._conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_CHECKPOINT_PAGES}")
        try:
            yield
        finally:
            with self._lock, suppress(sqlite3.Error):
                self._conn.execute("PRAGMA wal_autocheckpoint = 1000")
                self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def locked(self) -> Iterator[sqlite3.Connection]:
        """The bare connection under the lock; the caller handles SQLite's errors."""
        with self._lock:
            yield self._conn

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection for queries, with SQLite errors turned into `LibraryError`s."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as error:
                raise storage_error(error, self.folder) from error

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or (on any error) none of it."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise storage_error(error, self.folder) from error
            try:
                yield conn
                conn.execute("UPDATE state SET value = value + 1 WHERE key = 'changes'")
                conn.execute("COMMIT")
            except BaseException as error:
                # SQLite may have rolled back already (disk full): nothing left to undo.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raise storage_error(error, self.folder) from error
                raise


def connect_library(folder: str | os.PathLike[str] | None = None, *,
                    busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Library:
    """Connect to (creating or migrating as needed) the library in `folder`.

    `folder` defaults to `default_library_dir()` (`$PALIMPSEST_LIBRARY` or the
    user data folder). `pending.open_library` also finishes what a killed import left.
    """
    where = Path(folder) if folder is not None else default_library_dir()
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryStorageError(f"cannot create the library folder {where}: "
                                  f"{error.strerror or error}") from error
    try:
        conn = sqlite3.connect(where / DB_NAME, timeout=busy_timeout, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as error:
        raise storage_error(error, where) from error
    try:
        # WAL lets readers (the window) go on while an import writes; NORMAL
        # sync is safe in WAL mode (a power cut can lose the last commits, never
        # corrupt the file) and spares an fsync per imported article.
        mode = _set_wal(conn, busy_timeout)
        if mode != "wal":
            _log.warning("library %s is in %s mode, not WAL", where, mode)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("fold_yo", 1, fold_yo, deterministic=True)
        conn.create_function("indexed_tokens", 1, indexed_tokens, deterministic=True)
        migrate(conn, where / DB_NAME)
        create_held_tables(conn)
    except ValueError as error:
        conn.close()
        raise LibraryError(str(error)) from error
    except sqlite3.Error as error:
        conn.close()
        raise storage_error(error, where) from error
    except OSError as error:
        conn.close()
        raise LibraryStorageError(f"cannot back up the library before upgrading it: "
                                  f"{error.strerror or error}") from error
    return Library(conn, where)


def indexed_tokens(sizes: bytes | None) -> int:
    """The tokens FTS5 indexed for one row, from its `fts_docsize.sz`: a varint per column
    (SQLite's: seven bits a byte, high bit set on all but the last; counts never need nine)."""
    total = value = 0
    for byte in sizes or b"":
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            total, value = total + value, 0
    return total


def index_unindexed(conn: sqlite3.Connection) -> int:
    """Add the articles queued in `unindexed` to the full-text index (inside a transaction)."""
    count = conn.execute("SELECT COUNT(*) FROM unindexed").fetchone()[0]
    conn.execute("INSERT INTO fts (rowid, title, body) SELECT d.id, fold_yo(d.title), fold_yo(d.body) "
                 "FROM doc d JOIN unindexed u ON u.article_id = d.id")
    conn.execute("DELETE FROM unindexed")
    return int(count)


def _set_wal(conn: sqlite3.Connection, busy_timeout: float) -> str:
    """Switch to WAL mode, retrying: SQLite does not wait for the lock this takes by itself,
    so a second process opening a library being created would fail at once."""
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            return str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def storage_error(error: sqlite3.Error, folder: Path) -> LibraryError:
    """The user-facing error for an SQLite failure on the library in `folder`."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    lowered = text.lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in lowered:
        return LibraryBusyError()
    if name.startswith("SQLITE_FULL") or "disk is full" in lowered:
        return LibraryStorageError(f"the disk holding the library ({folder}) is full; "
                                   "the last change was not saved")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")) or "readonly" in lowered:
        return LibraryStorageError(f"the library in {folder} cannot be written "
                                   f"(read-only folder or disk?): {text}")
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return LibraryStorageError(f"the library database in {folder} is damaged: {text}")
    if name.startswith("SQLITE_IOERR"):
        return LibraryStorageError(f"the disk failed while using the library in {folder}: {text}")
    return LibraryError(f"library error ({text})")


def require_live(conn: sqlite3.Connection, article_id: int) -> None:
    """Raise `NotInLibraryError` unless the article is in the library (not in the trash)."""
    found = conn.execute("SELECT 1 FROM articles WHERE id = ? AND removed_at IS NULL", (article_id,))
    if found.fetchone() is None:
        raise NotInLibraryError(f"there is no article {article_id} in the library")


def now() -> str:
    """The current time as stored in the library (UTC, ISO 8601, seconds)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def data_version(library: Library) -> int:
    """A number that grows with every change to the library: poll it to refresh cheaply."""
    with library.reading() as conn:
        return int(conn.execute("SELECT value FROM state WHERE key = 'changes'").fetchone()[0])
