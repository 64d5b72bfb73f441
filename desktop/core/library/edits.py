"""Changing what the library holds: the user's edits, removal to the trash and back,
and extracting an article again from its original bytes.

User edits (title, date, tags, notes) live in their own columns; extraction only
ever writes the extracted ones, so a re-extract never loses an edit.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import sqlite3
import zlib
from collections.abc import Iterable, Sequence

from desktop.core.errors import LoadError
from desktop.core.library import grouping
from desktop.core.library.errors import NotInLibraryError
from desktop.core.library.fulltext import index_article, set_search_title, unindex_article
from desktop.core.library.prepare import Prepared, prepare_article
from desktop.core.library.records import ImportFailure
from desktop.core.library.store import Library, now, require_live
from desktop.core.loaders import load_bytes


class Keep(enum.Enum):
    """Marks a user field `set_user_fields` leaves as it is."""

    KEEP = enum.auto()


KEEP = Keep.KEEP


def set_user_fields(library: Library, article_id: int, *,
                    title: str | Keep | None = KEEP, date: dt.date | Keep | None = KEEP,
                    tags: Sequence[str] | Keep | None = KEEP, notes: str | Keep | None = KEEP) -> None:
    """Set (a value) or clear (None) the user's title, date, tags or notes of an article."""
    with library.writing() as conn:
        require_live(conn, article_id)
        if title is not KEEP:
            user_title = title.strip() or None if title else None
            conn.execute("UPDATE articles SET user_title = ? WHERE id = ?", (user_title, article_id))
            effective = conn.execute("SELECT COALESCE(user_title, title, '') FROM articles WHERE id = ?",
                                     (article_id,)).fetchone()[0]
            set_search_title(conn, article_id, effective)
        if date is not KEEP:
            conn.execute("UPDATE articles SET user_date = ? WHERE id = ?",
                         (date.isoformat() if date else None, article_id))
        if tags is not KEEP:
            cleaned = sorted({t.strip() for t in tags or () if t.strip()})
            conn.execute("UPDATE articles SET user_tags = ? WHERE id = ?",
                         (json.dumps(cleaned, ensure_ascii=False) if cleaned else None, article_id))
        if notes is not KEEP:
            conn.execute("UPDATE articles SET user_notes = ? WHERE id = ?", (notes or None, article_id))


def remove(library: Library, article_id: int) -> int:
    """Move an article to the trash; returns the id to give `restore` to undo it."""
    with library.writing() as conn:
        require_live(conn, article_id)
        conn.execute("UPDATE articles SET removed_at = ? WHERE id = ?", (now(), article_id))
        unindex_article(conn, article_id)
    return article_id


def restore(library: Library, article_id: int) -> None:
    """Bring an article back from the trash, into the story it was in."""
    with library.writing() as conn:
        row = conn.execute("SELECT removed_at FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None or row[0] is None:
            raise NotInLibraryError(f"there is no article {article_id} in the trash")
        conn.execute("UPDATE articles SET removed_at = NULL WHERE id = ?", (article_id,))
        index_article(conn, article_id)


def empty_trash(library: Library) -> int:
    """Delete the articles in the trash for good; returns how many."""
    with library.writing() as conn:
        count = conn.execute("SELECT COUNT(*) FROM articles WHERE removed_at IS NOT NULL").fetchone()[0]
        for table, column in (("paragraphs", "article_id"), ("sketch", "article_id"), ("doc", "id"),
                              ("unindexed", "article_id"), ("articles", "id")):
            conn.execute(f"DELETE FROM {table} WHERE {column} IN "
                         f"(SELECT id FROM articles WHERE removed_at IS NOT NULL)")
        grouping.drop_empty_stories(conn)
    return int(count)


def reextract(library: Library, article_ids: Iterable[int] | None = None) -> list[ImportFailure]:
    """Read articles again from their original bytes (after a loader improved).

    The extracted blocks and metadata are replaced; the user's edits and the
    story an article is in stay. Returns the articles that could not be read.
    """
    with library.reading() as conn:
        ids = list(article_ids) if article_ids is not None else [
            r[0] for r in conn.execute("SELECT id FROM articles WHERE removed_at IS NULL")]
    failures = []
    for article_id in ids:
        with library.writing() as conn:
            row = conn.execute("SELECT original, path, story_id FROM articles WHERE id = ?",
                               (article_id,)).fetchone()
            if row is None:
                raise NotInLibraryError(f"there is no article {article_id} in the library")
            original, path, story_id = row
            data = zlib.decompress(original)
            try:
                fresh = load_bytes(data, path=path)
            except LoadError as error:
                failures.append(ImportFailure(path or f"article {article_id}", error.reason))
                continue
            _replace_extracted(conn, article_id, story_id, prepare_article(fresh, data, source="", path=path))
    return failures


def _replace_extracted(conn: sqlite3.Connection, article_id: int, story_id: int,
                       fresh: Prepared) -> None:
    unindex_article(conn, article_id)
    conn.execute(
        "UPDATE articles SET text_hash = ?, format = ?, title = ?, date = ?, publisher = ?, url = ?, "
        "first_words = ?, meta_json = ?, blocks = ?, url_key = ?, title_key = ? WHERE id = ?",
        (fresh.text_hash, fresh.format, fresh.title, fresh.date, fresh.publisher, fresh.url,
         fresh.first_words, fresh.meta_json, fresh.blocks_z, fresh.url_key, fresh.title_key, article_id),
    )
    title = conn.execute("SELECT COALESCE(user_title, title, '') FROM articles WHERE id = ?",
                         (article_id,)).fetchone()[0]
    conn.execute("UPDATE doc SET title = ?, body = ? WHERE id = ?", (title, fresh.search_body, article_id))
    index_article(conn, article_id)
    conn.execute("DELETE FROM paragraphs WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM sketch WHERE article_id = ?", (article_id,))
    grouping.forget_held(conn, article_id)
    grouping.record_paragraphs(conn, article_id, story_id, fresh.paragraphs,
                                  grouping.article_sketch(conn, fresh.paragraphs))

