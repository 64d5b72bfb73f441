"""The database: migrations with a backup, two writers at once, refusals of the disk."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from desktop.core import library as lib
from desktop.core.library.codec import blocks_to_blob, meta_to_json
from desktop.core.library.store import DB_NAME
from desktop.core.loaders import load_file
from tests.conftest import MARKDOWN_SEED, PLAIN_SEED

#: The first released schema, written out by hand: what a version-1 library holds.
V1_SCHEMA = """
CREATE TABLE stories (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, story_id INTEGER REFERENCES stories(id), sha256 TEXT NOT NULL UNIQUE,
    text_hash TEXT NOT NULL, path TEXT, imported_at TEXT NOT NULL, format TEXT NOT NULL, title TEXT,
    date TEXT, publisher TEXT, url TEXT, first_words TEXT NOT NULL, meta_json TEXT NOT NULL,
    blocks BLOB NOT NULL, original BLOB NOT NULL, user_title TEXT, user_date TEXT, removed_at TEXT);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='doc', content_rowid='id',
                                    tokenize='unicode61 remove_diacritics 2');
PRAGMA user_version = 1;
"""


def _make_v1_library(folder: Path) -> None:
    article = load_file(MARKDOWN_SEED)
    meta = article.meta
    conn = sqlite3.connect(folder / DB_NAME)
    conn.executescript(V1_SCHEMA)
    conn.execute("INSERT INTO stories VALUES (7, '2026-01-20T10:00:00+00:00')")
    conn.execute(
        "INSERT INTO articles (id, story_id, sha256, text_hash, path, imported_at, format, title, date, "
        "publisher, url, first_words, meta_json, blocks, original, user_title) "
        "VALUES (3, 7, ?, 'x', ?, '2026-01-20T10:00:00+00:00', 'markdown', ?, ?, ?, ?, 'Putin', ?, ?, ?, ?)",
        (meta.sha256, str(MARKDOWN_SEED), meta.title, meta.date.isoformat() if meta.date else None,
         meta.publisher, meta.url, meta_to_json(meta), blocks_to_blob(article.blocks),
         zlib.compress(MARKDOWN_SEED.read_bytes()), "My own title"),
    )
    conn.execute("INSERT INTO doc VALUES (3, ?, ?)", (meta.title, article.text))
    conn.execute("INSERT INTO fts (rowid, title, body) VALUES (3, ?, ?)", (meta.title, article.text))
    conn.commit()
    conn.close()


def test_version_1_library_is_backed_up_and_migrated(library_dir: Path) -> None:
    _make_v1_library(library_dir)
    with lib.open_library(library_dir) as library:
        with library.reading() as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == lib.SCHEMA_VERSION == 2
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The old article reads as before, with the user's title; new fields work.
        assert lib.article(library, 3).meta.title == "My own title"
        assert [h.article_id for h in lib.search(library, "Kremlin ceremony")] == [3]
        lib.set_user_fields(library, 3, tags=["russia", "europe"], notes="check the date")
        assert lib.user_fields(library, 3).tags == ("europe", "russia")
        # Grouping keys were filled in: the scraped copy joins the migrated article's story.
        [plain] = lib.import_paths(library, [PLAIN_SEED]).added
        assert plain.story_id == 7
    [backup] = library_dir.glob(f"{DB_NAME}.v1-*.bak")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT user_title FROM articles").fetchall() == [("My own title",)]
    old.close()


def test_new_library_needs_no_backup(library_dir: Path) -> None:
    lib.open_library(library_dir).close()
    lib.open_library(library_dir).close()
    assert sorted(p.name for p in library_dir.iterdir() if p.suffix == ".bak") == []


def test_library_from_a_newer_version_is_refused(library_dir: Path) -> None:
    conn = sqlite3.connect(library_dir / DB_NAME)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(lib.LibraryError, match="newer version"):
        lib.open_library(library_dir)


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(lib.LibraryStorageError, match="cannot create the library folder"):
        lib.open_library(blocker / "library")


def test_damaged_database_file(library_dir: Path) -> None:
    (library_dir / DB_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(lib.LibraryStorageError, match="damaged"):
        lib.open_library(library_dir)


def _integrity_and_counts(library: lib.Library) -> tuple[str, int, int, int]:
    with library.reading() as conn:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                *(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "doc", "fts")))


def test_read_only_library_leaves_nothing_half_written(library: lib.Library) -> None:
    lib.import_paths(library, [PLAIN_SEED])
    before = lib.data_version(library)
    with library.locked() as conn:
        # As root, chmod does not stop writes; SQLite's read-only mode fails them the same way.
        conn.execute("PRAGMA query_only = ON")
    with pytest.raises(lib.LibraryStorageError, match="cannot be written"):
        lib.import_paths(library, [MARKDOWN_SEED])
    with library.locked() as conn:
        conn.execute("PRAGMA query_only = OFF")
    assert _integrity_and_counts(library) == ("ok", 1, 1, 1)
    assert lib.data_version(library) == before


def test_full_disk_keeps_earlier_articles_whole(library: lib.Library, tmp_path: Path) -> None:
    lib.import_paths(library, [PLAIN_SEED])
    with library.locked() as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # the disk is nearly full
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"Paragraph {i} " + "word " * 400 for i in range(60)), "utf-8")
    with pytest.raises(lib.LibraryStorageError, match="is full"):
        lib.import_paths(library, [MARKDOWN_SEED, big])
    assert _integrity_and_counts(library) == ("ok", 2, 2, 2)
    assert lib.stories(library)[0].versions == 2


def test_two_writers_wait_for_each_other_or_report_busy(library_dir: Path) -> None:
    first = lib.open_library(library_dir)
    impatient = lib.open_library(library_dir, busy_timeout=0.1)
    patient = lib.open_library(library_dir, busy_timeout=10)
    holding = threading.Event()
    release = threading.Event()

    def hold_the_lock() -> None:
        with first.writing():
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold_the_lock)
    holder.start()
    holding.wait(5)
    with pytest.raises(lib.LibraryBusyError, match="library busy, retry"):
        lib.import_paths(impatient, [PLAIN_SEED])
    threading.Timer(0.3, release.set).start()
    started = time.monotonic()
    assert len(lib.import_paths(patient, [PLAIN_SEED]).added) == 1  # waited, then wrote
    assert time.monotonic() - started >= 0.2
    holder.join()
    assert _integrity_and_counts(first) == ("ok", 1, 1, 1)
    for opened in (first, impatient, patient):
        opened.close()


def test_concurrent_imports_never_corrupt(library_dir: Path, tmp_path: Path) -> None:
    folders = []
    for writer in range(2):
        folder = tmp_path / f"w{writer}"
        folder.mkdir()
        for i in range(15):
            text = f"Writer {writer} article {i}. " + f"w{writer}x{i} " * 50
            (folder / f"{i}.txt").write_text(text, "utf-8")
        folders.append(folder)
    # The same seed in both: one of them finds it already there, whoever comes second.
    results: list[lib.ImportSummary] = []

    def run(folder: Path) -> None:
        with lib.open_library(library_dir) as library:
            results.append(lib.import_paths(library, [folder, MARKDOWN_SEED]))

    threads = [threading.Thread(target=run, args=(f,)) for f in folders]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(len(r.added) for r in results) == 31
    assert sum(len(r.already) for r in results) == 1
    with lib.open_library(library_dir) as library:
        assert _integrity_and_counts(library) == ("ok", 31, 31, 31)


def _import_in_a_process(library_dir: str, folder: str) -> tuple[int, int]:
    with lib.open_library(library_dir) as library:
        summary = lib.import_paths(library, [folder, MARKDOWN_SEED], workers=0)
    return len(summary.added), len(summary.already)


def test_two_processes_import_at_once(library_dir: Path, tmp_path: Path) -> None:
    folders = []
    for writer in range(2):
        folder = tmp_path / f"p{writer}"
        folder.mkdir()
        for i in range(20):
            (folder / f"{i}.txt").write_text(f"Process {writer} text {i}. " + f"p{writer}y{i} " * 60, "utf-8")
        folders.append(str(folder))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        results = list(pool.map(_import_in_a_process, [str(library_dir)] * 2, folders))
    assert sum(added for added, _ in results) == 41
    assert sum(already for _, already in results) == 1
    with lib.open_library(library_dir) as library:
        assert _integrity_and_counts(library) == ("ok", 41, 41, 41)


def test_data_version_counts_changes(library: lib.Library) -> None:
    start = lib.data_version(library)
    [item] = lib.import_paths(library, [PLAIN_SEED]).added
    imported = lib.data_version(library)
    assert imported > start
    lib.import_paths(library, [PLAIN_SEED])  # already there: nothing changed
    assert lib.data_version(library) == imported
    lib.set_user_fields(library, item.article_id, notes="n")
    assert lib.data_version(library) == imported + 1
