"""The library's database schema as a list of migrations, and the backup taken before one.

A new library is created by running every migration from an empty file, so the
upgrade path from each released schema is exercised by every test that opens a
library. `PRAGMA user_version` holds the number of migrations applied.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.core.library import textkeys
from desktop.core.library.codec import blocks_from_blob
from desktop.core.library.urls import canonical_url

_log = logging.getLogger(__name__)

TOKENIZER = "unicode61 remove_diacritics 2"

#: Version 1: the first released schema.
SCHEMA_V1 = f"""
CREATE TABLE stories (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    story_id INTEGER REFERENCES stories(id),
    sha256 TEXT NOT NULL UNIQUE,
    text_hash TEXT NOT NULL,
    path TEXT,
    imported_at TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT,
    date TEXT,
    publisher TEXT,
    url TEXT,
    first_words TEXT NOT NULL,
    meta_json TEXT NOT NULL,
    blocks BLOB NOT NULL,
    original BLOB NOT NULL,
    user_title TEXT,
    user_date TEXT,
    removed_at TEXT
);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE TABLE doc (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL);
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='doc', content_rowid='id',
                                    tokenize='{TOKENIZER}');
"""

#: Version 2: tags and notes, duplicate flags, manual story choices, and the keys
#: stories are grouped by (canonical URL, title, paragraph fingerprints, sketches);
#: search ranks a match in the title above one in the text; articles stored but
#: not yet in the full-text index (an import indexes them in batches).
#: `paragraphs` and `sketch` are keyed by hash: each import writes one page per
#: entry there (hashes are random), so an article keeps few of them.
SCHEMA_V2 = """
ALTER TABLE articles ADD COLUMN user_tags TEXT;
ALTER TABLE articles ADD COLUMN user_notes TEXT;
ALTER TABLE articles ADD COLUMN duplicate_of INTEGER;
ALTER TABLE articles ADD COLUMN url_key TEXT;
ALTER TABLE articles ADD COLUMN title_key TEXT;
ALTER TABLE articles ADD COLUMN story_manual INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
CREATE INDEX articles_title_key ON articles(title_key) WHERE title_key IS NOT NULL;
CREATE TABLE paragraphs (key INTEGER NOT NULL, article_id INTEGER NOT NULL,
                         PRIMARY KEY (key, article_id)) WITHOUT ROWID;
CREATE INDEX paragraphs_article ON paragraphs(article_id);
CREATE TABLE sketch (hash INTEGER NOT NULL, article_id INTEGER NOT NULL,
                     PRIMARY KEY (hash, article_id)) WITHOUT ROWID;
CREATE INDEX sketch_article ON sketch(article_id);
CREATE TABLE boilerplate (key INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE state (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE unindexed (article_id INTEGER PRIMARY KEY);
INSERT INTO state VALUES ('changes', 0);
INSERT INTO fts (fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    _executescript(conn, SCHEMA_V1)


def _to_v2(conn: sqlite3.Connection) -> None:
    _executescript(conn, SCHEMA_V2)
    rows = conn.execute("SELECT id, url, title, blocks FROM articles").fetchall()
    for article_id, url, title, blob in rows:
        conn.execute("UPDATE articles SET url_key = ?, title_key = ? WHERE id = ?",
                     (canonical_url(url), textkeys.title_key(title), article_id))
        paragraphs = textkeys.body_paragraphs(blocks_from_blob(blob))
        conn.executemany("INSERT OR IGNORE INTO paragraphs (key, article_id) VALUES (?, ?)",
                         [(textkeys.paragraph_key(p), article_id) for p in paragraphs])
        conn.executemany("INSERT OR IGNORE INTO sketch (hash, article_id) VALUES (?, ?)",
                         [(h, article_id) for h in textkeys.sketch(textkeys.shingles(p) for p in paragraphs)])


#: Tables of one connection, in memory: the grouping keys of articles an import
#: stored since its last batch (see `grouping.record_paragraphs`). Written to
#: `paragraphs` and `sketch` one article at a time, keys at random places in those
#: indexes made each article's commit write some sixteen pages more to the WAL.
HELD_TABLES = """
CREATE TEMP TABLE IF NOT EXISTS held_paragraphs (key INTEGER NOT NULL, article_id INTEGER NOT NULL,
                                                 PRIMARY KEY (key, article_id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS held_sketch (hash INTEGER NOT NULL, article_id INTEGER NOT NULL,
                                             PRIMARY KEY (hash, article_id)) WITHOUT ROWID;
CREATE TEMP TABLE IF NOT EXISTS held_articles (article_id INTEGER PRIMARY KEY)
"""


def create_held_tables(conn: sqlite3.Connection) -> None:
    """Create this connection's `HELD_TABLES` (in memory, never in the library file)."""
    conn.execute("PRAGMA temp_store = MEMORY")
    _executescript(conn, HELD_TABLES)


#: `MIGRATIONS[n]` takes a library from version n to n + 1.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_to_v1, _to_v2)
SCHEMA_VERSION = len(MIGRATIONS)


def _executescript(conn: sqlite3.Connection, script: str) -> None:
    # executescript() would COMMIT first; the migration must stay one transaction.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def migrate(conn: sqlite3.Connection, db_path: Path) -> int:
    """Bring the database to `SCHEMA_VERSION`, backing up an existing one first.

    Returns the version found. Runs in one transaction: a failed migration
    leaves the library as it was. Raises `ValueError` for a newer schema.
    """
    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > SCHEMA_VERSION:
        raise ValueError(f"the library was written by a newer version of Palimpsest "
                         f"(schema {found}, this version knows {SCHEMA_VERSION})")
    if found == SCHEMA_VERSION:
        return found
    if found > 0:
        backup = backup_path(db_path, found)
        with sqlite3.connect(backup) as target:
            conn.backup(target)
        target.close()
        _log.info("library schema %d backed up to %s before migrating", found, backup)
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated (or created) the library while we
        # waited for the write lock: start from what is there now.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for step in MIGRATIONS[current:]:
            step(conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def backup_path(db_path: Path, version: int) -> Path:
    """Where the copy of a version-`version` database goes before it is migrated."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    return db_path.with_name(f"{db_path.name}.v{version}-{stamp}.bak")
